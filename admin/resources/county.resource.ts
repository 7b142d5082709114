/** Counties (county offices): the province admin opens them (core.centers.createCounty); never edited here. */
import type { ResourceWithOptions } from 'adminjs';
import { createCountyInput } from '../../core/centers/create-county.ts';
import { coreAction } from './actions/core-action.ts';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function countyResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'County',
    navigation: NAV.system,
    titleProperty: 'name',
    listProperties: ['name', 'code', 'province'],
    showProperties: ['name', 'code', 'province', 'createdAt'],
    actions: {
      createCounty: coreAction(ctx, {
        resource: 'County',
        name: 'createCounty',
        icon: 'Plus',
        variant: 'primary',
        input: createCountyInput,
        useCase: (core) => core.centers.createCounty,
        policy: 'county.create',
        relations: { provinceId: 'Province' },
      }),
    },
    settings: {
      sortable: ['name'],
      filterable: ['name', 'code', 'province'],
      defaultSort: { sortBy: 'name', direction: 'asc' },
    },
  });
}
