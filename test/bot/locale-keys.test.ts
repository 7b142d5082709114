/**
 * Every locale key the bot's sources name literally exists in both fa and en:
 * `t('ns:key')`, keys in ternaries and constants ('ns:a.b'), menu labels and
 * `errors:CODE`. Callback data such as 'donor:pledge' (no dot) is not a key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../messenger/i18n.ts';

const root = path.resolve(import.meta.dirname, '../..');
const namespaces = readdirSync(path.join(root, 'locales/fa'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

function usedKeys(): Map<string, string> {
  const ns = namespaces.join('|');
  const afterT = new RegExp(`\\bt\\(\\s*['"\`]((?:${ns}):[A-Za-z0-9_.-]+)['"\`]`, 'g');
  const anyLiteral = new RegExp(`['"\`]((?:${ns}):[A-Za-z0-9_.-]+)['"\`]`, 'g');
  const keys = new Map<string, string>();
  for (const file of sources(path.join(root, 'bot'))) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    for (const m of text.matchAll(afterT)) keys.set(m[1]!, rel);
    for (const m of text.matchAll(anyLiteral)) {
      const key = m[1]!;
      if (key.startsWith('errors:') || key.slice(key.indexOf(':') + 1).includes('.')) keys.set(key, rel);
    }
  }
  return keys;
}

describe('locale keys used by the bot', () => {
  const keys = usedKeys();

  it('finds the keys (the scan itself works)', () => {
    expect(keys.has('bot:stale.button')).toBe(true);
    expect(keys.has('bot:start.centerNotLicensed')).toBe(true); // inside a ternary
    expect(keys.has('bot:menu.chooseCenter')).toBe(true); // a menu label
    expect(keys.size).toBeGreaterThan(30);
  });

  it.each(['fa', 'en'])('every one exists in %s', (lng) => {
    const missing = [...keys].filter(([key]) => !i18n.exists(key, { lng, fallbackLng: false })).map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });
});
