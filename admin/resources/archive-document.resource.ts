/** A center's archive (rule 4): documents added, and destroyed only after Imdad approves a request, all through core. */
import type { ResourceWithOptions } from 'adminjs';
import { archiveDocumentActions } from './actions/work.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function archiveDocumentResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'ArchiveDocument',
    navigation: NAV.work,
    titleProperty: 'title',
    listProperties: ['title', 'center', 'kind', 'documentDate', 'state'],
    showProperties: [
      'title', 'center', 'kind', 'referenceNo', 'documentDate', 'fileRef', 'physicalLocation', 'submittedToImdadAt', 'state',
      'destructionApproval', 'destroyedAt', 'destroyedBy', 'createdAt',
    ],
    actions: archiveDocumentActions(ctx),
    settings: {
      // Indexed: (centerId, state), (centerId, kind).
      sortable: ['createdAt'],
      filterable: ['center', 'kind', 'state'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
    },
  });
}
