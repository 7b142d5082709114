/**
 * Boards of trustees: who holds which role where. Read-only here (proposals, vetting and
 * appointments go through core and the TRUSTEE_APPOINTMENT approval); staff issue an
 * appointed trustee's one-time chat-link code.
 */
import type { ResourceWithOptions } from 'adminjs';
import { issueLinkCodeAction } from './actions/issue-link-code.action.ts';
import { defineResource, type DefineContext } from './define.ts';
import { valueLabel } from './messages.ts';
import { NAV, PERSON_NAME, personName, personNameFilter } from './shared.ts';

export function trusteeMembershipResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'TrusteeMembership',
    navigation: NAV.people,
    titleProperty: 'title',
    listProperties: ['title', 'center', 'role', 'state', 'appointedAt', 'termEndsOn'],
    showProperties: [
      'person', 'center', 'role', 'state', 'decreeNo', 'decreeDate', 'termEndsOn', 'appointedBy', 'approvedBy', 'proposedAt',
      'vettingStartedAt', 'selectionClearedAt', 'securityClearedAt', 'appointedAt', 'endedAt', 'endReason', 'rejectedAt', 'rejectReason',
    ],
    settings: {
      include: { person: PERSON_NAME },
      virtuals: {
        title: {
          value: (row, lng) => `${personName(row.person) ?? ''} — ${valueLabel(lng, 'TrusteeMembership', 'role', String(row.role))}`,
          filter: (q) => ({ person: { is: personNameFilter(q) } }),
        },
      },
      // (centerId, state), (centerId, role, state) and (state, proposedAt) are indexed.
      sortable: ['proposedAt', 'appointedAt', 'createdAt'],
      filterable: ['title', 'center', 'role', 'state'],
      defaultSort: { sortBy: 'proposedAt', direction: 'desc' },
    },
    actions: { issueLinkCode: issueLinkCodeAction(ctx.deps.core, ctx.deps.components ?? {}) },
  });
}
