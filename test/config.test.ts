import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues;
  }
  throw new Error('expected the config to be rejected');
}

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
  ])('rejects %o naming %s', (env, name) => {
    const issues = issuesOf(env);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('reports every bad variable at once', () => {
    expect(issuesOf({ PORT: 'x', NODE_ENV: 'y' }).map((i) => i.split(':')[0]).sort()).toEqual(['NODE_ENV', 'PORT']);
  });
});
