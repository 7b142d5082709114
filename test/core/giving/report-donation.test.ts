/** Reporting a gift: who may, where cash goes, idempotency (also racing), pledge ownership. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { reportDonation } from '../../../core/giving/report-donation.ts';
import { createCenter, createDonor, createPledge } from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { cashReport, donorWithChat, type GivingWorld, key, openGivingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

const code = (c: string) => expect.objectContaining({ code: c });

describe('reportDonation', () => {
  it('records a cash report in Rials against the center Sandogh account, REPORTED, with an audit row', async () => {
    const d = await reportDonation(ctx, w.donor, cashReport(w.center.id, 250_000));
    expect(d).toMatchObject({
      state: 'REPORTED',
      donorId: w.donor.donorId,
      amountRial: 2_500_000n,
      sandoghAccountNo: w.center.sandoghAccountNo,
      traceNumber: '12345678',
      cardLast4: '6037',
      receiptNo: null,
      reportedViaChatAccountId: w.donor.chatAccountId,
    });
    const log = await database.db.auditLog.findMany({ where: { entity: 'Donation', entityId: d.id } });
    expect(log.map((l) => l.action)).toEqual(['donation.report']);
  });

  it('records in-kind and service gifts without a cash amount', async () => {
    const goods = await reportDonation(ctx, w.donor, {
      centerId: w.center.id,
      kind: 'IN_KIND',
      itemDescription: 'برنج',
      quantity: '۱۰',
      estimatedValueToman: 3_000_000,
      idempotencyKey: key(),
    });
    expect(goods).toMatchObject({ amountRial: null, sandoghAccountNo: null, quantity: 10, estimatedValueRial: 30_000_000n });
    await expect(reportDonation(ctx, w.donor, { centerId: w.center.id, kind: 'SERVICE', idempotencyKey: key() })).rejects.toThrow(
      code('REQUIRED'),
    );
  });

  it('returns the first record when the same idempotency key is reported twice', async () => {
    const input = cashReport(w.center.id);
    const first = await reportDonation(ctx, w.donor, input);
    const again = await reportDonation(ctx, w.donor, { ...input, amountToman: 999_000 });
    expect(again.id).toBe(first.id);
    expect(again.amountRial).toBe(2_000_000n);
    expect(await database.db.donation.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it('keeps one record when reports with the same key race', async () => {
    const input = cashReport(w.center.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => reportDonation(ctx, w.donor, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await database.db.donation.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it('lets the finance officer and county staff report on a donor’s behalf', async () => {
    const byTrustee = await reportDonation(ctx, w.finance, cashReport(w.center.id, 100_000, { donorId: w.donor.donorId }));
    const byStaff = await reportDonation(ctx, w.staff, cashReport(w.center.id, 100_000, { donorId: w.donor.donorId }));
    expect([byTrustee.donorId, byStaff.donorId]).toEqual([w.donor.donorId, w.donor.donorId]);
  });

  it('denies a donor reporting for another donor, another center’s trustee and another county’s staff', async () => {
    const other = await createDonor(database.db);
    await expect(reportDonation(ctx, w.donor, cashReport(w.center.id, 100_000, { donorId: other.id }))).rejects.toThrow(code('FORBIDDEN'));
    const otherCenter = await createCenter(database.db);
    const foreignTrustee = await trusteeActor(database.db, otherCenter.id, 'ADMIN_FINANCE');
    await expect(reportDonation(ctx, foreignTrustee, cashReport(w.center.id))).rejects.toThrow(code('FORBIDDEN'));
    const foreignStaff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: otherCenter.countyId });
    await expect(reportDonation(ctx, foreignStaff, cashReport(w.center.id))).rejects.toThrow(code('FORBIDDEN'));
  });

  it('refuses a center that is not licensed, and a suspended center’s trustee may not write', async () => {
    const applied = await createCenter(database.db, { countyId: w.county.id, licenseState: 'APPLIED' });
    await expect(reportDonation(ctx, w.donor, cashReport(applied.id))).rejects.toThrow(code('CENTER_NOT_LICENSED'));
    const suspended = await createCenter(database.db, { countyId: w.county.id, licenseState: 'SUSPENDED' });
    await expect(reportDonation(ctx, w.donor, cashReport(suspended.id))).rejects.toThrow(code('CENTER_NOT_LICENSED'));
    const trustee = await trusteeActor(database.db, suspended.id, 'ADMIN_FINANCE');
    await expect(reportDonation(ctx, trustee, cashReport(suspended.id))).rejects.toThrow(code('CENTER_READ_ONLY'));
  });

  it('refuses cash for a center without a Sandogh account', async () => {
    const noAccount = await createCenter(database.db, { countyId: w.county.id, sandoghAccountNo: null, sandoghSheba: null });
    await expect(reportDonation(ctx, w.donor, cashReport(noAccount.id))).rejects.toThrow(code('CENTER_HAS_NO_SANDOGH_ACCOUNT'));
  });

  it('accepts only the donor’s own pledge at this center, and its own installment', async () => {
    const own = await createPledge(database.db, { centerId: w.center.id, donorId: w.donor.donorId });
    const ok = await reportDonation(ctx, w.donor, cashReport(w.center.id, 500_000, { pledgeId: own.id, installmentId: own.installments[0]!.id }));
    expect(ok.installmentId).toBe(own.installments[0]!.id);

    const someoneElses = await createPledge(database.db, { centerId: w.center.id });
    await expect(reportDonation(ctx, w.donor, cashReport(w.center.id, 100_000, { pledgeId: someoneElses.id }))).rejects.toThrow(
      code('PLEDGE_NOT_OF_DONOR'),
    );
    const otherCenter = await createCenter(database.db, { countyId: w.county.id });
    await expect(reportDonation(ctx, w.donor, cashReport(otherCenter.id, 100_000, { pledgeId: own.id }))).rejects.toThrow(
      code('PLEDGE_NOT_OF_DONOR'),
    );
    await expect(
      reportDonation(ctx, w.donor, cashReport(w.center.id, 100_000, { pledgeId: own.id, installmentId: someoneElses.installments[0]!.id })),
    ).rejects.toThrow(code('PLEDGE_NOT_OF_DONOR'));
  });

  it('refuses a pledge of another kind, and a cancelled pledge; a lapsed one still takes a late payment', async () => {
    const goods = await createPledge(database.db, { centerId: w.center.id, donorId: w.donor.donorId, kind: 'IN_KIND' });
    await expect(reportDonation(ctx, w.donor, cashReport(w.center.id, 100_000, { pledgeId: goods.id }))).rejects.toThrow(
      code('PLEDGE_KIND_MISMATCH'),
    );
    const cancelled = await createPledge(database.db, { centerId: w.center.id, donorId: w.donor.donorId, state: 'CANCELLED' });
    await expect(reportDonation(ctx, w.donor, cashReport(w.center.id, 100_000, { pledgeId: cancelled.id }))).rejects.toThrow(
      code('PLEDGE_CANCELLED'),
    );
    const lapsed = await createPledge(database.db, { centerId: w.center.id, donorId: w.donor.donorId, state: 'LAPSED' });
    const late = await reportDonation(ctx, w.donor, cashReport(w.center.id, 500_000, { pledgeId: lapsed.id }));
    expect(late).toMatchObject({ state: 'REPORTED', pledgeId: lapsed.id });
    expect(await database.db.donation.count({ where: { pledgeId: { in: [goods.id, cancelled.id] } } })).toBe(0);
  });

  it('validates input: bad amount, card digits, future paidAt', async () => {
    await expect(reportDonation(ctx, w.donor, cashReport(w.center.id, -5))).rejects.toThrow(code('AMOUNT_OUT_OF_RANGE'));
    await expect(reportDonation(ctx, w.donor, cashReport(w.center.id, 100_000, { cardLast4: '12a4' }))).rejects.toThrow(code('VALIDATION'));
    await expect(reportDonation(ctx, w.donor, cashReport(w.center.id, 100_000, { paidAt: '2027-01-01' }))).rejects.toThrow(code('INVALID_DATE'));
  });

  it('refuses a merged (duplicate) donor', async () => {
    const kept = await createDonor(database.db);
    const dup = await donorWithChat(database.db);
    await database.db.donor.update({ where: { id: dup.donorId }, data: { mergedIntoId: kept.id, mergedAt: new Date() } });
    await expect(reportDonation(ctx, dup, cashReport(w.center.id))).rejects.toThrow(code('DONOR_MERGED'));
  });
});
