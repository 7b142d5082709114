/**
 * The review queue through the panel's HTTP routes: who may open it and what each sees (their
 * own area, oldest first), a confirm and a reject-with-reason by POST that answer with the next
 * gift, and refusals -- a role without the right, an invisible reason, a gift outside the area,
 * a decision in a suspended center (whose queue still opens) -- that write nothing.
 */
import { describe, expect, it } from 'vitest';
import { createCenter, createDonation } from '../../fixtures/factories.ts';
import { createPanelUser, loginAs } from '../helpers/admin.ts';
import { api, refused, type RoleKey, ROLES, usePanelWorld } from '../helpers/admin-world.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const URL = 'Donation/actions/reviewQueue';
type Queue = { total: number; items: { id: string }[] };
const queueOf = (body: { data?: Record<string, unknown> }) => body.data?.queue as Queue | undefined;

/** Who reviews gifts (core's 'donation.confirm'), written out by hand. */
const REVIEWERS: readonly RoleKey[] = ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'FINANCE'];

describe('the review queue', () => {
  it('opens for reviewers, each over their own area; refused to everyone else', async () => {
    const home = panel.world.records.Donation.home!;
    const sibling = panel.world.records.Donation.sibling!;
    const elsewhere = panel.world.records.Donation.elsewhere!;
    const sees: Partial<Record<RoleKey, string[]>> = { PROVINCE_ADMIN: [home, sibling, elsewhere], COUNTY_STAFF: [home, sibling], FINANCE: [home] };
    for (const role of ROLES) {
      const res = await as(role).get(URL);
      if (!REVIEWERS.includes(role)) {
        expect(refused(res), `${role} refused`).toBe(true);
        expect(queueOf(res.body), role).toBeUndefined();
        continue;
      }
      const ids = queueOf(res.body)!.items.map((i) => i.id);
      for (const id of [home, sibling, elsewhere]) expect(ids.includes(id), `${role} sees ${id}`).toBe(sees[role]!.includes(id));
    }
  });

  it('confirms, then rejects with a reason, by POST; each answer brings the next gift', async () => {
    const db = panel.database.db;
    const center = panel.world.centers.home.id;
    const first = await createDonation(db, { centerId: center, createdAt: new Date('2020-01-01T08:00:00Z') });
    const second = await createDonation(db, { centerId: center, createdAt: new Date('2020-01-01T09:00:00Z') });
    const finance = as('FINANCE');
    const before = queueOf((await finance.get(URL)).body)!;
    expect(before.items.slice(0, 2).map((i) => i.id)).toEqual([first.id, second.id]);

    const confirmed = await finance.post(URL, { donationId: first.id, decision: 'confirm' });
    expect(confirmed.body.notice?.type, JSON.stringify(confirmed.body.notice)).toBe('success');
    expect(queueOf(confirmed.body)!.items[0]!.id).toBe(second.id);
    expect(queueOf(confirmed.body)!.total).toBe(before.total - 1);
    expect(await db.donation.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: 'CONFIRMED', receiptNo: expect.any(Number) });
    expect(await db.auditLog.count({ where: { action: 'donation.confirm', entityId: first.id } })).toBe(1);

    // Two ZWNJs look like a reason but say nothing: refused in Persian, nothing written.
    const invisible = await finance.post(URL, { donationId: second.id, decision: 'reject', reason: '\u200C\u200C' });
    expect(invisible.body.notice).toMatchObject({ type: 'error', message: expect.stringContaining('نامرئی') });
    expect((await db.donation.findUniqueOrThrow({ where: { id: second.id } })).state).toBe('REPORTED');
    expect(await db.auditLog.count({ where: { entityId: second.id } })).toBe(0);

    const rejected = await finance.post(URL, { donationId: second.id, decision: 'reject', reason: 'واریزی در حساب صندوق دیده نشد' });
    expect(rejected.body.notice?.type).toBe('success');
    expect(queueOf(rejected.body)!.items.map((i) => i.id)).not.toContain(second.id);
    expect(await db.donation.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ state: 'REJECTED', rejectReason: 'واریزی در حساب صندوق دیده نشد' });
  });

  it('a GET decides nothing; a denied role, and a gift outside the area, write nothing', async () => {
    const db = panel.database.db;
    const gift = await createDonation(db, { centerId: panel.world.centers.home.id });
    const foreign = await createDonation(db, { centerId: panel.world.centers.elsewhere.id });
    await as('FINANCE').get(`${URL}?donationId=${gift.id}&decision=confirm`);
    for (const role of ['CHAIR', 'SOCIAL_WORK', 'AUDITOR', 'PROVINCE_SUPERVISOR'] as const) {
      expect(refused(await as(role).post(URL, { donationId: gift.id, decision: 'confirm' })), role).toBe(true);
    }
    const outside = await as('COUNTY_STAFF').post(URL, { donationId: foreign.id, decision: 'confirm' });
    expect(outside.body.notice?.type).toBe('error');
    for (const d of [gift, foreign]) {
      expect((await db.donation.findUniqueOrThrow({ where: { id: d.id } })).state).toBe('REPORTED');
      expect(await db.auditLog.count({ where: { entityId: d.id } })).toBe(0);
    }
  });

  it('names the day of each gift for what it was: a payment, goods handed over, a service given', async () => {
    const db = panel.database.db;
    const center = panel.world.centers.sibling.id;
    const gifts = {
      CASH: await createDonation(db, { centerId: center }),
      IN_KIND: await createDonation(db, { centerId: center, kind: 'IN_KIND' }),
      SERVICE: await createDonation(db, { centerId: center, kind: 'SERVICE' }),
    };
    const items = (queueOf((await as('COUNTY_STAFF').get(URL)).body)!.items as { id: string; paidAtLabel: string }[]);
    const label = (id: string) => items.find((i) => i.id === id)?.paidAtLabel;
    expect(label(gifts.CASH.id)).toBe('تاریخ پرداخت');
    expect(label(gifts.IN_KIND.id)).toBe('تاریخ تحویل کالا');
    expect(label(gifts.SERVICE.id)).toBe('تاریخ انجام خدمت');
    for (const d of Object.values(gifts)) await db.donation.update({ where: { id: d.id }, data: { state: 'REJECTED', rejectReason: 'آزمون' } });
  });

  it("a suspended center's finance officer opens it and reads the gifts; deciding is refused in words and writes nothing", async () => {
    const db = panel.database.db;
    const suspended = await createCenter(db, { countyId: panel.world.countyA, licenseState: 'SUSPENDED' });
    const user = await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: suspended.id, trusteeRole: 'ADMIN_FINANCE' });
    const finance = api(panel.app, { user, cookie: await loginAs(panel.app, user.username, user.password) });
    const gift = await createDonation(db, { centerId: suspended.id });
    const opened = await finance.get(URL);
    expect(opened.body.notice, JSON.stringify(opened.body.notice)).toBeUndefined();
    expect(queueOf(opened.body)!.items.map((i) => i.id)).toEqual([gift.id]);
    for (const decision of [{ decision: 'confirm' }, { decision: 'reject', reason: 'رسید خوانا نیست' }]) {
      const decided = await finance.post(URL, { donationId: gift.id, ...decision });
      expect(decided.body.notice).toEqual({ type: 'error', message: 'فعالیت این مرکز معلق است؛ فقط مشاهده ممکن است.' });
      expect(queueOf(decided.body)!.items.map((i) => i.id)).toEqual([gift.id]);
    }
    expect((await db.donation.findUniqueOrThrow({ where: { id: gift.id } })).state).toBe('REPORTED');
    expect(await db.auditLog.count({ where: { entityId: gift.id } })).toBe(0);
  });
});
