/** Every error code has a sentence in both languages, and both languages have the same keys. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.ts';
import { translator } from '../messenger/i18n.ts';

const dir = path.resolve(import.meta.dirname, '../locales');
type Tree = { [k: string]: string | Tree };

function keys(lang: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (t: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(t)) typeof v === 'string' ? out.set(prefix + k, v) : walk(v, `${prefix}${k}.`);
  };
  for (const f of readdirSync(path.join(dir, lang)).filter((f) => f.endsWith('.json')))
    walk(JSON.parse(readFileSync(path.join(dir, lang, f), 'utf8')), `${f.replace(/\.json$/, '')}.`);
  return out;
}

describe('locales', () => {
  const fa = keys('fa');
  const en = keys('en');

  it('fa and en have exactly the same keys, none empty', () => {
    expect([...fa.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !fa.has(k))).toEqual([]);
    expect([...fa, ...en].filter(([, v]) => !v.trim())).toEqual([]);
  });

  it('every error code is a key errors.<CODE> in both', () => {
    for (const code of ERROR_CODES) {
      expect(fa.has(`errors.${code}`), `fa errors.${code}`).toBe(true);
      expect(en.has(`errors.${code}`), `en errors.${code}`).toBe(true);
    }
  });

  it('every notification template named in core/ has a sentence', () => {
    const used = new Set<string>();
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else for (const m of readFileSync(path.join(d, e.name), 'utf8').matchAll(/template: '([a-zA-Z.]+)'/g)) used.add(m[1]!);
      }
    };
    walk(path.resolve(dir, '../core'));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((t) => !fa.has(`notifications.${t}`) || !en.has(`notifications.${t}`))).toEqual([]);
  });

  it('Persian sentences use Persian letters and digits (no Arabic ي/ك, no ASCII digits)', () => {
    expect([...fa].filter(([, v]) => /[يك0-9]/.test(v.replace(/\{\{[^}]*\}\}/g, '')))).toEqual([]);
  });

  // The regulation says «مرکز» (مراکز نیکوکاری); a second word for the same place confuses staff and donors alike.
  it('one word for a center in Persian: «مرکز», never «کانون»', () => {
    expect([...fa].filter(([, v]) => v.includes('کانون'))).toEqual([]);
  });

  // A fund is the same fund on the panel, in the bot and in the reports: one name per fund, the gift's.
  it('each fund has one Persian name everywhere', () => {
    const canonical = new Map([...fa].filter(([k]) => k.startsWith('admin-resources.resources.Donation.labels.fund.')).map(([k, v]) => [k.split('.').pop()!, v]));
    expect(canonical.size).toBeGreaterThan(5);
    const differing = [...fa].filter(([k, v]) => {
      const parts = k.split('.');
      const fund = parts.pop()!;
      return ['fund', 'funds'].includes(parts.pop()!) && canonical.has(fund) && canonical.get(fund) !== v;
    });
    expect(differing).toEqual([]);
  });
});

describe('translator', () => {
  it('gives each language its own text, and fills parameters anew on every call', () => {
    const fa = translator('fa');
    const en = translator('en');
    expect(fa('errors:NOT_FOUND')).toBe(fa('errors:NOT_FOUND'));
    expect(fa('errors:NOT_FOUND')).not.toBe(en('errors:NOT_FOUND'));
    expect(fa('bot:start.linked', { center: 'الف', county: 'ب' })).toContain('«الف» (ب)');
    expect(fa('bot:start.linked', { center: 'ج', county: 'د' })).toContain('«ج» (د)');
    expect(en('bot:start.linked', { center: 'A', county: 'B' })).toContain('“A” (B)');
  });
});
