/**
 * The layering, held for the whole code base: every import (static `import … from`,
 * `export … from`, dynamic `import('…')`) of every .ts/.tsx file outside node_modules and
 * prisma/generated, read with TypeScript's own scanner (comments and strings do not count),
 * must be an arrow the table below allows between top-level folders (and top-level files).
 *
 *   main.ts, app.ts       the wiring: the only runtime code that knows every part
 *   config.ts             composes the faces' settings, so it belongs to the wiring
 *   logger.ts             a leaf: imports nothing of ours, everyone above core may import it
 *   admin bot jobs        the faces: over core, messenger (and http for the two web faces);
 *   playground            the playground runs the real bot, so it alone may import bot/
 *   http, messenger       shared by the faces, over core
 *   core -> prisma -> nothing of ours
 *   seed                  the demo data, over core (and fixtures' value generators)
 *   fixtures              shared by test/ and bench/ (factories, actors, the fake Bot APIs);
 *                         nothing but test/ imports test/
 *
 * A failure lists each forbidden import as `file → import (from → to)`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

const RUNTIME = ['prisma', 'core', 'messenger', 'http', 'bot', 'admin', 'jobs', 'playground', 'logger.ts', 'config.ts', 'app.ts', 'seed'] as const;
const TOOLS = ['main.ts', 'fixtures', 'bench', 'scripts'] as const;

/** Who may import whom (besides itself). A folder or top-level file missing here is an error too. */
const ALLOWED: Record<string, readonly string[]> = {
  prisma: [],
  core: ['prisma'],
  messenger: ['core', 'prisma'],
  http: ['core', 'messenger', 'prisma', 'logger.ts'],
  bot: ['core', 'messenger', 'prisma', 'logger.ts'],
  admin: ['core', 'messenger', 'http', 'prisma', 'logger.ts'],
  jobs: ['core', 'messenger', 'prisma', 'logger.ts'],
  playground: ['bot', 'messenger', 'http', 'core', 'prisma', 'logger.ts'],
  'logger.ts': [],
  'config.ts': ['core', 'http', 'bot', 'jobs', 'playground'],
  'app.ts': [...RUNTIME],
  'main.ts': [...RUNTIME],
  // The demo data, written through core's use-cases; its command line reads the database settings as npm start does.
  seed: ['core', 'prisma', 'messenger', 'fixtures', 'config.ts'],
  // Test and benchmark fixtures: they drive the real bot on the playground's fake Bot API.
  fixtures: ['core', 'prisma', 'messenger', 'bot', 'playground'],
  bench: [...RUNTIME, 'main.ts', 'fixtures', 'scripts'],
  scripts: [...RUNTIME, 'main.ts', 'fixtures'],
  test: [...RUNTIME, ...TOOLS],
  'prisma.config.ts': [],
  'vitest.config.ts': [],
};

/** Besides the wiring, who may import the bot and the panel. */
const MAY_IMPORT_BOT_OR_ADMIN: Record<string, readonly ('bot' | 'admin')[]> = {
  'main.ts': ['bot', 'admin'],
  'app.ts': ['bot', 'admin'],
  'config.ts': ['bot'],
  playground: ['bot'],
  fixtures: ['bot'],
  bench: ['bot', 'admin'],
  // scripts/build-admin-bundle.ts builds the panel's components ahead of time.
  scripts: ['bot', 'admin'],
  test: ['bot', 'admin'],
};


interface Arrow {
  file: string;
  specifier: string;
  target: string;
  from: string;
  to: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    const rel = path.relative(root, full);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || rel === 'data' || rel === path.join('prisma', 'generated')) return [];
      return sources(full);
    }
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The top-level folder of a repository path, or the file itself when it is at the top. */
function nodeOf(rel: string): string {
  return rel.split('/')[0]!;
}

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** Every import of ours between two different top-level nodes. */
function crossArrows(): Arrow[] {
  const arrows: Arrow[] = [];
  for (const file of sources(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/');
      const from = nodeOf(rel);
      const to = nodeOf(target);
      if (from !== to) arrows.push({ file: rel, specifier, target, from, to });
    }
  }
  return arrows;
}

const show = (a: Arrow) => `${a.file} → ${a.specifier} (${a.from} → ${a.to})`;

describe('boundaries', () => {
  const arrows = crossArrows();

  it('reads the import graph (the scan itself works)', () => {
    const seen = new Set(arrows.map((a) => `${a.from} → ${a.to}`));
    for (const expected of ['core → prisma', 'bot → core', 'admin → http', 'playground → bot', 'app.ts → admin', 'main.ts → app.ts', 'test → core']) {
      expect(seen).toContain(expected);
    }
    // A dynamic import counts: app.ts loads the panel only when it is wanted.
    expect(arrows.some((a) => a.file === 'app.ts' && a.target === 'admin/load-panel.ts')).toBe(true);
  });

  it('knows every top-level folder and file that holds code', () => {
    const nodes = new Set(sources(root).map((f) => nodeOf(path.relative(root, f).split(path.sep).join('/'))));
    expect([...nodes].filter((n) => !(n in ALLOWED)).sort()).toEqual([]);
  });

  it('has only the arrows the table allows', () => {
    const offenders = arrows.filter((a) => !ALLOWED[a.from]?.includes(a.to)).map(show);
    expect(offenders).toEqual([]);
  });

  it('lets nothing outside test/ import test/', () => {
    expect(arrows.filter((a) => a.to === 'test').map(show)).toEqual([]);
  });

  it('lets only the wiring, the playground (its bot), fixtures, bench, scripts and tests import bot/ or admin/', () => {
    const offenders = arrows.filter((a) => (a.to === 'bot' || a.to === 'admin') && !MAY_IMPORT_BOT_OR_ADMIN[a.from]?.includes(a.to));
    expect(offenders.map(show)).toEqual([]);
  });


  it('keeps core and messenger free of the faces\' frameworks (grammY, AdminJS, Fastify)', () => {
    const framework = /^(grammy|@grammyjs\/|adminjs|@adminjs\/|fastify|@fastify\/)/;
    const offenders = sources(root)
      .map((f) => path.relative(root, f).split(path.sep).join('/'))
      .filter((rel) => ['core', 'messenger'].includes(nodeOf(rel)))
      .flatMap((rel) => importsOf(path.join(root, rel)).filter((s) => framework.test(s)).map((s) => `${rel} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('names core files verb-noun (kebab-case)', () => {
    const bad = sources(path.join(root, 'core')).filter((f) => !/^[a-z0-9]+(-[a-z0-9]+)*\.ts$/.test(path.basename(f)));
    expect(bad.map((f) => path.relative(root, f))).toEqual([]);
  });
});
