/**
 * Driver adapters for the wasm schema engine, with the gaps we found in the
 * stock ones mended (each fix names the gap). Used only to apply and author
 * migrations: the app's queries go through the stock adapters in ../client.ts.
 */
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory, type SqlQueryable } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { PrismaPGlite } from 'pglite-prisma-adapter';

const PG_CHAR_OID = 18; // the one-byte "char" type of pg_catalog columns, e.g. constraint_type
const PG_TEXT_OID = 25;

/**
 * adapter-pg rejects "char" columns, which the engine reads from the catalog,
 * and the engine panics unless they come back typed as Character. The pool
 * passes them on as text and remembers where they were, keyed by the rows
 * array that adapter-pg hands back unchanged; queryRaw then retypes them.
 */
const charColumnsOf = new WeakMap<object, number[]>();

function passCharAsText(result: pg.QueryResult | pg.QueryResult[]): void {
  for (const r of Array.isArray(result) ? result : [result]) {
    const indexes: number[] = [];
    r?.fields?.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length && r.rows) charColumnsOf.set(r.rows, indexes);
  }
}

function patchQuery<T extends { query: (...args: never[]) => unknown }>(target: T): void {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  (target as { query: unknown }).query = (...args: unknown[]) => {
    const out = original(...args);
    if (out instanceof Promise) return out.then((r: pg.QueryResult) => (passCharAsText(r), r));
    return out;
  };
}

function retypeCharColumns<Q extends Pick<SqlQueryable, 'queryRaw'>>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumnsOf.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/** A pg pool whose results never carry the "char" type, on pooled clients too. */
function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  patchQuery(pool);
  pool.on('connect', (client) => patchQuery(client));
  return pool;
}

function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  retypeCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => retypeCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

/**
 * adapter-pg splits scripts on ";", which breaks dollar-quoted function bodies.
 * The simple query protocol runs a multi-statement script as one query.
 */
function runScriptsWhole<A extends SqlDriverAdapter>(adapter: A, run: (script: string) => Promise<unknown>): A {
  adapter.executeScript = async (script: string) => {
    await run(script);
  };
  return adapter;
}

export function poolConfigFromUrl(url: string): pg.PoolConfig {
  const parsed = parseConnectionString(url);
  const schema = new URL(url).searchParams.get('schema');
  return {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user,
    password: parsed.password,
    database: parsed.database ?? undefined,
    // adapter-pg ignores `?schema=`; the search_path makes every statement land in it.
    options: schema ? `-c search_path="${schema.replaceAll('"', '')}"` : undefined,
    max: 4,
  };
}

/**
 * PostgreSQL for the engine. The config is passed as separate fields rather
 * than a connection string, because adapter-pg's shadow database is made by
 * overriding `database`, which a connection string would silently win over.
 */
export function pgMigrationAdapter(url: string, shadowUrl?: string): SqlMigrationAwareDriverAdapterFactory {
  const config = poolConfigFromUrl(url);
  const schema = new URL(url).searchParams.get('schema') ?? undefined;
  const connectTo = async (cfg: pg.PoolConfig): Promise<SqlDriverAdapter> => {
    const pool = createPool(cfg);
    const adapter = await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect();
    return runScriptsWhole(withCharColumns(adapter), (s) => pool.query(s));
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo(config),
    async connectToShadowDb() {
      if (shadowUrl) return connectTo(poolConfigFromUrl(shadowUrl));
      // A throw-away database next to the main one, dropped when the engine lets go of it.
      const admin = createPool({ ...config, options: undefined, max: 1 });
      const name = `prisma_shadow_${process.pid}_${Date.now()}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      const adapter = await connectTo({ ...config, database: name, options: undefined });
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.end();
      };
      return adapter;
    },
  };
}

/** PGlite for the engine; its stock executeScript does not await `exec`, so errors were lost. */
export function pgliteMigrationAdapter(db: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(db);
  return {
    provider: 'postgres',
    adapterName: factory.adapterName,
    connect: async () => runScriptsWhole(await factory.connect(), (s) => db.exec(s)),
    async connectToShadowDb() {
      const shadow = new PGlite();
      const adapter = runScriptsWhole(await new PrismaPGlite(shadow).connect(), (s) => shadow.exec(s));
      adapter.dispose = () => shadow.close();
      return adapter;
    },
  };
}
