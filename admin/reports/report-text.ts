/**
 * Words for the spreadsheets and their refusals, read on the server from
 * locales/<lng>/admin-dashboard.json (the `spreadsheet` and dashboard label
 * trees) and locales/<lng>/errors.json.
 */
import { fillPlaceholders, localeString, type AdminLocale } from '../locale/index.ts';

/** A string of admin-dashboard.json, e.g. `text('fa', 'spreadsheet.centerMonth.title', { center })`. */
export function text(lng: AdminLocale, key: string, vars: Record<string, string | number> = {}): string {
  return fillPlaceholders(localeString(lng, 'admin-dashboard.json', key) ?? key, vars);
}

/** An enum value's label from the dashboard's lists (funds, licenseStates, approvalKinds, trusteeRoles). */
export function label(lng: AdminLocale, list: 'funds' | 'licenseStates' | 'approvalKinds' | 'trusteeRoles', value: string): string {
  return localeString(lng, 'admin-dashboard.json', `components.Dashboard.${list}.${value}`) ?? value;
}

/** The sentence of a domain error code (errors.<CODE>), without its placeholders' values. */
export function errorText(lng: AdminLocale, code: string): string {
  const error = (key: string) => localeString(lng, 'errors.json', key);
  return fillPlaceholders(error(code) ?? error(`errors.${code}`) ?? error('FORBIDDEN') ?? code, {});
}
