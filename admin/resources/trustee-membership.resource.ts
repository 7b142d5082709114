/**
 * Boards of trustees: who holds which role where. No plain edits: proposing, vetting (each
 * office's answer), appointing, the conduct acknowledgement and ending an appointment are
 * core actions (board.actions.ts); staff issue an appointed trustee's one-time chat-link code.
 */
import type { ResourceWithOptions } from 'adminjs';
import { trusteeMembershipActions } from './actions/board.actions.ts';
import { issueLinkCodeAction } from './actions/issue-link-code.action.ts';
import { defineResource, type DefineContext } from './define.ts';
import { formatJalaliDate } from '../../messenger/format.ts';
import type { Language } from '../../messenger/i18n.ts';
import { valueLabel } from './messages.ts';
import { NAV, PERSON_NAME, personName, personNameFilter } from './shared.ts';

interface ClearanceRow {
  office: string;
  outcome: string;
  decidedOn: Date | string;
  note: string | null;
  recordedBy: unknown;
}

function clearanceLines(rows: unknown, lng: Language): string | undefined {
  if (!Array.isArray(rows) || rows.length === 0) return undefined;
  return (rows as ClearanceRow[])
    .map((c) =>
      [
        `${valueLabel(lng, 'TrusteeMembership', 'office', c.office)}: ${valueLabel(lng, 'TrusteeMembership', 'outcome', c.outcome)}`,
        formatJalaliDate(new Date(c.decidedOn), lng),
        personName(c.recordedBy),
        c.note,
      ]
        .filter(Boolean)
        .join(' — '),
    )
    .join('\n');
}

export function trusteeMembershipResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'TrusteeMembership',
    navigation: NAV.people,
    titleProperty: 'title',
    listProperties: ['title', 'center', 'role', 'state', 'appointedAt', 'termEndsOn'],
    showProperties: [
      'person', 'center', 'role', 'state', 'decreeNo', 'decreeDate', 'termEndsOn', 'appointedBy', 'approvedBy', 'proposedAt',
      'vettingStartedAt', 'clearances', 'appointedAt', 'conductAcknowledgedAt', 'endedAt', 'endReason', 'rejectedAt', 'rejectReason',
    ],
    settings: {
      include: { person: PERSON_NAME, clearances: { include: { recordedBy: PERSON_NAME }, orderBy: { recordedAt: 'asc' } } },
      virtuals: {
        // Each office's answer as recorded: office, outcome, its day, who recorded it, the note.
        clearances: { value: (row, lng) => clearanceLines(row.clearances, lng) },
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
    actions: { ...trusteeMembershipActions(ctx), issueLinkCode: issueLinkCodeAction(ctx.deps.core, ctx.deps.components ?? {}) },
  });
}
