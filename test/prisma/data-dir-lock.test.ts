import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../prisma/client.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

describe('embedded database folder', () => {
  let dir: string;
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a second process with a clear error, and is free again after close', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'imdad-lock-'));
    const dataDir = path.join(dir, 'db');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    expect(first.migrated.length).toBeGreaterThan(0);

    const script = `import { openDatabase } from ${JSON.stringify(path.join(root, 'prisma/client.ts'))};
      try { await openDatabase({ kind: 'pglite', dataDir: ${JSON.stringify(dataDir)} }); console.log('opened'); }
      catch (e) { console.log(e.name + ': ' + e.message); }`;
    const { stdout } = await run(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script], { cwd: root });
    expect(stdout).toContain('DataDirInUseError');
    expect(stdout).toContain(`pid ${process.pid}`);
    expect(stdout).not.toContain('opened');

    await first.db.center.count(); // the first holder still works
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir });
    expect(again.migrated).toEqual([]); // migrated once, kept on disk
    await again.close();
  });
});
