/**
 * Every locales/<lng>/<namespace>.json, loaded once at start for the bot, the sender, the
 * playground and the panel: `t('bot:help.text')` (namespace = file name, then the key
 * path). Persian is the default and the fallback. The panel shapes its AdminJS
 * translations from the same loaded trees (`localeTree`), so a string is read once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type Resource, type ResourceLanguage } from 'i18next';

export const LANGUAGES = ['fa', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fa';

export type TFunction = (key: string, params?: Record<string, unknown>) => string;

/** A locale file as parsed: nested objects of strings. */
export type LocaleTree = { [key: string]: string | LocaleTree };

const localesDir = path.resolve(import.meta.dirname, '../locales');

function loadResources(): Resource {
  const resources: Resource = {};
  for (const lng of LANGUAGES) {
    const namespaces: ResourceLanguage = {};
    for (const file of readdirSync(path.join(localesDir, lng)).filter((f) => f.endsWith('.json'))) {
      namespaces[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(localesDir, lng, file), 'utf8'));
    }
    resources[lng] = namespaces;
  }
  return resources;
}

const resources = loadResources();

export const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  ns: Object.keys(resources.fa ?? {}),
  defaultNS: 'bot',
  nsSeparator: ':',
  keySeparator: '.',
  // Replies are plain text (Bale has no parse_mode): nothing to escape.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function isLanguage(v: unknown): v is Language {
  return v === 'fa' || v === 'en';
}

const translators = new Map<Language, TFunction>();

/**
 * A translator fixed to one language, made once per language. A key asked without parameters
 * always gives the same text, so it is looked up once: a conversation asks its earlier
 * questions again at every step (grammY's conversations replay), each a handful of keys.
 */
export function translator(lng: Language): TFunction {
  const made = translators.get(lng);
  if (made) return made;
  const fixed = i18n.getFixedT(lng);
  const plain = new Map<string, string>();
  const t: TFunction = (key, params) => {
    if (params !== undefined) return String(fixed(key, params));
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = String(fixed(key, {}))));
    return text;
  };
  translators.set(lng, t);
  return t;
}

/** The language a new user gets: English when their client says so, else Persian. */
export function languageFromClient(code: string | undefined): Language {
  return code?.toLowerCase().startsWith('en') ? 'en' : 'fa';
}

/** The namespaces of a language (its file names), sorted. */
export function localeNamespaces(lng: Language): string[] {
  return Object.keys(resources[lng] ?? {}).sort();
}

/** One namespace of one language as loaded (empty when there is no such file); read-only. */
export function localeTree(lng: Language, namespace: string): Readonly<LocaleTree> {
  return (resources[lng]?.[namespace] as LocaleTree | undefined) ?? {};
}
