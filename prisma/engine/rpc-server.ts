/**
 * Stands in for Prisma's native `schema-engine` binary, which the CLI would
 * download from a host our machines cannot reach. prisma.config.ts points
 * PRISMA_SCHEMA_ENGINE_BINARY at ./schema-engine (a shell wrapper around this
 * file), and the CLI then talks to us exactly as to the binary: JSON-RPC 2.0,
 * one message per line on stdin/stdout, logs as JSON lines on stderr. Every
 * request is forwarded to the wasm build of the same engine version.
 *
 * The datasource URL is PostgreSQL, or `pglite:<folder>` for the embedded database.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { pgliteMigrationAdapter, pgMigrationAdapter, poolConfigFromUrl } from './adapters.ts';
import { openSchemaEngine, type SchemaEngine } from './schema-engine.ts';

const ENGINE_VERSION = '0edf323efd1d98336f3f0a68684b56f689b900d3'; // prisma 7.10.0's engine hash

interface Args {
  datamodels: string[];
  datasource?: { url?: string; shadowDatabaseUrl?: string };
  cliCommand?: string;
  version: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { datamodels: [], version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? '';
    if (a === '--datamodels') args.datamodels.push(value());
    else if (a === '--datasource') args.datasource = JSON.parse(value());
    else if (a === '--version' || a === '-V') args.version = true;
    else if (a === 'cli') args.cliCommand = value();
    else if (a === '--enabled-preview-features' || a === '--extension-types') i++;
  }
  return args;
}

function logLine(level: 'INFO' | 'ERROR', fields: Record<string, unknown>): void {
  process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level, target: 'schema_engine::logger', fields }) + '\n');
}

async function adapterFor(url: string, shadowUrl?: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (url.startsWith('pglite:')) {
    const dir = url.slice('pglite:'.length);
    if (dir) await mkdir(path.resolve(dir), { recursive: true });
    const db = await PGlite.create(dir ? path.resolve(dir) : undefined);
    return pgliteMigrationAdapter(db);
  }
  return pgMigrationAdapter(url, shadowUrl);
}

/** `schema-engine cli <command>`: one-shot commands the CLI runs before migrate. */
async function runCliCommand(command: string, url: string): Promise<void> {
  if (url.startsWith('pglite:')) return; // the folder is created on open
  const config = poolConfigFromUrl(url);
  const tryConnect = async (database: string | undefined) => {
    const client = new pg.Client({ ...config, database });
    await client.connect();
    return client;
  };
  if (command === 'can-connect-to-database') {
    await (await tryConnect(config.database)).end();
  } else if (command === 'create-database') {
    const client = await tryConnect('postgres');
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${String(config.database).replaceAll('"', '""')}"`);
    } finally {
      await client.end();
    }
  } else {
    throw new Error(`unsupported command: ${command}`);
  }
}

type Rpc = { jsonrpc: '2.0'; id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };

function send(message: Rpc): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

let nextOwnId = 1_000_000;
const pendingOwn = new Map<number, () => void>();

/** Asks the CLI to print text (how the native engine prints `migrate diff`). */
function printThroughCli(content: string): Promise<void> {
  const id = nextOwnId++;
  return new Promise((resolve) => {
    pendingOwn.set(id, resolve);
    send({ jsonrpc: '2.0', id, method: 'print', params: { content: content.replace(/\n$/, '') } });
  });
}

function toRpcError(e: unknown) {
  const err = e as { code?: string; message?: string; meta?: unknown; name?: string };
  const message = err?.message ?? String(e);
  const isPanic = err?.name === 'RuntimeError' || /unreachable|panicked/i.test(message);
  return { code: 4466, message: 'An error happened.', data: { is_panic: isPanic, message, meta: err?.meta ?? null, error_code: err?.code ?? null } };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${ENGINE_VERSION}\n`);
    return;
  }
  const url = args.datasource?.url;
  if (args.cliCommand) {
    // The CLI skips the first stderr line of a one-shot command (the binary's start-up log).
    logLine('INFO', { message: `schema-engine-cli ${ENGINE_VERSION} (wasm stand-in)` });
    if (!url) throw Object.assign(new Error('No datasource url given'), { code: 'P1012' });
    return runCliCommand(args.cliCommand, url);
  }

  const datamodels = await Promise.all(args.datamodels.map(async (f) => [f, await readFile(f, 'utf8')] as [string, string]));
  let engine: SchemaEngine | undefined;
  const getEngine = async () => {
    if (!engine) {
      // Without a URL (e.g. `migrate diff --from-schema`), an embedded throw-away database is enough.
      const adapter = await adapterFor(url ?? 'pglite:', args.datasource?.shadowDatabaseUrl);
      engine = await openSchemaEngine(adapter, datamodels.length ? datamodels : undefined, (line) => logLine('INFO', { message: line }));
    }
    return engine;
  };

  const call = async (method: string, params: any): Promise<unknown> => {
    const e = await getEngine();
    switch (method) {
      case 'getDatabaseVersion':
        return e.version(params ?? undefined);
      case 'diff': {
        const { stdout, ...rest } = await e.diff(params);
        if (stdout) await printThroughCli(stdout);
        return rest;
      }
      case 'createMigration':
      case 'evaluateDataLoss':
        // The wasm engine needs the history inspected first, as the binary does internally.
        await e.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters });
        return (e as any)[method](params);
      case 'dbExecute':
        await e.dbExecute(params);
        return null;
      default:
        if (typeof (e as any)[method] !== 'function' || method === 'free') throw new Error(`Unknown method ${method}`);
        return (await (e as any)[method](params)) ?? null;
    }
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let queue = Promise.resolve(); // the native engine answers one request at a time
  for await (const line of lines) {
    if (!line.trim()) continue;
    const msg = JSON.parse(line) as Rpc;
    if (msg.id !== undefined && pendingOwn.has(msg.id) && msg.method === undefined) {
      pendingOwn.get(msg.id)!();
      pendingOwn.delete(msg.id);
      continue;
    }
    queue = queue.then(async () => {
      try {
        send({ jsonrpc: '2.0', id: msg.id, result: await call(msg.method!, msg.params) });
      } catch (e) {
        logLine('ERROR', { message: (e as Error)?.message ?? String(e) });
        send({ jsonrpc: '2.0', id: msg.id, error: toRpcError(e) });
      }
    });
  }
  await queue;
}

main().then(
  // The wasm engine leaves a 10 s timer behind; the CLI waits for our exit.
  () => process.exit(0),
  (e) => {
    const err = e as { code?: string; message?: string };
    // The CLI reacts to Prisma's codes: P1003 (no such database) makes it offer to create one.
    const code = err.code === '3D000' ? 'P1003' : err.code?.startsWith('P') ? err.code : 'P1001';
    logLine('ERROR', { error_code: code, message: err.message ?? String(e) });
    process.exit(1);
  },
);
