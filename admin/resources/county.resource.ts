/** Counties (county offices): read-only geography. */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function countyResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'County',
    navigation: NAV.system,
    titleProperty: 'name',
    listProperties: ['name', 'code', 'province'],
    showProperties: ['name', 'code', 'province', 'createdAt'],
    settings: {
      sortable: ['name'],
      filterable: ['name', 'code', 'province'],
      defaultSort: { sortBy: 'name', direction: 'asc' },
    },
  });
}
