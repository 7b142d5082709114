/**
 * Once a day, everyone who may decide pending approvals gets one message: how
 * many wait and since when. Deciders: the holders of the request's trustee role
 * in its center, and the active staff with its staff role in its county
 * (county staff) or province (province roles); for the finance officer, also
 * the donations reported and not yet confirmed.
 */
import { actionFor } from '../../messenger/reminder-buttons.ts';
import type { Db } from '../../prisma/client.ts';
import { alreadyQueued, enqueueReminder, reminderChats } from './recipients.ts';
import { isoDay, jalaliDayKey, tehranDbDay } from './tehran-time.ts';

interface Pending {
  count: number;
  oldest: Date;
}

export async function sendApprovalsDigest(db: Db, now: Date): Promise<number> {
  const byPerson = new Map<string, Pending>();
  const add = (personIds: string[], since: Date) => {
    for (const id of new Set(personIds)) {
      const p = byPerson.get(id);
      byPerson.set(id, p ? { count: p.count + 1, oldest: since < p.oldest ? since : p.oldest } : { count: 1, oldest: since });
    }
  };

  const requests = await db.approvalRequest.findMany({
    where: { state: 'PENDING' },
    select: {
      kind: true,
      targetId: true,
      requestedAt: true,
      centerId: true,
      deciderTrusteeRole: true,
      deciderStaffRole: true,
      countyId: true,
      county: { select: { provinceId: true } },
      center: { select: { countyId: true, county: { select: { provinceId: true } } } },
    },
  });
  const requestedDonations = new Set<string>();
  for (const r of requests) {
    if (r.kind === 'DONATION_CONFIRMATION') requestedDonations.add(r.targetId);
    const deciders: string[] = [];
    if (r.deciderTrusteeRole && r.centerId) {
      const holders = await db.trusteeMembership.findMany({ where: { centerId: r.centerId, role: r.deciderTrusteeRole, state: 'APPOINTED' }, select: { personId: true } });
      deciders.push(...holders.map((h) => h.personId));
    }
    if (r.deciderStaffRole) {
      const countyId = r.countyId ?? r.center?.countyId ?? null;
      const provinceId = r.county?.provinceId ?? r.center?.county.provinceId ?? null;
      const where =
        r.deciderStaffRole === 'COUNTY_STAFF'
          ? countyId && { role: r.deciderStaffRole, countyId, active: true }
          : r.deciderStaffRole === 'PROVINCE_ADMIN' || r.deciderStaffRole === 'PROVINCE_SUPERVISOR'
            ? provinceId && { role: r.deciderStaffRole, provinceId, active: true }
            : null;
      if (where) deciders.push(...(await db.staffUser.findMany({ where, select: { personId: true } })).map((s) => s.personId));
    }
    add(deciders, r.requestedAt);
  }

  const reported = await db.donation.findMany({
    where: { state: 'REPORTED', center: { licenseState: 'LICENSED' } },
    select: { id: true, centerId: true, createdAt: true },
  });
  const financeByCenter = new Map<string, string[]>();
  for (const d of reported) {
    if (requestedDonations.has(d.id)) continue;
    if (!financeByCenter.has(d.centerId)) {
      const holders = await db.trusteeMembership.findMany({ where: { centerId: d.centerId, role: 'ADMIN_FINANCE', state: 'APPOINTED' }, select: { personId: true } });
      financeByCenter.set(d.centerId, holders.map((h) => h.personId));
    }
    add(financeByCenter.get(d.centerId)!, d.createdAt);
  }

  let sent = 0;
  const day = jalaliDayKey(now);
  for (const [personId, pending] of byPerson) {
    const chats = await reminderChats(db, [personId], 'approvals');
    const dedupeKey = `reminder.approvalsDigest:${personId}:${day}`;
    if (await alreadyQueued(db, chats, dedupeKey)) continue;
    sent += await enqueueReminder(
      db,
      chats,
      {
        template: 'reminder.approvalsDigest',
        params: { count: pending.count, oldestOn: isoDay(tehranDbDay(pending.oldest)), reminderAction: actionFor('approvals', 'all') },
        dedupeKey,
      },
      now,
    );
  }
  return sent;
}
