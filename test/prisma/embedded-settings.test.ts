/**
 * The embedded database runs with the memory settings of prisma/client.ts (shared buffers and
 * the index builds' sort memory kept small, see there why): on a new data folder, copied from
 * the template whose postgresql.conf is initdb's, and on one an earlier version left with its
 * own settings.
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../prisma/client.ts';
import { testDbKind } from '../helpers/db.ts';

async function settings(pglite: PGlite) {
  const show = async (name: string) => ((await pglite.query<Record<string, string>>(`SHOW ${name}`)).rows[0] as Record<string, string>)[name];
  return { shared_buffers: await show('shared_buffers'), maintenance_work_mem: await show('maintenance_work_mem') };
}

const CHOSEN = { shared_buffers: '8MB', maintenance_work_mem: '16MB' };

describe.skipIf(testDbKind() === 'postgres')('embedded database settings (PGlite only)', () => {
  let dir: string;
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a new data folder and a reopened one with another postgresql.conf both run with the chosen settings', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'imdad-settings-'));
    const dataDir = path.join(dir, 'db');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    expect(await settings(first.pglite!)).toEqual(CHOSEN);
    await first.close();

    // What an earlier version wrote into the folder.
    writeFileSync(path.join(dataDir, 'postgresql.conf'), 'shared_buffers = 32MB\n');
    const reopened = await openDatabase({ kind: 'pglite', dataDir });
    expect(await settings(reopened.pglite!)).toEqual(CHOSEN);
    await reopened.close();
  });
});
