/** Confirming, rejecting and reversing gifts: who may, receipt numbers, pledge installments, notifications. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { confirmDonation } from '../../../core/giving/confirm-donation.ts';
import { rejectDonation } from '../../../core/giving/reject-donation.ts';
import { reverseDonation } from '../../../core/giving/reverse-donation.ts';
import { reportDonation, type ReportDonationInput } from '../../../core/giving/report-donation.ts';
import { decideApproval } from '../../../core/approvals/decide-approval.ts';
import { givingApprovalHandlers } from '../../../core/giving/approval-handlers.ts';
import { createCenter, createDonation, createPledge } from '../../../fixtures/factories.ts';
import { renderNotification } from '../../../messenger/notification-render.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { cashReport, givingCtx, givingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: Awaited<ReturnType<typeof givingWorld>>;

beforeAll(async () => {
  ctx = givingCtx(database.db);
  w = await givingWorld(database.db);
});

const code = (c: string) => expect.objectContaining({ code: c });
const report = (toman = 200_000, extra: Partial<ReportDonationInput> = {}) => reportDonation(ctx, w.donor, cashReport(w.center.id, toman, extra));
const outbox = (template: string) =>
  database.db.outboxMessage.findMany({ where: { chatAccountId: w.donor.chatAccountId, template } });

describe('confirmDonation', () => {
  it('gives the next receipt number, audits and notifies the donor', async () => {
    const d = await report(300_000);
    const before = (await database.db.receiptCounter.findUniqueOrThrow({ where: { centerId: w.center.id } })).lastNo;
    const c = await confirmDonation(ctx, w.finance, { donationId: d.id });
    expect(c).toMatchObject({ state: 'CONFIRMED', receiptNo: before + 1, confirmedById: w.finance.personId });
    expect(c.confirmedAt).toEqual(new Date('2026-11-26T08:00:00Z'));
    const log = await database.db.auditLog.findFirstOrThrow({ where: { entityId: d.id, action: 'donation.confirm' } });
    expect(log.after).toMatchObject({ state: 'CONFIRMED', receiptNo: before + 1 });
    const msgs = (await outbox('donation.confirmed')).filter((m) => m.dedupeKey?.includes(d.id));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.params).toMatchObject({ receiptNo: before + 1, amount: '300000' });
  });

  it('county staff of the center’s county may confirm', async () => {
    const d = await report();
    expect((await confirmDonation(ctx, w.staff, { donationId: d.id })).state).toBe('CONFIRMED');
  });

  it('denies the donor, another role, another center’s finance officer, another county’s staff', async () => {
    const d = await report();
    const otherCenter = await createCenter(database.db);
    const denied = [
      w.donor,
      await trusteeActor(database.db, w.center.id, 'CHAIR'),
      await trusteeActor(database.db, otherCenter.id, 'ADMIN_FINANCE'),
      await staffActor(database.db, 'COUNTY_STAFF', { countyId: otherCenter.countyId }),
    ];
    for (const actor of denied) {
      await expect(confirmDonation(ctx, actor, { donationId: d.id })).rejects.toThrow(code('FORBIDDEN'));
      await expect(rejectDonation(ctx, actor, { donationId: d.id, reason: 'x' })).rejects.toThrow(code('FORBIDDEN'));
    }
    expect((await database.db.donation.findUniqueOrThrow({ where: { id: d.id } })).state).toBe('REPORTED');
  });

  it('a trustee of a SUSPENDED center may not confirm (read-only)', async () => {
    const center = await createCenter(database.db, { countyId: w.county.id });
    const d = await reportDonation(ctx, w.donor, cashReport(center.id));
    await database.db.center.update({ where: { id: center.id }, data: { licenseState: 'SUSPENDED', suspendedAt: new Date() } });
    const finance = await trusteeActor(database.db, center.id, 'ADMIN_FINANCE');
    await expect(confirmDonation(ctx, finance, { donationId: d.id })).rejects.toThrow(code('CENTER_READ_ONLY'));
  });

  it('a confirmed donation cannot be confirmed or rejected again', async () => {
    const d = await report();
    const c = await confirmDonation(ctx, w.finance, { donationId: d.id });
    await expect(confirmDonation(ctx, w.finance, { donationId: d.id })).rejects.toThrow(code('INVALID_STATE'));
    await expect(rejectDonation(ctx, w.staff, { donationId: d.id, reason: 'تکراری' })).rejects.toThrow(code('INVALID_STATE'));
    expect((await database.db.donation.findUniqueOrThrow({ where: { id: d.id } })).receiptNo).toBe(c.receiptNo);
  });

  it('credits the pledge installment: PARTIAL, then PAID, and the pledge FULFILLED at its amount', async () => {
    // 3 monthly installments of 1,000,000 Rials (100,000 Toman).
    const pledge = await createPledge(database.db, { centerId: w.center.id, donorId: w.donor.donorId, schedule: 'MONTHLY', installmentCount: 3 });
    const [i1, i2, i3] = pledge.installments;
    const part = await report(40_000, { pledgeId: pledge.id, installmentId: i1!.id });
    await confirmDonation(ctx, w.finance, { donationId: part.id });
    let inst = await database.db.pledgeInstallment.findUniqueOrThrow({ where: { id: i1!.id } });
    expect(inst).toMatchObject({ state: 'PARTIAL', paidAmountRial: 400_000n });
    const rest = await report(60_000, { pledgeId: pledge.id, installmentId: i1!.id });
    await confirmDonation(ctx, w.finance, { donationId: rest.id });
    inst = await database.db.pledgeInstallment.findUniqueOrThrow({ where: { id: i1!.id } });
    expect(inst).toMatchObject({ state: 'PAID', paidAmountRial: 1_000_000n });

    // A gift naming only the pledge pays the earliest open installment.
    const second = await report(100_000, { pledgeId: pledge.id });
    const c2 = await confirmDonation(ctx, w.finance, { donationId: second.id });
    expect(c2.installmentId).toBe(i2!.id);
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).state).toBe('ACTIVE');
    const third = await report(100_000, { pledgeId: pledge.id, installmentId: i3!.id });
    await confirmDonation(ctx, w.finance, { donationId: third.id });
    const done = await database.db.pledge.findUniqueOrThrow({ where: { id: pledge.id } });
    expect(done.state).toBe('FULFILLED');
    expect(done.fulfilledAt).toEqual(new Date('2026-11-26T08:00:00Z'));
  });
});

describe('rejectDonation', () => {
  it('needs a reason, records it, audits and notifies the donor', async () => {
    const d = await report();
    await expect(rejectDonation(ctx, w.finance, { donationId: d.id, reason: ' ' })).rejects.toThrow(code('REQUIRED'));
    const r = await rejectDonation(ctx, w.finance, { donationId: d.id, reason: 'واریز در حساب صندوق یافت نشد' });
    expect(r).toMatchObject({ state: 'REJECTED', rejectedById: w.finance.personId, rejectReason: 'واریز در حساب صندوق یافت نشد', receiptNo: null });
    expect(await database.db.auditLog.count({ where: { entityId: d.id, action: 'donation.reject' } })).toBe(1);
    expect((await outbox('donation.rejected')).some((m) => m.dedupeKey?.includes(d.id))).toBe(true);
    await expect(confirmDonation(ctx, w.finance, { donationId: d.id })).rejects.toThrow(code('INVALID_STATE'));
  });

  it('refuses a reason made only of invisible characters, and tells the donor nothing', async () => {
    const d = await report();
    for (const reason of ['\u200C\u200C', '\u200C \u200D\u200F', '\u200E\u200F', '\u00A0\u200C\u2800'])
      await expect(rejectDonation(ctx, w.finance, { donationId: d.id, reason }), JSON.stringify(reason)).rejects.toThrow(code('TEXT_NOT_VISIBLE'));
    expect((await database.db.donation.findUniqueOrThrow({ where: { id: d.id } })).state).toBe('REPORTED');
    expect((await outbox('donation.rejected')).some((m) => m.dedupeKey?.includes(d.id))).toBe(false);
    // A real word with a ZWNJ inside is kept as written.
    const r = await rejectDonation(ctx, w.finance, { donationId: d.id, reason: '\u200Cرسید نمی\u200Cخواند\u200C' });
    expect(r.rejectReason).toBe('\u200Cرسید نمی\u200Cخواند\u200C');
  });
});

describe('the donor told of a rejection', () => {
  it('hears what was not confirmed: a payment, goods handed over, or a service given', async () => {
    const reason = 'در انبار مرکز ثبت نشده است';
    const kinds = [
      { kind: 'CASH', template: 'donation.rejected', says: 'گزارش پرداخت شما تأیید نشد' },
      { kind: 'IN_KIND', template: 'donation.goodsRejected', says: 'گزارش اهدای کالای شما تأیید نشد' },
      { kind: 'SERVICE', template: 'donation.serviceRejected', says: 'گزارش خدمتی که انجام دادید تأیید نشد' },
    ] as const;
    for (const k of kinds) {
      const gift = await createDonation(database.db, { centerId: w.center.id, donorId: w.donor.donorId, kind: k.kind });
      await rejectDonation(ctx, w.finance, { donationId: gift.id, reason });
      const [message] = (await outbox(k.template)).filter((m) => m.dedupeKey?.includes(gift.id));
      expect(message, k.kind).toBeDefined();
      for (const lng of ['fa', 'en']) {
        const text = renderNotification(message!.template, message!.params as Record<string, string>, lng).text;
        expect(text).toContain(reason);
        // Goods and services were never "paid": their message says what they were.
        if (k.kind !== 'CASH') expect(text, `${k.kind} ${lng}`).not.toMatch(/پرداخت|payment/);
      }
      expect(renderNotification(message!.template, message!.params as Record<string, string>, 'fa').text).toContain(k.says);
    }
  });
});

describe('reverseDonation', () => {
  it('adds a REVERSED row pointing at the confirmed gift, never edits it; staff only; once', async () => {
    const pledge = await createPledge(database.db, { centerId: w.center.id, donorId: w.donor.donorId });
    const d = await report(500_000, { pledgeId: pledge.id });
    const c = await confirmDonation(ctx, w.finance, { donationId: d.id });
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).state).toBe('FULFILLED');

    await expect(reverseDonation(ctx, w.finance, { donationId: d.id, reason: 'ثبت اشتباه' })).rejects.toThrow(code('FORBIDDEN'));
    await expect(reverseDonation(ctx, w.donor, { donationId: d.id, reason: 'ثبت اشتباه' })).rejects.toThrow(code('FORBIDDEN'));
    const otherCounty = await createCenter(database.db);
    const foreign = await staffActor(database.db, 'COUNTY_STAFF', { countyId: otherCounty.countyId });
    await expect(reverseDonation(ctx, foreign, { donationId: d.id, reason: 'ثبت اشتباه' })).rejects.toThrow(code('FORBIDDEN'));

    const rev = await reverseDonation(ctx, w.staff, { donationId: d.id, reason: 'ثبت اشتباه' });
    expect(rev).toMatchObject({ state: 'REVERSED', reversesId: d.id, amountRial: 5_000_000n, fund: c.fund, centerId: c.centerId });
    const original = await database.db.donation.findUniqueOrThrow({ where: { id: d.id } });
    expect(original).toMatchObject({ state: 'CONFIRMED', receiptNo: c.receiptNo, amountRial: 5_000_000n });
    // The installment is debited again and the pledge is no longer fulfilled.
    expect(await database.db.pledgeInstallment.findUniqueOrThrow({ where: { id: pledge.installments[0]!.id } })).toMatchObject({
      paidAmountRial: 0n,
    });
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).state).toBe('ACTIVE');
    expect(await database.db.auditLog.count({ where: { entityId: d.id, action: 'donation.reverse' } })).toBe(1);

    await expect(reverseDonation(ctx, w.staff, { donationId: d.id, reason: 'دوباره' })).rejects.toThrow(code('INVALID_STATE'));
    await expect(reverseDonation(ctx, w.staff, { donationId: rev.id, reason: 'دوباره' })).rejects.toThrow(code('INVALID_STATE'));
  });

  it('refuses to reverse a donation that is only reported', async () => {
    const d = await report();
    await expect(reverseDonation(ctx, w.staff, { donationId: d.id, reason: 'x' })).rejects.toThrow(code('INVALID_STATE'));
  });
});

describe('DONATION_CONFIRMATION approvals', () => {
  async function request(donationId: string) {
    return database.db.approvalRequest.create({
      data: { kind: 'DONATION_CONFIRMATION', targetEntity: 'Donation', targetId: donationId, centerId: w.center.id, countyId: w.county.id },
    });
  }

  it('approve confirms the donation with a receipt', async () => {
    const d = await report();
    const req = await request(d.id);
    const decided = await decideApproval(ctx, givingApprovalHandlers, w.finance, { requestId: req.id, decision: 'APPROVE' });
    expect(decided.state).toBe('APPROVED');
    const after = await database.db.donation.findUniqueOrThrow({ where: { id: d.id } });
    expect(after.state).toBe('CONFIRMED');
    expect(after.receiptNo).toBeGreaterThan(0);
  });

  it('reject rejects it with the reason; a foreign finance officer is denied', async () => {
    const d = await report();
    const req = await request(d.id);
    const otherCenter = await createCenter(database.db);
    const foreign = await trusteeActor(database.db, otherCenter.id, 'ADMIN_FINANCE');
    await expect(decideApproval(ctx, givingApprovalHandlers, foreign, { requestId: req.id, decision: 'APPROVE' })).rejects.toThrow(
      code('FORBIDDEN'),
    );
    await decideApproval(ctx, givingApprovalHandlers, w.staff, { requestId: req.id, decision: 'REJECT', reason: 'رسید ناخوانا' });
    expect(await database.db.donation.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'REJECTED', rejectReason: 'رسید ناخوانا' });
  });
});
