/**
 * Words for the spreadsheets and their refusals, read on the server from
 * locales/<lng>/admin-dashboard.json (the `spreadsheet` and dashboard label
 * trees) and locales/<lng>/errors.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AdminLocale } from '../locale/index.ts';

type Tree = { [key: string]: string | Tree };
const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');
const cache = new Map<string, Tree>();

function tree(lng: AdminLocale, file: string): Tree {
  const key = `${lng}/${file}`;
  let t = cache.get(key);
  if (!t) {
    t = JSON.parse(readFileSync(path.join(LOCALES_DIR, lng, file), 'utf8')) as Tree;
    cache.set(key, t);
  }
  return t;
}

function lookup(t: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = t;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
}

/** A string of admin-dashboard.json, e.g. `text('fa', 'spreadsheet.centerMonth.title', { center })`. */
export function text(lng: AdminLocale, key: string, vars: Record<string, string | number> = {}): string {
  return fill(lookup(tree(lng, 'admin-dashboard.json'), key) ?? key, vars);
}

/** An enum value's label from the dashboard's lists (funds, licenseStates, approvalKinds, trusteeRoles). */
export function label(lng: AdminLocale, list: 'funds' | 'licenseStates' | 'approvalKinds' | 'trusteeRoles', value: string): string {
  return lookup(tree(lng, 'admin-dashboard.json'), `components.Dashboard.${list}.${value}`) ?? value;
}

/** The sentence of a domain error code (errors.<CODE>), without its placeholders' values. */
export function errorText(lng: AdminLocale, code: string): string {
  const t = tree(lng, 'errors.json');
  return fill(lookup(t, code) ?? lookup(t, `errors.${code}`) ?? lookup(t, 'FORBIDDEN') ?? code, {});
}
