/**
 * The panel's languages: fa (default) and en. AdminJS gets its UI strings from
 * locales/<lng>/admin.json (`adminjs` subtree) merged with every other
 * locales/<lng>/admin-*.json file (resources, dashboard: written as AdminJS translations,
 * e.g. `{ "resources": { "Center": { "properties": { ... } } } }`). Server-rendered text
 * (login page, errors) uses `translate`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale, LocaleTranslations } from 'adminjs';

export const ADMIN_LOCALES = ['fa', 'en'] as const;
export type AdminLocale = (typeof ADMIN_LOCALES)[number];
export const DEFAULT_ADMIN_LOCALE: AdminLocale = 'fa';

export function isAdminLocale(value: unknown): value is AdminLocale {
  return typeof value === 'string' && (ADMIN_LOCALES as readonly string[]).includes(value);
}

export function directionOf(lng: AdminLocale): 'rtl' | 'ltr' {
  return lng === 'fa' ? 'rtl' : 'ltr';
}

type Tree = { [key: string]: string | Tree };

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');
const cache = new Map<AdminLocale, { admin: Tree; adminjs: LocaleTranslations }>();

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(target: Tree, source: Tree): Tree {
  const out: Tree = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    out[key] = isTree(existing) && isTree(value) ? deepMerge(existing, value) : value;
  }
  return out;
}

function readTree(file: string): Tree {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isTree(parsed)) throw new Error(`${file}: expected a JSON object`);
  return parsed;
}

function load(lng: AdminLocale): { admin: Tree; adminjs: LocaleTranslations } {
  let entry = cache.get(lng);
  if (!entry) {
    const dir = path.join(LOCALES_DIR, lng);
    const admin = readTree(path.join(dir, 'admin.json'));
    let adminjs = isTree(admin.adminjs) ? admin.adminjs : {};
    const others = readdirSync(dir)
      .filter((f) => f.startsWith('admin-') && f.endsWith('.json'))
      .sort();
    for (const file of others) adminjs = deepMerge(adminjs, readTree(path.join(dir, file)));
    adminjs = withResourceActionsGlobal(adminjs);
    entry = { admin, adminjs: adminjs as LocaleTranslations };
    cache.set(lng, entry);
  }
  return entry;
}

/**
 * Some AdminJS views (the breadcrumbs) translate an action by its name alone, without the
 * resource: the custom actions' labels, written per resource, are lifted into the global
 * `actions` map as well (a global label, when there is one, wins).
 */
function withResourceActionsGlobal(adminjs: Tree): Tree {
  const lifted: Tree = {};
  const resources = isTree(adminjs.resources) ? adminjs.resources : {};
  for (const resource of Object.values(resources)) {
    if (isTree(resource) && isTree(resource.actions)) Object.assign(lifted, resource.actions);
  }
  return { ...adminjs, actions: deepMerge(lifted, isTree(adminjs.actions) ? adminjs.actions : {}) };
}

/** AdminJS's `locale` option for one language (only that one: switching is done by the server). */
export function adminjsLocale(lng: AdminLocale): Locale {
  return { language: lng, availableLanguages: [lng], localeDetection: false, translations: { [lng]: load(lng).adminjs } };
}

function lookupString(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = isTree(node) ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** `{{ name }}` placeholders replaced by their values (one without a value leaves nothing). */
export function fillPlaceholders(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
}

const fileCache = new Map<string, Tree>();

/** A string of locales/<lng>/<file> by its dotted key path (read once per file), or undefined. */
export function localeString(lng: AdminLocale, file: string, key: string): string | undefined {
  const cacheKey = `${lng}/${file}`;
  let tree = fileCache.get(cacheKey);
  if (!tree) fileCache.set(cacheKey, (tree = readTree(path.join(LOCALES_DIR, lng, file))));
  return lookupString(tree, key);
}

/** A server-side string from locales/<lng>/admin.json, e.g. `translate('fa', 'login.title')`. */
export function translate(lng: AdminLocale, key: string, vars: Record<string, string | number> = {}): string {
  const text = lookupString(load(lng).admin, key);
  return text === undefined ? key : fillPlaceholders(text, vars);
}

/** Persian digits for numbers shown in fa text. */
export function localDigits(lng: AdminLocale, value: number | string): string {
  const s = String(value);
  return lng === 'fa' ? s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!) : s;
}
