/**
 * `npm run create-admin` on an empty embedded database: the password from stdin (never an
 * argument), the first province admin created through core and able to log in to the
 * panel; a second run is refused, and so is a short password.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../core/security/password.ts';
import { openDatabase } from '../../prisma/client.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'create-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], stdin: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/create-admin.ts', ...args], { input: stdin, env, encoding: 'utf8', timeout: 120_000 });
}

const names = ['--province', 'خراسان رضوی', '--first-name', 'علی', '--last-name', 'رضایی'];

describe('create-admin', () => {
  it('creates the first province admin once, with the password read from stdin', async () => {
    const short = run(['--username', 'boss', ...names], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 10 characters');

    const first = run(['--username', 'Boss', ...names], 'a-long-enough-secret\n');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const again = run(['--username', 'other', ...names], 'a-long-enough-secret\n');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');

    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    try {
      const users = await database.db.staffUser.findMany({ include: { province: true } });
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ username: 'boss', role: 'PROVINCE_ADMIN', province: { name: 'خراسان رضوی' } });
      expect(await verifyPassword('a-long-enough-secret', users[0]!.passwordHash)).toBe(true);
      expect(await database.db.auditLog.count({ where: { action: 'staff.createFirstAdmin' } })).toBe(1);
    } finally {
      await database.close();
    }
  }, 240_000);
});
