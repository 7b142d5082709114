/**
 * A new embedded data folder starts as a copy of the migrated template folder
 * (prisma/pglite-template.ts): fully migrated, independent of the template and of other
 * copies, and a copy cut short is redone on the next open.
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../prisma/client.ts';
import { migrationNames } from '../../prisma/migration-state.ts';
import { ensurePgliteTemplate, isFreshDataDir } from '../../prisma/pglite-template.ts';

describe('embedded database template', () => {
  let dir: string;
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a new data folder is a migrated copy, and what one copy writes no other sees', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'imdad-template-'));
    const template = await ensurePgliteTemplate();
    expect(template).not.toBeNull();
    expect(isFreshDataDir(template!)).toBe(false);
    // The data folder's lock is a file beside the folder: none in the template to copy.
    expect(readdirSync(path.dirname(template!)).filter((f) => f.endsWith('.lock'))).toEqual([]);

    const first = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'a') });
    expect(first.migrated).toEqual(migrationNames());
    expect(existsSync(path.join(dir, 'a.lock'))).toBe(true);
    // The copy runs with the server's small shared buffers, not PostgreSQL's default 128 MB.
    expect((await first.pglite!.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!.shared_buffers).toBe('8MB');
    await first.db.province.create({ data: { name: 'template test province', code: 'TT' } });
    await first.close();

    const second = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'b') });
    expect(await second.db.province.count()).toBe(0);
    await second.close();

    const reopened = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'a') });
    expect(reopened.migrated).toEqual([]);
    expect(await reopened.db.province.count()).toBe(1);
    await reopened.close();
  });

  it('a copy cut short (no PG_VERSION yet) is still new, and the next open copies over it', async () => {
    const template = (await ensurePgliteTemplate())!;
    const dataDir = path.join(dir, 'cut');
    cpSync(template, dataDir, { recursive: true, filter: (source) => path.basename(source) !== 'PG_VERSION' && !source.includes('pg_wal') });
    expect(isFreshDataDir(dataDir)).toBe(true);

    const database = await openDatabase({ kind: 'pglite', dataDir });
    expect(database.migrated).toEqual(migrationNames());
    expect(await database.db.center.count()).toBe(0);
    await database.close();
  });
});
