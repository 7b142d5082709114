/**
 * An audit row in words: who did it (name and role), what was done and to which kind of
 * record, from `audit.*` in admin-resources.json. The trail stores ids and use-case keys
 * (`donation.confirm`, `StaffUser`); staff read «زهرا احمدی (کارشناس شهرستان) کمک را تأیید کرد.»
 */
import type { Db } from '../../prisma/client.ts';
import type { Language } from '../../messenger/i18n.ts';
import { fillPlaceholders, localeString, translate } from '../locale/index.ts';
import { describeChanges } from './audit-changes.ts';
import { valueLabel } from './messages.ts';
import { personName, PERSON_NAME } from './shared.ts';
import type { Row } from './scoped-resource.ts';

function auditText(lng: Language, key: string): string | undefined {
  return localeString(lng, 'admin-resources', `audit.${key}`);
}

/** The kind of record in words («کمک»), or a plain «رکورد» for a kind the locale does not name. */
export function recordInWords(lng: Language, entity: string): string {
  return auditText(lng, `entities.${entity}`) ?? auditText(lng, 'otherRecord') ?? entity;
}

/** The action in words («کمک را تأیید کرد»); a use-case the locale does not name yet still reads as Persian. */
export function actionInWords(lng: Language, action: string, entity: string): string {
  const record = recordInWords(lng, entity);
  const text = auditText(lng, `actions.${action.replace(/\./g, '_')}`) ?? auditText(lng, 'otherAction') ?? action;
  return fillPlaceholders(text, { record });
}

/** «name (role)», or the role alone when there is no name. */
function named(name: string | null, role: string): string {
  return name ? `${name} (${role})` : role;
}

/**
 * Puts `actor` (name and role), `summary` (the sentence) and `changes` (audit-changes.ts) on a page of audit rows: the
 * actors are looked up once per kind, not once per row.
 */
export async function describeAuditRows(rows: Row[], db: Db, lng: Language): Promise<void> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.actorType === type && typeof r.actorId === 'string').map((r) => r.actorId as string))];
  const [staff, trustees, donors, people, chats] = await Promise.all([
    db.staffUser.findMany({ where: { id: { in: idsOf('STAFF') } }, select: { id: true, role: true, person: PERSON_NAME } }),
    db.trusteeMembership.findMany({ where: { id: { in: idsOf('TRUSTEE') } }, select: { id: true, role: true, person: PERSON_NAME, center: { select: { name: true } } } }),
    db.donor.findMany({ where: { id: { in: idsOf('DONOR') } }, select: { id: true, organizationName: true, person: PERSON_NAME } }),
    // A volunteer acts as its person (core/audit.ts records the person's id).
    db.person.findMany({ where: { id: { in: idsOf('VOLUNTEER') } }, select: { id: true, firstName: true, lastName: true } }),
    db.chatAccount.findMany({ where: { id: { in: idsOf('CHAT') } }, select: { id: true, displayName: true, person: PERSON_NAME } }),
  ]);
  const typeLabel = (type: string) => valueLabel(lng, 'AuditLog', 'actorType', type);
  const actors = new Map<string, string>();
  for (const s of staff) actors.set(`STAFF:${s.id}`, named(personName(s.person), translate(lng, `roles.${s.role}`)));
  for (const t of trustees) {
    actors.set(`TRUSTEE:${t.id}`, named(personName(t.person), `${valueLabel(lng, 'TrusteeMembership', 'role', t.role)}، ${t.center.name}`));
  }
  for (const d of donors) actors.set(`DONOR:${d.id}`, named(personName(d.person) ?? d.organizationName, typeLabel('DONOR')));
  for (const p of people) actors.set(`VOLUNTEER:${p.id}`, named(personName(p), typeLabel('VOLUNTEER')));
  for (const c of chats) actors.set(`CHAT:${c.id}`, named(personName(c.person) ?? c.displayName, typeLabel('CHAT')));

  for (const row of rows) {
    const type = String(row.actorType);
    const actor = actors.get(`${type}:${String(row.actorId)}`) ?? (type === 'SYSTEM' ? typeLabel(type) : named(null, typeLabel(type)));
    const action = actionInWords(lng, String(row.action), String(row.entity));
    row.actor = actor;
    row.record = recordInWords(lng, String(row.entity));
    row.summary = fillPlaceholders(auditText(lng, 'sentence') ?? '{{actor}} {{action}}.', { actor, action });
    row.changes = describeChanges(lng, String(row.entity), row.before, row.after);
  }
}
