/**
 * A donor's whole conversations in Persian, step by step through the bot (each step a
 * message or a button press the test user sends): a cash pledge to the general fund, and
 * a payment reported against one of the donor's pledges. For the fault tests, which count
 * what users did against what was stored.
 */
import { digits } from '../../messenger/format.ts';
import type { TestUser } from '../../fixtures/bot/test-user.ts';

/** 100,000 Toman, once or monthly for three months (three installments), anonymous; from the menu to "saved". */
export async function pledgeCash(u: TestUser, plan: 'once' | 'monthly' = 'once'): Promise<void> {
  await u.send('/menu');
  await u.press('ثبت تعهد کمک');
  await u.press('نقدی');
  await u.press('کمک عمومی');
  if (plan === 'once') await u.press('یک‌باره');
  else {
    await u.press('ماهانه');
    await u.press('۳ ماه');
  }
  await u.send('۱۰۰۰۰۰');
  await u.press('ناشناس بمانم');
  await u.press('تأیید و ثبت');
}

/** Reports paying the first open installment of pledge number `no` (its suggested amount, today, no card or photo); from the menu to "saved". */
export async function payPledge(u: TestUser, no: number, trace: string): Promise<void> {
  await u.send('/menu');
  await u.press('گزارش پرداخت');
  const prefix = `تعهد ${digits(no, 'fa')}:`;
  const pledge = u.buttons().find((b) => b.startsWith(prefix));
  if (!pledge) throw new Error(`pledge ${no} is not offered for payment: ${JSON.stringify(u.buttons())}`);
  await u.press(pledge);
  // Several installments open: the first is asked for; one alone is taken without asking.
  const installment = u.buttons().find((b) => b.startsWith('قسط ۱،'));
  if (installment) await u.press(installment);
  await u.press(u.buttons()[0]!); // the installment's amount, suggested
  await u.press('امروز');
  await u.send(trace);
  await u.press('رد شدن'); // card digits
  await u.press('رد شدن'); // receipt photo
  await u.press('تأیید و ثبت');
}
