/**
 * Stands in for '@prisma/client' when @adminjs/prisma imports it (see admin/dmmf.ts): that
 * package reads `Prisma.dmmf.datamodel` from '@prisma/client', which with Prisma 7 and our
 * own client output exports nothing. Kept free of imports from the app: it may be loaded by
 * Node's own loader, outside the test runner's module graph.
 */
import { readFileSync } from 'node:fs';

const datamodel: unknown = JSON.parse(
  readFileSync(new URL('../prisma/generated/admin-dmmf/datamodel.json', import.meta.url), 'utf8'),
);

export const Prisma = { dmmf: { datamodel } };
