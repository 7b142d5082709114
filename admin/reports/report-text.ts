/**
 * Words for the spreadsheets and their refusals, read on the server from
 * locales/<lng>/admin-dashboard.json (the `spreadsheet` and dashboard label
 * trees) and locales/<lng>/errors.json.
 */
import { fillPlaceholders, localeString } from '../locale/index.ts';
import type { Language } from '../../messenger/i18n.ts';

/** A string of admin-dashboard.json, e.g. `text('fa', 'spreadsheet.centerMonth.title', { center })`. */
export function text(lng: Language, key: string, vars: Record<string, string | number> = {}): string {
  return fillPlaceholders(localeString(lng, 'admin-dashboard', key) ?? key, vars);
}

/** An enum value's label from the dashboard's lists (funds, licenseStates, approvalKinds, trusteeRoles). */
export function label(lng: Language, list: 'funds' | 'licenseStates' | 'approvalKinds' | 'trusteeRoles', value: string): string {
  return localeString(lng, 'admin-dashboard', `components.Dashboard.${list}.${value}`) ?? value;
}

/** The sentence of a domain error code (errors.<CODE>), without its placeholders' values. */
export function errorText(lng: Language, code: string): string {
  const error = (key: string) => localeString(lng, 'errors', key);
  return fillPlaceholders(error(code) ?? error(`errors.${code}`) ?? error('FORBIDDEN') ?? code, {});
}
