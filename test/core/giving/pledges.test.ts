/** Pledges: Jalali schedule, exact split, who may, cancel, missed installments and lapse, fulfilment. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { createPledge, pledgeSchedule, type CreatePledgeInput } from '../../../core/giving/create-pledge.ts';
import { cancelPledge } from '../../../core/giving/cancel-pledge.ts';
import { markMissedInstallments } from '../../../core/giving/mark-missed-installments.ts';
import { confirmDonation } from '../../../core/giving/confirm-donation.ts';
import { reportDonation } from '../../../core/giving/report-donation.ts';
import { jalaliToDbDate, toJalali } from '../../../core/jalali.ts';
import { createCenter, createDonor, createPledge as pledgeRow } from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { donorActor, staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { cashReport, givingCtx, type GivingWorld, openGivingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;
const system = { kind: 'system', job: 'mark-missed-installments' } as const;

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

const code = (c: string) => expect.objectContaining({ code: c });
const jd = (d: Date) => toJalali(new Date(d.getTime() + 12 * 3600_000));
const J = (year: number, month: number, day: number) => ({ year, month, day });

describe('the Jalali schedule', () => {
  it('starting 31 Shahrivar keeps the 31st where it exists and clamps elsewhere, without drifting', () => {
    const s = pledgeSchedule(J(1406, 6, 31), 12, 12_000_000n);
    expect(s.map((i) => jd(i.dueOn))).toEqual([
      J(1406, 6, 31),
      J(1406, 7, 30),
      J(1406, 8, 30),
      J(1406, 9, 30),
      J(1406, 10, 30),
      J(1406, 11, 30),
      J(1406, 12, 29), // 1406 is not a leap year
      J(1407, 1, 31),
      J(1407, 2, 31),
      J(1407, 3, 31),
      J(1407, 4, 31),
      J(1407, 5, 31),
    ]);
    expect(s.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('splits the amount exactly, the remainder on the last installment', () => {
    const s = pledgeSchedule(J(1405, 10, 1), 3, 10_000_001n);
    expect(s.map((i) => i.scheduledAmountRial)).toEqual([3_333_333n, 3_333_333n, 3_333_335n]);
    const huge = pledgeSchedule(J(1405, 10, 1), 7, 999_999_999_999n);
    expect(huge.reduce((sum, i) => sum + i.scheduledAmountRial!, 0n)).toBe(999_999_999_999n);
    expect(pledgeSchedule(J(1405, 10, 1), 2, null).map((i) => i.scheduledAmountRial)).toEqual([null, null]);
  });
});

describe('createPledge', () => {
  it('a donor pledges monthly from 31 Shahrivar 1406: 12 installments stored on their Jalali days, audited', async () => {
    const p = await createPledge(ctx, w.donor, {
      centerId: w.center.id,
      kind: 'CASH',
      fund: 'ORPHANS',
      amountToman: '۱٬۰۰۰٬۰۰۰',
      schedule: 'MONTHLY',
      installmentCount: 12,
      firstDueOn: J(1406, 6, 31),
    });
    expect(p).toMatchObject({ state: 'ACTIVE', amountRial: 10_000_000n, installmentCount: 12, donorId: w.donor.donorId });
    expect(p.firstDueOn).toEqual(jalaliToDbDate(J(1406, 6, 31)));
    expect(p.installments.map((i) => jd(i.dueOn))[6]).toEqual(J(1406, 12, 29));
    expect(p.installments.reduce((s, i) => s + i.scheduledAmountRial!, 0n)).toBe(10_000_000n);
    expect(p.installments.at(-1)!.scheduledAmountRial).toBe(833_337n);
    expect(await database.db.auditLog.count({ where: { entityId: p.id, action: 'pledge.create' } })).toBe(1);
  });

  it("numbers each pledge among its donor's own, from 1, as the donor's history does", async () => {
    const donor = await donorActor(database.db);
    const pledge = () => createPledge(ctx, donor, { centerId: w.center.id, kind: 'CASH', fund: 'GENERAL', amountToman: 100_000 });
    const [first, second] = [await pledge(), await pledge()];
    expect([first.no, second.no]).toEqual([1, 2]);
    // Another donor's pledge in between does not count.
    await createPledge(ctx, w.donor, { centerId: w.center.id, kind: 'CASH', fund: 'GENERAL', amountToman: 100_000 });
    expect((await pledge()).no).toBe(3);
  });

  it('a one-time in-kind pledge defaults to today; a trustee officer may pledge for a donor', async () => {
    const officer = await trusteeActor(database.db, w.center.id, 'DONORS_WOMEN');
    const p = await createPledge(ctx, officer, { donorId: w.donor.donorId, centerId: w.center.id, kind: 'IN_KIND', itemDescription: 'سبد غذایی' });
    expect(p.installments).toHaveLength(1);
    expect(p.installments[0]).toMatchObject({ scheduledAmountRial: null, dueOn: jalaliToDbDate(J(1405, 9, 5)) });
  });

  it('refuses a past or impossible first day, a one-time pledge with installments, a missing amount', async () => {
    const base: CreatePledgeInput = { centerId: w.center.id, kind: 'CASH', amountToman: 100_000 };
    await expect(createPledge(ctx, w.donor, { ...base, firstDueOn: J(1405, 9, 4) })).rejects.toThrow(code('INVALID_DATE'));
    await expect(createPledge(ctx, w.donor, { ...base, firstDueOn: J(1405, 12, 30) })).rejects.toThrow(code('INVALID_DATE'));
    await expect(createPledge(ctx, w.donor, { ...base, installmentCount: 3 })).rejects.toThrow(code('VALIDATION'));
    await expect(createPledge(ctx, w.donor, { centerId: w.center.id, kind: 'CASH' })).rejects.toThrow(code('REQUIRED'));
  });

  it('denies another donor, another center’s officer, another county’s staff; refuses an unlicensed center', async () => {
    const other = await createDonor(database.db);
    const otherCenter = await createCenter(database.db);
    const input: CreatePledgeInput = { donorId: other.id, centerId: w.center.id, kind: 'CASH', amountToman: 100_000 };
    await expect(createPledge(ctx, w.donor, input)).rejects.toThrow(code('FORBIDDEN'));
    await expect(createPledge(ctx, await trusteeActor(database.db, otherCenter.id, 'DONORS_MEN'), input)).rejects.toThrow(code('FORBIDDEN'));
    await expect(createPledge(ctx, w.finance, input)).rejects.toThrow(code('FORBIDDEN'));
    await expect(
      createPledge(ctx, await staffActor(database.db, 'COUNTY_STAFF', { countyId: otherCenter.countyId }), input),
    ).rejects.toThrow(code('FORBIDDEN'));
    const applied = await createCenter(database.db, { countyId: w.county.id, licenseState: 'APPLIED' });
    await expect(createPledge(ctx, w.donor, { centerId: applied.id, kind: 'CASH', amountToman: 100_000 })).rejects.toThrow(code('CENTER_NOT_LICENSED'));
  });
});

describe('cancelPledge', () => {
  it('cancels the future installments and keeps paid and missed ones; only once; not by another donor', async () => {
    // Due on 5 Mehr, 5 Aban, 5 Azar (today), 5 Dey, 5 Bahman 1405.
    const p = await pledgeRow(database.db, {
      centerId: w.center.id,
      donorId: w.donor.donorId,
      schedule: 'MONTHLY',
      installmentCount: 5,
      firstDueOn: jalaliToDbDate(J(1405, 7, 5)),
    });
    await database.db.pledgeInstallment.update({ where: { id: p.installments[0]!.id }, data: { state: 'PAID', paidAmountRial: 1_000_000n } });
    await database.db.pledgeInstallment.update({ where: { id: p.installments[1]!.id }, data: { state: 'MISSED' } });

    const stranger = { kind: 'donor', donorId: (await createDonor(database.db)).id } as const;
    await expect(cancelPledge(ctx, stranger, { pledgeId: p.id })).rejects.toThrow(code('FORBIDDEN'));
    const c = await cancelPledge(ctx, w.donor, { pledgeId: p.id, reason: 'سفر' });
    expect(c).toMatchObject({ state: 'CANCELLED', cancelReason: 'سفر' });
    const states = (await database.db.pledgeInstallment.findMany({ where: { pledgeId: p.id }, orderBy: { seq: 'asc' } })).map((i) => i.state);
    expect(states).toEqual(['PAID', 'MISSED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(await database.db.auditLog.count({ where: { entityId: p.id, action: 'pledge.cancel' } })).toBe(1);
    await expect(cancelPledge(ctx, w.staff, { pledgeId: p.id })).rejects.toThrow(code('INVALID_STATE'));
  });
});

describe('markMissedInstallments', () => {
  it('marks unpaid past-due installments MISSED and lapses a pledge after N missed in a row', async () => {
    // Due 5 Shahrivar .. 5 Dey 1405; today is 5 Azar: the first three are past due.
    const lapsing = await pledgeRow(database.db, {
      centerId: w.center.id,
      donorId: w.donor.donorId,
      schedule: 'MONTHLY',
      installmentCount: 5,
      firstDueOn: jalaliToDbDate(J(1405, 6, 5)),
    });
    // Same dates, but the second was paid: only one miss in a row at the end.
    const survivor = await pledgeRow(database.db, {
      centerId: w.center.id,
      donorId: w.donor.donorId,
      schedule: 'MONTHLY',
      installmentCount: 5,
      firstDueOn: jalaliToDbDate(J(1405, 6, 5)),
    });
    await database.db.pledgeInstallment.update({ where: { id: survivor.installments[2]!.id }, data: { state: 'PAID', paidAmountRial: 1_000_000n } });

    await expect(markMissedInstallments(ctx, w.finance, {})).rejects.toThrow(code('FORBIDDEN'));
    await expect(markMissedInstallments(ctx, w.staff, {})).rejects.toThrow(code('FORBIDDEN'));
    const result = await markMissedInstallments(ctx, system, {});
    expect(result.lapsed).toEqual([lapsing.id]);

    const statesOf = async (id: string) =>
      (await database.db.pledgeInstallment.findMany({ where: { pledgeId: id }, orderBy: { seq: 'asc' } })).map((i) => i.state);
    expect(await statesOf(lapsing.id)).toEqual(['MISSED', 'MISSED', 'MISSED', 'CANCELLED', 'CANCELLED']);
    expect(await database.db.pledge.findUniqueOrThrow({ where: { id: lapsing.id } })).toMatchObject({ state: 'LAPSED' });
    expect(await statesOf(survivor.id)).toEqual(['MISSED', 'MISSED', 'PAID', 'PENDING', 'PENDING']);
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: survivor.id } })).state).toBe('ACTIVE');
    expect(await database.db.auditLog.count({ where: { entityId: lapsing.id, action: 'pledge.lapse' } })).toBe(1);
    expect(await database.db.outboxMessage.count({ where: { chatAccountId: w.donor.chatAccountId, template: 'pledge.lapsed' } })).toBe(1);

    // Idempotent: nothing more to do.
    const again = await markMissedInstallments(ctx, system, {});
    expect(again).toEqual({ missed: 0, lapsed: [] });
  });

  it('uses the configured number of misses', async () => {
    const strict = givingCtx(database.db, { pledgeLapseAfterMissed: 1 });
    const p = await pledgeRow(database.db, { centerId: w.center.id, donorId: w.donor.donorId, firstDueOn: jalaliToDbDate(J(1405, 9, 1)) });
    await markMissedInstallments(strict, system, {});
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: p.id } })).state).toBe('LAPSED');
  });
});

describe('fulfilment', () => {
  it('a one-time pledge is FULFILLED when its confirmed gift reaches the amount', async () => {
    const p = await createPledge(ctx, w.donor, { centerId: w.center.id, kind: 'CASH', amountToman: 500_000 });
    const d = await reportDonation(ctx, w.donor, cashReport(w.center.id, 500_000, { pledgeId: p.id }));
    await confirmDonation(ctx, w.finance, { donationId: d.id });
    expect(await database.db.pledge.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ state: 'FULFILLED' });
    expect(await database.db.pledgeInstallment.findUniqueOrThrow({ where: { id: p.installments[0]!.id } })).toMatchObject({
      state: 'PAID',
      paidAmountRial: 5_000_000n,
    });
  });
});
