/** core/ is the shared domain: it must not depend on the bot, the panel or their frameworks. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const coreDir = path.resolve(import.meta.dirname, '../../core');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('core boundaries', () => {
  it('imports neither grammY nor AdminJS nor Fastify, nor anything from bot/ or admin/', () => {
    const offenders = sources(coreDir).filter((f) =>
      /from\s+['"](grammy|@grammyjs\/[^'"]*|adminjs|@adminjs\/[^'"]*|fastify|(\.\.\/)+(bot|admin)\/[^'"]*)['"]/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(coreDir, f))).toEqual([]);
  });

  it('names use-case files verb-noun (kebab-case)', () => {
    const bad = sources(coreDir).filter((f) => !/^[a-z0-9]+(-[a-z0-9]+)*\.ts$/.test(path.basename(f)));
    expect(bad).toEqual([]);
  });
});
