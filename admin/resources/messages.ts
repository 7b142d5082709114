/**
 * Sentences the resources send in notices: core's error codes (locales/<lng>/errors.json,
 * the same sentences the bot uses) and the resources' own messages
 * (locales/<lng>/admin-resources.json, `messages.*`). AdminJS shows a notice's message
 * through its translator, which returns an unknown key unchanged, so a finished sentence
 * passes through as it is.
 */
import { fillPlaceholders, localeString } from '../locale/index.ts';
import type { Language } from '../../messenger/i18n.ts';

/** The sentence for a core error code (errors.<CODE>), or the generic one. */
export function errorMessage(code: string, lng: Language): string {
  return localeString(lng, 'errors', code) ?? localeString(lng, 'errors', 'VALIDATION') ?? code;
}

/** A resources message, e.g. `resourceMessage('fa', 'donationConfirmed', { receiptNo })`. */
export function resourceMessage(lng: Language, key: string, vars: Record<string, string | number> = {}): string {
  const text = localeString(lng, 'admin-resources', `messages.${key}`);
  return text ? fillPlaceholders(text, vars) : key;
}

/** A label of an enum value as the resources' locale names it (`resources.<R>.labels.<prop>.<value>`). */
export function valueLabel(lng: Language, resource: string, property: string, value: string): string {
  return localeString(lng, 'admin-resources', `resources.${resource}.labels.${property}.${value}`) ?? value;
}
