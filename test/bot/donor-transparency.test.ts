/**
 * The center's transparency report through the bot: totals only, in Toman with
 * separators, Persian digits and the Jalali month's name in Persian; small
 * groups of households shown as "fewer than"; earlier months by a button.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBeneficiary, createCenter, createDistribution, createDonation, createDonor, createNeed } from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { NOW, fakeClock } from '../helpers/giving.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { transparencyText } from '../../bot/features/donor-transparency.ts';
import { translator } from '../../messenger/i18n.ts';
import type { TransparencyReport } from '../../core/reports/get-transparency-report.ts';

const database = useTestDatabase();
let h: BotHarness;
let center: Awaited<ReturnType<typeof createCenter>>;
const households: string[] = [];

beforeAll(async () => {
  center = await createCenter(database.db, { name: 'مرکز نیکوکاری مسجد جامع' });
  h = createBotHarness({ database, clock: fakeClock });
  // Azar 1405: five donors give 200,000 Toman each to the general fund, one of them also 500,000 zakat;
  // a reported (unconfirmed) gift does not count. Two households get food aid.
  const paidAt = new Date('2026-11-24T09:00:00Z');
  for (let i = 0; i < 5; i++) {
    const donor = await createDonor(database.db);
    await createDonation(database.db, { centerId: center.id, donorId: donor.id, state: 'CONFIRMED', paidAt, amountRial: 2_000_000n });
    if (i === 0) await createDonation(database.db, { centerId: center.id, donorId: donor.id, state: 'CONFIRMED', fund: 'ZAKAT', paidAt, amountRial: 5_000_000n });
    if (i === 1) await createDonation(database.db, { centerId: center.id, donorId: donor.id, state: 'REPORTED', paidAt, amountRial: 90_000_000n });
  }
  for (let i = 0; i < 2; i++) {
    const b = await createBeneficiary(database.db, { centerId: center.id });
    households.push(b.headName);
    const need = await createNeed(database.db, { beneficiaryId: b.id, category: 'FOOD' });
    await createDistribution(database.db, { centerId: center.id, beneficiaryId: b.id, needId: need.id, state: 'DISTRIBUTED', approvedAt: NOW, distributedAt: NOW });
  }
});

let nextId = 5900;

describe('transparency report', () => {
  it('shows this month’s totals in Persian, no household named, and the month before by a button', async () => {
    const u = h.user({ id: nextId++, languageCode: 'fa' });
    await h.chooseCenter(u, center.id);
    await u.send('/menu');
    await u.press('گزارش شفافیت مرکز');
    const text = u.lastText()!;
    expect(text).toBe(
      [
        'گزارش شفافیت «مرکز نیکوکاری مسجد جامع»، آذر ۱۴۰۵',
        '',
        'کمک‌های مردمی تأییدشده:\n• کمک عمومی (نقدی): ۱٬۰۰۰٬۰۰۰ تومان\n• زکات (نقدی): ۵۰۰٬۰۰۰ تومان',
        '',
        'کمک‌های توزیع‌شده:\n• کمک عمومی (نقدی): ۶۰۰٬۰۰۰ تومان',
        '',
        'خانواده‌های یاری‌شده:\n• غذا و معیشت: کمتر از ۵ خانواده',
        '',
        'شمار خیّران این ماه: ۵',
        '',
        'این گزارش فقط جمع‌ها را نشان می‌دهد و نام یا مشخصات هیچ خانواده‌ای در آن نیست.',
      ].join('\n'),
    );
    for (const name of households) expect(text).not.toContain(name);
    expect(u.buttons()).toEqual(['ماه قبل']);
    await u.press('ماه قبل');
    expect(u.lastText()).toBe('گزارش شفافیت «مرکز نیکوکاری مسجد جامع»، آبان ۱۴۰۵\n\nدر این ماه هنوز گزارشی ثبت نشده است.');
    expect(u.buttons()).toEqual(['ماه قبل', 'ماه بعد']);
    await u.press('ماه بعد');
    expect(u.lastText()).toContain('، آذر ۱۴۰۵');
    // A month that has not begun is never shown: the current one instead.
    await u.pressData('dnr:1405:12');
    expect(u.lastText()).toContain('، آذر ۱۴۰۵');
  });

  it('shows it in English', async () => {
    const u = h.user({ id: nextId++, languageCode: 'en' });
    await h.chooseCenter(u, center.id);
    await u.send('/menu');
    await u.press("Center's transparency report");
    const text = u.lastText()!;
    expect(text).toContain('Transparency report of "مرکز نیکوکاری مسجد جامع", Azar 1405');
    expect(text).toContain('• General giving (Cash): 1,000,000 Toman');
    expect(text).toContain('• Food and living: fewer than 5 households');
    expect(text).toContain('Donors this month: 5');
  });

  it('names gifts in kind and services once, without parentheses inside parentheses', () => {
    const report: TransparencyReport = {
      center: { name: 'مرکز' },
      period: { year: 1405, month: 9 },
      received: [{ kind: 'IN_KIND', fund: 'GENERAL', confirmedRial: 0n, confirmedEstimatedRial: 40_000_000n }],
      distributed: [{ kind: 'SERVICE', fund: 'GENERAL', amountRial: 0n, estimatedRial: 0n }],
      householdsHelped: [],
      donors: 6,
    };
    const text = transparencyText(report, translator('fa'), 'fa');
    expect(text).toContain('• کمک عمومی (کالا): ارزش تقریبی ۴٬۰۰۰٬۰۰۰ تومان');
    expect(text).toContain('• کمک عمومی (خدمات): ارزش برآورد نشده');
    expect(text).not.toMatch(/\([^)]*\(/);
  });

  it('asks a chat without a center to choose one first', async () => {
    const u = h.user({ id: nextId++, languageCode: 'en' });
    await u.send('/menu');
    expect(u.buttons()).not.toContain("Center's transparency report");
    await u.pressData('donor:report');
    expect(u.lastText()).toBe('First choose your charity center: press /start.');
  });
});
