/**
 * "My pledges and donations" in Persian and English (pledges by number, gifts
 * by Jalali date with their receipt number or the reason they were rejected),
 * and cancelling a pledge, which asks first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db.ts';
import { donorActor, trusteeActor } from '../../fixtures/actors.ts';
import { cashReport, fakeClock } from '../helpers/giving.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد جامع' }, fakeClock)));

let nextId = 5700;
const donorUser = (languageCode: 'fa' | 'en') => h.donorAt(center.id, { id: nextId++, firstName: 'Test', languageCode });

/** A monthly cash pledge of 3 × 100,000 Toman, its first installment paid and confirmed, and a rejected gift. */
async function givingOf(donor: Awaited<ReturnType<typeof donorActor>>) {
  const pledge = await h.core.giving.createPledge(donor, {
    centerId: center.id,
    kind: 'CASH',
    fund: 'GENERAL',
    amountToman: 300_000,
    schedule: 'MONTHLY',
    installmentCount: 3,
  });
  const finance = await trusteeActor(database.db, center.id, 'ADMIN_FINANCE');
  const paid = await h.core.giving.reportDonation(donor, cashReport(center.id, 100_000, { pledgeId: pledge.id }));
  const confirmed = await h.core.giving.confirmDonation(finance, { donationId: paid.id });
  const wrong = await h.core.giving.reportDonation(donor, cashReport(center.id, 50_000, { fund: 'ZAKAT', paidAt: '2026-11-20T10:00:00Z' }));
  await h.core.giving.rejectDonation(finance, { donationId: wrong.id, reason: 'واریزی با این شماره پیدا نشد' });
  return { pledge, receiptNo: confirmed.receiptNo! };
}

describe('my pledges and donations', () => {
  it('lists them in Persian with Persian digits, Jalali dates, the receipt number and the rejection reason', async () => {
    const { u, donor } = await donorUser('fa');
    await u.press('تعهدها و کمک‌های من');
    expect(u.lastText()).toBe('هنوز تعهد یا کمکی از شما ثبت نشده است.');
    const { receiptNo } = await givingOf(donor);
    await u.send('/menu');
    await u.press('تعهدها و کمک‌های من');
    const text = u.lastText()!;
    const no = receiptNo.toLocaleString('fa-IR', { useGrouping: false });
    expect(text).toBe(
      [
        'تعهدهای شما:',
        'تعهد ۱: ۳۰۰٬۰۰۰ تومان، کمک عمومی، ماهانه، ۳ قسط، فعال',
        '   پرداخت‌شده ۱۰۰٬۰۰۰ تومان از ۳۰۰٬۰۰۰ تومان',
        '',
        'کمک‌های شما:',
        `۴ آذر ۱۴۰۵: ۱۰۰٬۰۰۰ تومان، کمک عمومی، تأیید شد، رسید شمارهٔ ${no}`,
        '۲۹ آبان ۱۴۰۵: ۵۰٬۰۰۰ تومان، زکات، تأیید نشد؛ علت: واریزی با این شماره پیدا نشد',
        '',
        'جمع کمک‌های نقدی تأییدشدهٔ شما: ۱۰۰٬۰۰۰ تومان',
      ].join('\n'),
    );
    expect(u.buttons()).toEqual(['لغو تعهد']);
  });

  it('lists them in English', async () => {
    const { u, donor } = await donorUser('en');
    const { receiptNo } = await givingOf(donor);
    await u.press('My pledges and donations');
    const text = u.lastText()!;
    expect(text).toContain('Pledge 1: 300,000 Toman, General giving, monthly, 3 installments, active');
    expect(text).toContain(`Azar 4, 1405 AP: 100,000 Toman, General giving, confirmed, receipt no. ${receiptNo}`);
    expect(text).toContain('not confirmed; reason: واریزی با این شماره پیدا نشد');
    expect(text).toContain('Your confirmed cash donations in total: 100,000 Toman');
  });
});

describe('cancel a pledge', () => {
  it('asks before cancelling (fa); paid installments stay', async () => {
    const { u, donor } = await donorUser('fa');
    const { pledge } = await givingOf(donor);
    await u.press('تعهدها و کمک‌های من');
    await u.press('لغو تعهد');
    expect(u.lastText()).toBe('تعهد ۱ (۳۰۰٬۰۰۰ تومان) لغو شود؟ پرداخت‌های قبلی شما در سوابق می‌ماند.');
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).state).toBe('ACTIVE');
    await u.press('بله، لغو شود');
    expect(u.lastText()).toBe('تعهد ۱ لغو شد. از همراهی‌تان سپاسگزاریم.');
    const after = await database.db.pledge.findUniqueOrThrow({ where: { id: pledge.id }, include: { installments: { orderBy: { seq: 'asc' } } } });
    expect(after.state).toBe('CANCELLED');
    expect(after.installments.map((i) => i.state)).toEqual(['PAID', 'CANCELLED', 'CANCELLED']);
    await u.send('/menu');
    await u.press('تعهدها و کمک‌های من');
    expect(u.lastText()).toContain('تعهد ۱: ۳۰۰٬۰۰۰ تومان، کمک عمومی، ماهانه، ۳ قسط، لغو شده');
    expect(u.buttons()).not.toContain('لغو تعهد');
  });

  it('picks which of two pledges, and "keep it" changes nothing (en)', async () => {
    const { u, donor } = await donorUser('en');
    const first = await h.core.giving.createPledge(donor, { centerId: center.id, kind: 'CASH', fund: 'ZAKAT', amountToman: 1_000_000 });
    const second = await h.core.giving.createPledge(donor, { centerId: center.id, kind: 'IN_KIND', fund: 'GENERAL', itemDescription: 'a rice sack' });
    await u.press('My pledges and donations');
    await u.press('Cancel a pledge');
    expect(u.buttons()).toEqual(['Pledge 2: In kind (goods): a rice sack', 'Pledge 1: 1,000,000 Toman']);
    await u.press('Pledge 1: 1,000,000 Toman');
    await u.press('No, keep it');
    expect(u.lastText()).toBe('Pledge 1 stays as it was.');
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: first.id } })).state).toBe('ACTIVE');
    await u.pressData('donor:cancel');
    await u.press('Pledge 2: In kind (goods): a rice sack');
    await u.press('Yes, cancel it');
    expect(u.lastText()).toBe('Pledge 2 is cancelled. Thank you for your support.');
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: second.id } })).state).toBe('CANCELLED');
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: first.id } })).state).toBe('ACTIVE');
  });
});
