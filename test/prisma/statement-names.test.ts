/**
 * Named prepared statements on PostgreSQL (prisma/client.ts): one name per statement text,
 * stable, and a bounded number of them (each stays prepared on every connection).
 */
import { describe, expect, it } from 'vitest';
import { preparedStatementNames } from '../../prisma/client.ts';

describe('prepared statement names', () => {
  it('gives one text one name, always the same, and two texts two names', () => {
    const nameOf = preparedStatementNames(10);
    const a = nameOf({ sql: 'SELECT 1' });
    expect(a).toMatch(/^prisma_[\w-]{32}$/);
    expect(nameOf({ sql: 'SELECT 1' })).toBe(a);
    expect(nameOf({ sql: 'SELECT 2' })).not.toBe(a);
  });

  it('leaves new texts unnamed once the limit is reached (an IN list makes one text per length), keeping the named ones', () => {
    const nameOf = preparedStatementNames(50);
    const first = nameOf({ sql: 'SELECT 1' });
    const inList = (n: number) => `SELECT * FROM "Donor" WHERE "id" IN (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(',')})`;
    const names = Array.from({ length: 60 }, (_, n) => nameOf({ sql: inList(n + 1) }));
    expect(new Set(names.slice(0, 49)).size).toBe(49);
    expect(names.slice(49)).toEqual(Array(11).fill(''));
    expect(nameOf({ sql: 'SELECT 1' })).toBe(first);
    expect(nameOf({ sql: inList(1) })).toBe(names[0]);
  });
});
