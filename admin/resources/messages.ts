/**
 * Sentences the resources send in notices: core's error codes (locales/<lng>/errors.json,
 * the same sentences the bot uses) and the resources' own messages
 * (locales/<lng>/admin-resources.json, `messages.*`). AdminJS shows a notice's message
 * through its translator, which returns an unknown key unchanged, so a finished sentence
 * passes through as it is.
 */
import { fillPlaceholders, localeString, type AdminLocale } from '../locale/index.ts';

/** The sentence for a core error code (errors.<CODE>), or the generic one. */
export function errorMessage(code: string, lng: AdminLocale): string {
  return localeString(lng, 'errors.json', code) ?? localeString(lng, 'errors.json', 'VALIDATION') ?? code;
}

/** A resources message, e.g. `resourceMessage('fa', 'donationConfirmed', { receiptNo })`. */
export function resourceMessage(lng: AdminLocale, key: string, vars: Record<string, string | number> = {}): string {
  const text = localeString(lng, 'admin-resources.json', `messages.${key}`);
  return text ? fillPlaceholders(text, vars) : key;
}

/** A label of an enum value as the resources' locale names it (`resources.<R>.labels.<prop>.<value>`). */
export function valueLabel(lng: AdminLocale, resource: string, property: string, value: string): string {
  return localeString(lng, 'admin-resources.json', `resources.${resource}.labels.${property}.${value}`) ?? value;
}
