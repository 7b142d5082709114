/** Imdad's inspections of centers (read-only here; recorded and concluded through core). */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function inspectionResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Inspection',
    navigation: NAV.oversight,
    titleProperty: 'kind',
    listProperties: ['center', 'inspector', 'kind', 'visitedAt', 'outcome', 'concludedAt'],
    showProperties: ['center', 'inspector', 'kind', 'feedback', 'visitedAt', 'findings', 'recommendations', 'outcome', 'outcomeReason', 'concludedAt'],
    properties: { findings: { type: 'textarea' }, recommendations: { type: 'textarea' } },
    settings: {
      // Indexed: (centerId, visitedAt), (inspectorId), (outcome).
      sortable: ['visitedAt'],
      filterable: ['center', 'inspector', 'kind', 'outcome'],
      defaultSort: { sortBy: 'visitedAt', direction: 'desc' },
    },
  });
}
