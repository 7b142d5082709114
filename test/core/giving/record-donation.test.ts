/**
 * Staff recording a gift the center received: cash into the Sandogh account, goods and
 * services, named or anonymous; confirmed at once with its receipt number when the one
 * recording may confirm, else left for the finance officer; who may; the same bank transfer
 * never counted twice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { recordDonation, type RecordDonationInput } from '../../../core/giving/record-donation.ts';
import { reportDonation } from '../../../core/giving/report-donation.ts';
import { createCenter, createDonor, createPledge } from '../../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { cashReport, type GivingWorld, NOW, openGivingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

const code = (c: string) => expect.objectContaining({ code: c });
let trace = 70_000_000;
const cash = (centerId: string, extra: Partial<RecordDonationInput> = {}): RecordDonationInput => ({
  centerId,
  kind: 'CASH',
  amountToman: '۱٬۵۰۰٬۰۰۰',
  traceNumber: String(++trace),
  paidAt: '2026-11-24',
  ...extra,
});
const actions = async (id: string) =>
  (await database.db.auditLog.findMany({ where: { entity: 'Donation', entityId: id }, orderBy: { id: 'asc' } })).map((l) => l.action);

describe('recordDonation', () => {
  it("the finance officer records cash paid into the Sandogh account: confirmed at once, with the center's next receipt number", async () => {
    const donor = await createDonor(database.db, { recruitedByCenterId: w.center.id });
    const d = await recordDonation(ctx, w.finance, cash(w.center.id, { donorId: donor.id, fund: 'ZAKAT' }));
    expect(d).toMatchObject({
      state: 'CONFIRMED',
      donorId: donor.id,
      kind: 'CASH',
      fund: 'ZAKAT',
      amountRial: 15_000_000n,
      sandoghAccountNo: w.center.sandoghAccountNo,
      traceNumber: String(trace),
      receiptNo: expect.any(Number),
      confirmedById: w.finance.personId,
      reportedViaChatAccountId: null,
    });
    // The day picked on the form is filed as that day in Tehran (noon), not UTC midnight.
    expect(d.paidAt.toISOString()).toBe('2026-11-24T08:30:00.000Z');
    expect(await actions(d.id)).toEqual(['donation.record', 'donation.confirm']);
    const next = await recordDonation(ctx, w.finance, cash(w.center.id));
    expect(next.receiptNo).toBe(d.receiptNo! + 1);
  });

  it('records goods and a service anonymously; today is "now"', async () => {
    const goods = await recordDonation(ctx, w.staff, {
      centerId: w.center.id,
      kind: 'IN_KIND',
      itemDescription: 'کیسهٔ برنج ۱۰ کیلویی',
      quantity: '۲۰',
      unit: 'کیسه',
      estimatedValueToman: '۴۰۰۰۰۰۰۰',
      paidAt: '2026-11-26',
    });
    expect(goods).toMatchObject({
      state: 'CONFIRMED',
      donorId: null,
      amountRial: null,
      sandoghAccountNo: null,
      quantity: 20,
      unit: 'کیسه',
      estimatedValueRial: 400_000_000n,
      paidAt: NOW,
    });
    const service = await recordDonation(ctx, w.finance, {
      centerId: w.center.id,
      kind: 'SERVICE',
      serviceDescription: 'ویزیت رایگان ده بیمار',
      serviceHours: '۶',
      traceNumber: '999999',
    });
    expect(service).toMatchObject({ state: 'CONFIRMED', serviceHours: 6, traceNumber: null, amountRial: null, paidAt: NOW });
  });

  it('recorded by the chair (who may not confirm), the gift waits for the finance officer', async () => {
    const chair = await trusteeActor(database.db, w.center.id, 'CHAIR');
    const d = await recordDonation(ctx, chair, { centerId: w.center.id, kind: 'IN_KIND', itemDescription: 'پتو', quantity: 5 });
    expect(d).toMatchObject({ state: 'REPORTED', receiptNo: null });
    expect(await actions(d.id)).toEqual(['donation.record']);
  });

  it('cash needs its trace number and amount; a future day is refused', async () => {
    await expect(recordDonation(ctx, w.finance, cash(w.center.id, { traceNumber: undefined }))).rejects.toThrow(code('REQUIRED'));
    await expect(recordDonation(ctx, w.finance, cash(w.center.id, { amountToman: undefined }))).rejects.toThrow(code('REQUIRED'));
    await expect(recordDonation(ctx, w.finance, cash(w.center.id, { paidAt: '2026-12-01' }))).rejects.toThrow(code('INVALID_DATE'));
    await expect(recordDonation(ctx, w.finance, { centerId: w.center.id, kind: 'IN_KIND' })).rejects.toThrow(code('REQUIRED'));
  });

  it("refuses a trace number already on a live gift of the center (the donor's own report included)", async () => {
    const reported = await reportDonation(ctx, w.donor, cashReport(w.center.id, 200_000, { traceNumber: '۵۵۵۰۰۰۱' }));
    const before = await database.db.donation.count();
    await expect(recordDonation(ctx, w.finance, cash(w.center.id, { traceNumber: '5550001' }))).rejects.toThrow(
      code('TRACE_NUMBER_ALREADY_RECORDED'),
    );
    expect(await database.db.donation.count()).toBe(before);
    // Once that report is rejected the number is free again.
    await database.db.donation.update({ where: { id: reported.id }, data: { state: 'REJECTED', rejectReason: 'تکراری', rejectedAt: NOW } });
    expect((await recordDonation(ctx, w.finance, cash(w.center.id, { traceNumber: '5550001' }))).state).toBe('CONFIRMED');
  });

  it('the same submission retried with its key is recorded once', async () => {
    const input = cash(w.center.id, { idempotencyKey: 'panel-retry-0001' });
    const first = await recordDonation(ctx, w.finance, input);
    const again = await recordDonation(ctx, w.finance, input);
    expect(again.id).toBe(first.id);
    expect(await database.db.donation.count({ where: { idempotencyKey: 'panel-retry-0001' } })).toBe(1);
  });

  it("against the donor's pledge: its fund, its kind, its installment credited on confirmation", async () => {
    const donor = await createDonor(database.db, { recruitedByCenterId: w.center.id });
    const pledge = await createPledge(database.db, { centerId: w.center.id, donorId: donor.id, fund: 'ZAKAT', amountRial: 15_000_000n });
    const goods = { centerId: w.center.id, donorId: donor.id, pledgeId: pledge.id, kind: 'IN_KIND', itemDescription: 'برنج' } as const;
    await expect(recordDonation(ctx, w.finance, goods)).rejects.toThrow(code('PLEDGE_KIND_MISMATCH'));
    const other = await createDonor(database.db, { recruitedByCenterId: w.center.id });
    await expect(recordDonation(ctx, w.finance, cash(w.center.id, { donorId: other.id, pledgeId: pledge.id }))).rejects.toThrow(code('PLEDGE_NOT_OF_DONOR'));
    // The form's fund (GENERAL by default) gives way to the pledge's.
    const d = await recordDonation(ctx, w.finance, cash(w.center.id, { donorId: donor.id, pledgeId: pledge.id }));
    expect(d).toMatchObject({ state: 'CONFIRMED', fund: 'ZAKAT', pledgeId: pledge.id, installmentId: pledge.installments[0]!.id });
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).state).toBe('FULFILLED');
  });

  it('is refused to donors, to officers who take no gifts, outside the area, and for a donor not of the center', async () => {
    const before = await database.db.donation.count();
    await expect(recordDonation(ctx, w.donor, cash(w.center.id, { donorId: w.donor.donorId }))).rejects.toThrow(code('FORBIDDEN'));
    const social = await trusteeActor(database.db, w.center.id, 'SOCIAL_WORK');
    await expect(recordDonation(ctx, social, cash(w.center.id))).rejects.toThrow(code('FORBIDDEN'));
    const auditor = await staffActor(database.db, 'AUDITOR');
    await expect(recordDonation(ctx, auditor, cash(w.center.id))).rejects.toThrow(code('FORBIDDEN'));
    const otherCenter = await createCenter(database.db);
    const foreignFinance = await trusteeActor(database.db, otherCenter.id, 'ADMIN_FINANCE');
    await expect(recordDonation(ctx, foreignFinance, cash(w.center.id))).rejects.toThrow(code('FORBIDDEN'));
    const strangerDonor = await createDonor(database.db, { recruitedByCenterId: otherCenter.id });
    await expect(recordDonation(ctx, w.finance, cash(w.center.id, { donorId: strangerDonor.id }))).rejects.toThrow(code('NOT_FOUND'));
    await expect(recordDonation(ctx, w.staff, cash(w.center.id, { donorId: strangerDonor.id }))).rejects.toThrow(code('NOT_FOUND'));
    expect(await database.db.donation.count()).toBe(before);
    // A donor who gave to the center before is one of its donors.
    const admin = await staffActor(database.db, 'PROVINCE_ADMIN');
    await recordDonation(ctx, admin, cash(w.center.id, { donorId: strangerDonor.id }));
    expect((await recordDonation(ctx, w.finance, cash(w.center.id, { donorId: strangerDonor.id }))).state).toBe('CONFIRMED');
  });
});
