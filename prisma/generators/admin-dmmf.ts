/**
 * A Prisma generator writing the schema's datamodel (DMMF) to a JSON file for the admin
 * panel: @adminjs/prisma needs the full DMMF, which the Prisma 7 client no longer exports,
 * and reading a file at start is instant and needs neither the CLI nor a schema engine.
 * Runs during `prisma generate` (see the `adminDmmf` generator in prisma/schema/schema.prisma).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import generatorHelper from '@prisma/generator-helper';

generatorHelper.generatorHandler({
  onManifest: () => ({ prettyName: 'Admin panel DMMF', defaultOutput: '../generated/admin-dmmf' }),
  async onGenerate(options) {
    const dir = options.generator.output?.value;
    if (!dir) throw new Error('admin-dmmf: the generator needs an output folder');
    await mkdir(dir, { recursive: true });
    const { models, enums, types } = options.dmmf.datamodel;
    await writeFile(path.join(dir, 'datamodel.json'), JSON.stringify({ models, enums, types }));
  },
});
