/**
 * The playground page's own files (playground/page/): every string key they name exists
 * in both locales/{fa,en}/playground.json, nothing points at another site, and app.js uses
 * no syntax newer than ES2017 (it must run on an old phone without a build step).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const page = (name: string) => readFileSync(path.join(root, 'playground/page', name), 'utf8');
const html = page('index.html');
const js = page('app.js');
const css = page('style.css');

type Tree = { [k: string]: string | Tree };
function keysOf(lng: string): Set<string> {
  const out = new Set<string>();
  const walk = (t: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(t)) typeof v === 'string' ? out.add(prefix + k) : walk(v, `${prefix}${k}.`);
  };
  walk(JSON.parse(readFileSync(path.join(root, 'locales', lng, 'playground.json'), 'utf8')) as Tree, '');
  return out;
}

/** Keys named literally: data-i18n*="key" in the HTML, t('key') / t('errors.X') in the script. */
function usedKeys(): string[] {
  const used = new Set<string>();
  for (const m of html.matchAll(/data-i18n(?:-label|-title|-placeholder)?="([^"]+)"/g)) used.add(m[1]!);
  // A prefix joined with a value at run time (t('identity.' + key)) is not a key; its values are checked below.
  for (const m of js.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) if (!m[1]!.endsWith('.')) used.add(m[1]!);
  return [...used];
}

describe('the playground page files', () => {
  it('name only string keys that both languages have', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(30);
    for (const lng of ['fa', 'en']) {
      const keys = keysOf(lng);
      expect(used.filter((k) => !keys.has(k)), lng).toEqual([]);
      // The labels of the identities the server lists come from these keys (t('identity.' + key)).
      for (const identity of ['new-donor', 'demo-donor', 'volunteer', 'trustee']) expect(keys.has(`identity.${identity}`), `${lng} identity.${identity}`).toBe(true);
    }
  });

  it('load nothing from another site', () => {
    for (const text of [html, js, css]) expect(text).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.filter((r) => !r.startsWith('/playground/assets/') && r !== 'data:,')).toEqual([]);
    expect([...css.matchAll(/url\('([^']+)'\)/g)].map((m) => m[1]!).every((u) => u.startsWith('/playground/assets/fonts/'))).toBe(true);
  });

  it('app.js needs nothing newer than ES2017 (compiling it down to ES2017 changes nothing)', () => {
    const compile = (target: ts.ScriptTarget) =>
      ts.transpileModule(js, { compilerOptions: { target, allowJs: true, removeComments: false }, fileName: 'app.js' }).outputText;
    expect(compile(ts.ScriptTarget.ES2017)).toBe(compile(ts.ScriptTarget.ESNext));
    // The check itself catches newer syntax (optional chaining, ??).
    const newer = 'var a = b?.c ?? d;';
    const down = (target: ts.ScriptTarget) => ts.transpileModule(newer, { compilerOptions: { target, allowJs: true }, fileName: 'x.js' }).outputText;
    expect(down(ts.ScriptTarget.ES2017)).not.toBe(down(ts.ScriptTarget.ESNext));
  });
});
