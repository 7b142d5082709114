/**
 * The Prisma datamodel (DMMF) for @adminjs/prisma, and that package itself.
 *
 * Prisma 7's generated client no longer exports the DMMF, so the `adminDmmf` generator
 * (prisma/generators/admin-dmmf.ts) writes it to prisma/generated/admin-dmmf/datamodel.json
 * at `prisma generate`; reading it here is instant and works offline.
 *
 * @adminjs/prisma also does `import { Prisma } from '@prisma/client'` at load time, which
 * fails with Prisma 7 (that package exports nothing until a client is generated into
 * node_modules, and ours is generated into prisma/generated). A module resolution hook
 * answers that one import, from that one package, with admin/prisma-client-for-adminjs.ts.
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import type { DMMF } from '@prisma/generator-helper';

export type DatamodelModel = DMMF.Model;
export type Datamodel = Pick<DMMF.Datamodel, 'models' | 'enums' | 'types'>;

const DATAMODEL_FILE = new URL('../prisma/generated/admin-dmmf/datamodel.json', import.meta.url);

let datamodel: Datamodel | undefined;

/** The datamodel of prisma/schema; run `npx prisma generate` if the file is missing. */
export function loadDatamodel(): Datamodel {
  if (!datamodel) {
    try {
      datamodel = JSON.parse(readFileSync(DATAMODEL_FILE, 'utf8')) as Datamodel;
    } catch (e) {
      throw new Error(`admin panel: cannot read ${DATAMODEL_FILE.pathname}; run \`npx prisma generate\` (${(e as Error).message})`);
    }
  }
  return datamodel;
}

/** The DMMF model of a Prisma model, for `resource: { model: getModelByName('Center'), client, clientModule }`. */
export function getModelByName(name: string): DatamodelModel {
  const model = loadDatamodel().models.find((m) => m.name === name);
  if (!model) throw new Error(`admin panel: no Prisma model named "${name}"`);
  return model;
}

/** What @adminjs/prisma reads the enums and models from (its `clientModule` option). */
export function clientModule(): { Prisma: { dmmf: { datamodel: Datamodel } } } {
  return { Prisma: { dmmf: { datamodel: loadDatamodel() } } };
}

const SHIM_URL = new URL('./prisma-client-for-adminjs.ts', import.meta.url).href;
let hooked = false;

function redirectPrismaClientImport(): void {
  if (hooked) return;
  hooked = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === '@prisma/client' && context.parentURL?.includes('/node_modules/@adminjs/prisma/')) {
        return { url: SHIM_URL, shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}

/** @adminjs/prisma, loaded once its '@prisma/client' import can be answered. */
export async function loadAdminjsPrisma(): Promise<typeof import('@adminjs/prisma')> {
  redirectPrismaClientImport();
  return import('@adminjs/prisma');
}
