/**
 * Named prepared statements on PostgreSQL (prisma/client.ts): one name per statement text,
 * stable, and a bounded number of them (each stays prepared on every connection).
 */
import { describe, expect, it } from 'vitest';
import { PG_ADAPTER_OPTIONS } from '../../prisma/client.ts';

const nameOf = (sql: string) => PG_ADAPTER_OPTIONS.statementNameGenerator({ sql });

describe('prepared statement names', () => {
  it('gives one text one name, always the same, and two texts two names', () => {
    const a = nameOf('SELECT 1 -- names test a');
    expect(a).toMatch(/^prisma_[\w-]{32}$/);
    expect(nameOf('SELECT 1 -- names test a')).toBe(a);
    expect(nameOf('SELECT 1 -- names test b')).not.toBe(a);
  });

  it('leaves new texts unnamed once 500 are named (an IN list makes one text per length), keeping the named ones', () => {
    const first = nameOf('SELECT 1 -- names test a');
    const names = Array.from({ length: 600 }, (_, n) => nameOf(`SELECT * FROM "Donor" WHERE "id" IN (${Array.from({ length: n + 1 }, (_, i) => `$${i + 1}`).join(',')})`));
    const named = names.filter(Boolean);
    expect(named.length).toBeLessThanOrEqual(500);
    expect(named.length).toBeGreaterThan(400);
    expect(new Set(named).size).toBe(named.length);
    expect(names.at(-1)).toBe('');
    expect(nameOf('SELECT 1 -- names test a')).toBe(first);
  });
});
