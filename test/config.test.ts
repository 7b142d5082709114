import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { expectRefusedNaming, issuesOf } from './helpers/config.ts';

describe('config', () => {
  it('defaults to the embedded database on 127.0.0.1:3000', () => {
    const c = loadConfig({});
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe('pglite');
    expect(c.database.kind === 'pglite' && c.database.dataDir.endsWith('data/db')).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and DATA_DIR moves the embedded one', () => {
    const pgc = loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/d', DATABASE_POOL_SIZE: '25' });
    expect(pgc.database).toEqual({ kind: 'postgres', url: 'postgresql://u@h:5432/d', poolSize: 25 });
    const lite = loadConfig({ DATA_DIR: '/tmp/x' });
    expect(lite.database).toEqual({ kind: 'pglite', dataDir: '/tmp/x/db' });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('pglite');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgresql://' + ' bad url' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ BACKUP_KEEP: '0' }, 'BACKUP_KEEP'],
    [{ LOG_REQUESTS: 'sometimes' }, 'LOG_REQUESTS'],
  ])('rejects %o naming %s', expectRefusedNaming);

  it('keeps the embedded database\'s backups beside it, seven of them, daily; BACKUP_DIR and BACKUP_KEEP change that', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/x' }).backups).toEqual({ dir: '/tmp/x/backups', keep: 7, daily: true });
    expect(loadConfig({ BACKUP_DIR: '/mnt/second-disk/imdad', BACKUP_KEEP: '30', BACKUP_DAILY: '0' }).backups).toEqual({
      dir: '/mnt/second-disk/imdad',
      keep: 30,
      daily: false,
    });
  });

  it('logs requests except in development, unless LOG_REQUESTS says', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).logRequests).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ADMIN_SESSION_SECRET: 'x'.repeat(32) }).logRequests).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', LOG_REQUESTS: '1' }).logRequests).toBe(true);
  });

  it('writes the demo into an empty embedded database except in production, unless SEED_DEMO says', () => {
    const production = { NODE_ENV: 'production', ADMIN_SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig(production).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
  });

  it('reports every bad variable at once', () => {
    expect(issuesOf({ PORT: 'x', NODE_ENV: 'y' }).map((i) => i.split(':')[0]).sort()).toEqual(['NODE_ENV', 'PORT']);
  });
});
