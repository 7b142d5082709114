/**
 * Sentences the resources send in notices: core's error codes (locales/<lng>/errors.json,
 * the same sentences the bot uses) and the resources' own messages
 * (locales/<lng>/admin-resources.json, `messages.*`). AdminJS shows a notice's message
 * through its translator, which returns an unknown key unchanged, so a finished sentence
 * passes through as it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AdminLocale } from '../locale/index.ts';

type Tree = { [key: string]: string | Tree };
const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');
const cache = new Map<string, Tree>();

function tree(lng: AdminLocale, namespace: string): Tree {
  const key = `${lng}/${namespace}`;
  let t = cache.get(key);
  if (!t) {
    t = JSON.parse(readFileSync(path.join(LOCALES_DIR, lng, `${namespace}.json`), 'utf8')) as Tree;
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

/** The sentence for a core error code (errors.<CODE>), or the generic one. */
export function errorMessage(code: string, lng: AdminLocale): string {
  const t = tree(lng, 'errors');
  return lookup(t, code) ?? lookup(t, 'VALIDATION') ?? code;
}

/** A resources message, e.g. `resourceMessage('fa', 'donationConfirmed', { receiptNo })`. */
export function resourceMessage(lng: AdminLocale, key: string, vars: Record<string, string | number> = {}): string {
  const text = lookup(tree(lng, 'admin-resources'), `messages.${key}`);
  return text ? fill(text, vars) : key;
}

/** A label of an enum value as the resources' locale names it (`resources.<R>.labels.<prop>.<value>`). */
export function valueLabel(lng: AdminLocale, resource: string, property: string, value: string): string {
  return lookup(tree(lng, 'admin-resources'), `resources.${resource}.labels.${property}.${value}`) ?? value;
}
