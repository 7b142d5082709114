/**
 * Approval requests of every kind: the one place decisions are made (approve, or reject
 * with a reason), each through core.approvals.decide. A short summary of the target is
 * shown, only from what the login may read anyway (households by reference code).
 */
import type { ResourceWithOptions } from 'adminjs';
import type { Language } from '../../messenger/i18n.ts';
import type { Db } from '../../prisma/client.ts';
import { roleMay, type AdminActor } from '../access.ts';
import { decideApprovalActions } from './actions/decide-approval.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { valueLabel } from './messages.ts';
import type { Row } from './scoped-resource.ts';
import { amountOrItem, NAV, PERSON_NAME, personName } from './shared.ts';

type Summaries = Map<string, string>;

/** One query per target model for a page of requests. */
async function summarize(rows: Row[], db: Db, actor: AdminActor, lng: Language): Promise<Summaries> {
  const ids = (entity: string) => rows.filter((r) => r.targetEntity === entity).map((r) => String(r.targetId));
  const out: Summaries = new Map();
  const donations = ids('Donation');
  if (donations.length && roleMay(actor, 'donation.read')) {
    for (const d of await db.donation.findMany({ where: { id: { in: donations } } }))
      out.set(`Donation:${d.id}`, `${valueLabel(lng, 'Donation', 'fund', d.fund)} — ${amountOrItem(d, lng)}`);
  }
  const distributions = ids('Distribution');
  if (distributions.length && roleMay(actor, 'fund.read')) {
    for (const d of await db.distribution.findMany({ where: { id: { in: distributions } }, include: { beneficiary: { select: { referenceCode: true } } } }))
      out.set(`Distribution:${d.id}`, `${d.beneficiary.referenceCode} — ${amountOrItem(d, lng)}`);
  }
  const memberships = ids('TrusteeMembership');
  if (memberships.length && roleMay(actor, 'trustee.read')) {
    for (const m of await db.trusteeMembership.findMany({ where: { id: { in: memberships } }, include: { person: PERSON_NAME } }))
      out.set(`TrusteeMembership:${m.id}`, `${personName(m.person) ?? ''} — ${valueLabel(lng, 'TrusteeMembership', 'role', m.role)}`);
  }
  const volunteers = ids('Volunteer');
  if (volunteers.length && roleMay(actor, 'volunteer.read')) {
    for (const v of await db.volunteer.findMany({ where: { id: { in: volunteers } }, include: { person: PERSON_NAME } }))
      out.set(`Volunteer:${v.id}`, personName(v.person) ?? '');
  }
  const centers = ids('Center');
  if (centers.length) {
    for (const c of await db.center.findMany({ where: { id: { in: centers } }, select: { id: true, name: true } })) out.set(`Center:${c.id}`, c.name);
  }
  const documents = ids('ArchiveDocument');
  if (documents.length) {
    for (const d of await db.archiveDocument.findMany({ where: { id: { in: documents } }, select: { id: true, title: true } }))
      out.set(`ArchiveDocument:${d.id}`, d.title);
  }
  return out;
}

function proposedDecision(row: Row, lng: Language): string | null {
  const payload = row.payload as { decision?: unknown } | null;
  return row.kind === 'LICENSE_DECISION' && typeof payload?.decision === 'string'
    ? valueLabel(lng, 'ApprovalRequest', 'decision', payload.decision)
    : null;
}

export function approvalRequestResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'ApprovalRequest',
    navigation: NAV.oversight,
    titleProperty: 'summary',
    listProperties: ['kind', 'summary', 'state', 'center', 'county', 'requestedAt', 'decidedAt'],
    showProperties: [
      'kind', 'summary', 'state', 'center', 'county', 'deciderStaffRole', 'deciderTrusteeRole', 'requestedBy', 'requestReason',
      'requestedAt', 'decidedBy', 'decidedAt', 'decisionReason',
    ],
    properties: { requestReason: { type: 'textarea' }, decisionReason: { type: 'textarea' } },
    settings: {
      virtuals: { summary: { value: (row) => (typeof row.__summary === 'string' ? row.__summary : undefined) } },
      async enrich(rows, db, actor, lng) {
        const summaries = await summarize(rows, db, actor, lng);
        for (const row of rows) {
          const target = summaries.get(`${String(row.targetEntity)}:${String(row.targetId)}`) ?? '';
          const decision = proposedDecision(row, lng);
          row.__summary = [target, decision].filter(Boolean).join(' — ');
        }
      },
      // Indexed: (countyId, state, requestedAt), (centerId, state), (state, kind, requestedAt).
      sortable: ['requestedAt'],
      filterable: ['kind', 'state', 'center', 'county'],
      defaultSort: { sortBy: 'requestedAt', direction: 'desc' },
    },
    actions: decideApprovalActions(ctx.deps.core, ctx.deps.components ?? {}),
  });
}
