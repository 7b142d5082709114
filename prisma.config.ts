/**
 * Prisma CLI configuration. The CLI would download a native schema engine at
 * every command; we hand it our wasm-backed stand-in instead (see
 * prisma/engine/rpc-server.ts), so migrate works with only the npm registry.
 */
import path from 'node:path';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, 'prisma/engine/schema-engine');

// Without DATABASE_URL the embedded database in DATA_DIR is the target, as for `npm start`.
const url = process.env.DATABASE_URL || `pglite:${path.resolve(process.env.DATA_DIR || 'data', 'db')}`;

export default defineConfig({
  schema: 'prisma/schema',
  migrations: {
    path: 'prisma/migrations',
    seed: 'node seed/cli.ts',
  },
  datasource: { url, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
});
