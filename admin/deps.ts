/** What the panel's resources, hooks and dashboard are built from. */
import type { Core } from '../core/index.ts';
import type { Database } from '../prisma/client.ts';
import type { DatamodelModel, Datamodel } from './dmmf.ts';

export interface AdminDeps {
  database: Database;
  core: Core;
  /** DMMF model for `resource: { model: deps.getModelByName('Center'), client: deps.database.db, clientModule: deps.clientModule }`. */
  getModelByName: (name: string) => DatamodelModel;
  /** Pass as the resource's `clientModule` (gives @adminjs/prisma the enums). */
  clientModule: { Prisma: { dmmf: { datamodel: Datamodel } } };
}
