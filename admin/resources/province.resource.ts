/** Provinces: read-only geography (relation target of counties and staff users). */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function provinceResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Province',
    navigation: NAV.system,
    titleProperty: 'name',
    listProperties: ['name', 'code'],
    showProperties: ['name', 'code', 'createdAt'],
    settings: {
      sortable: ['name'],
      filterable: ['name', 'code'],
      defaultSort: { sortBy: 'name', direction: 'asc' },
    },
  });
}
