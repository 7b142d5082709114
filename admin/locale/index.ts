/**
 * The panel's strings, shaped for AdminJS from the trees messenger/i18n.ts loaded: AdminJS
 * gets its UI strings from the `admin` namespace's `adminjs` subtree merged with every
 * admin-* namespace (resources, dashboard: written as AdminJS translations, e.g.
 * `{ "resources": { "Center": { "properties": { ... } } } }`). Server-rendered text (login
 * page, errors) uses `translate`.
 */
import type { Locale, LocaleTranslations } from 'adminjs';
import { persianDigits } from '../../messenger/digits.ts';
import { localeNamespaces, localeTree, type Language, type LocaleTree } from '../../messenger/i18n.ts';

export function directionOf(lng: Language): 'rtl' | 'ltr' {
  return lng === 'fa' ? 'rtl' : 'ltr';
}

type Tree = LocaleTree;

const cache = new Map<Language, LocaleTranslations>();

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

function adminjsTranslations(lng: Language): LocaleTranslations {
  let translations = cache.get(lng);
  if (!translations) {
    const admin = localeTree(lng, 'admin');
    let adminjs = isTree(admin.adminjs) ? admin.adminjs : {};
    for (const namespace of localeNamespaces(lng).filter((n) => n.startsWith('admin-'))) adminjs = deepMerge(adminjs, localeTree(lng, namespace));
    // A copy: AdminJS owns what it is given, the loaded trees stay as read.
    translations = structuredClone(withResourceActionsGlobal(adminjs)) as LocaleTranslations;
    cache.set(lng, translations);
  }
  return translations;
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
export function adminjsLocale(lng: Language): Locale {
  return { language: lng, availableLanguages: [lng], localeDetection: false, translations: { [lng]: adminjsTranslations(lng) } };
}

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = isTree(node) ? node[part] : undefined;
  return node;
}

function lookupString(tree: Tree, key: string): string | undefined {
  const node = lookup(tree, key);
  return typeof node === 'string' ? node : undefined;
}

/** `{{ name }}` placeholders replaced by their values (one without a value leaves nothing). */
export function fillPlaceholders(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
}

/** A string of locales/<lng>/<namespace>.json by its dotted key path, or undefined. */
export function localeString(lng: Language, namespace: string, key: string): string | undefined {
  return lookupString(localeTree(lng, namespace), key);
}

/** The keys of a section of locales/<lng>/<namespace>.json, in the file's order (a page's reading order). */
export function localeKeys(lng: Language, namespace: string, key: string): string[] {
  const node = lookup(localeTree(lng, namespace), key);
  return isTree(node) ? Object.keys(node) : [];
}

/** A server-side string from locales/<lng>/admin.json, e.g. `translate('fa', 'login.title')`. */
export function translate(lng: Language, key: string, vars: Record<string, string | number> = {}): string {
  const text = localeString(lng, 'admin', key);
  return text === undefined ? key : fillPlaceholders(text, vars);
}

/** Persian digits for numbers shown in fa text. */
export function localDigits(lng: Language, value: number | string): string {
  const s = String(value);
  return lng === 'fa' ? persianDigits(s) : s;
}
