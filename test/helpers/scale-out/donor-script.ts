/**
 * One new donor's whole conversation, as a person types it (Persian): the center's
 * deep link, registration, a one-time cash pledge, then reporting its payment.
 * Buttons are pressed by their labels on screen, so a step that went wrong (an update
 * lost, handled twice or out of order) fails here naming what the chat showed.
 */
import type { ApiCall } from '../../../fixtures/bot/fake-bot-api.ts';
import type { TestUser } from '../../../fixtures/bot/test-user.ts';
import { persianDigits } from '../../../messenger/digits.ts';

const FIRST_NAMES = ['علی', 'زهرا', 'محمد', 'فاطمه', 'حسین', 'مریم', 'رضا', 'سارا'];
const LAST_NAMES = ['کریمی', 'احمدی', 'رضایی', 'موسوی', 'حسینی', 'نوری', 'صادقی', 'جعفری', 'قاسمی'];
const FUNDS = ['کمک عمومی', 'صدقه', 'زکات', 'اکرام ایتام'];

export const toPersianDigits = (s: string | number): string => persianDigits(String(s));

export interface DonorPlan {
  index: number;
  centerCode: string;
  /** Toman, distinct per donor so each donation can be told apart. */
  amountToman: number;
  /** Attach a receipt photo (the bot downloads it from the fake) or skip it. */
  withPhoto: boolean;
}

function describeScreen(u: TestUser): string {
  return `last text: ${JSON.stringify(u.lastText())}; buttons: ${JSON.stringify(u.buttons())}`;
}

async function pressMatching(u: TestUser, match: (label: string) => boolean, what: string): Promise<ApiCall[]> {
  const label = u.buttons().find(match);
  if (label === undefined) throw new Error(`donor ${u.id}: no button for ${what}; ${describeScreen(u)}`);
  return u.press(label);
}

/**
 * The bot's answer to one step, among the calls made to the chat while it was handled
 * (a notification from the sender may land in the same chat meanwhile, so not simply the last text).
 */
function expectAnswer(u: TestUser, calls: ApiCall[], pattern: RegExp, step: string): void {
  const texts = calls.flatMap((c) => (c.ok && (c.method === 'sendMessage' || c.method === 'editMessageText') ? [String(c.payload.text)] : []));
  if (!texts.some((t) => pattern.test(t))) throw new Error(`donor ${u.id} after ${step}: answered ${JSON.stringify(texts)}; ${describeScreen(u)}`);
}

export async function runDonor(u: TestUser, plan: DonorPlan): Promise<void> {
  const i = plan.index;
  await u.send(`/start c_${plan.centerCode}`);
  await pressMatching(u, (l) => l === 'ثبت‌نام خیّر', 'registering');
  await u.send(FIRST_NAMES[i % FIRST_NAMES.length]!);
  await u.send(LAST_NAMES[i % LAST_NAMES.length]!);
  await u.send(toPersianDigits(`0912${String(1_000_000 + i).padStart(7, '0')}`));
  expectAnswer(u, await pressMatching(u, (l) => l === 'رد شدن', 'skipping the national ID'), /ثبت‌نام شما انجام شد/, 'registering');

  await pressMatching(u, (l) => l === 'ثبت تعهد کمک', 'a pledge');
  await pressMatching(u, (l) => l === 'نقدی', 'cash');
  await pressMatching(u, (l) => l === FUNDS[i % FUNDS.length], 'the fund');
  await pressMatching(u, (l) => l === 'یک‌باره', 'one-time');
  await u.send(toPersianDigits(plan.amountToman));
  await pressMatching(u, (l) => l === (i % 2 ? 'ناشناس بمانم' : 'نامم آورده شود'), 'anonymity');
  expectAnswer(u, await pressMatching(u, (l) => l === 'تأیید و ثبت', 'confirming the pledge'), /^تعهد شمارهٔ ۱ شما ثبت شد/, 'the pledge');

  await u.send('/menu');
  await pressMatching(u, (l) => l === 'گزارش پرداخت', 'reporting a payment');
  await pressMatching(u, (l) => l.startsWith('تعهد ۱:'), 'pledge 1');
  if (u.buttons().some((l) => l.startsWith('قسط ۱،'))) await pressMatching(u, (l) => l.startsWith('قسط ۱،'), 'installment 1');
  await pressMatching(u, (l) => l.endsWith('تومان'), 'the suggested amount');
  await pressMatching(u, (l) => l === 'امروز', 'today');
  await u.send(toPersianDigits(700_000 + i));
  await u.send('۶۰۳۷');
  const summary = plan.withPhoto ? await u.sendPhoto() : await pressMatching(u, (l) => l === 'رد شدن', 'no photo');
  expectAnswer(u, summary, /خلاصهٔ گزارش پرداخت:/, 'the report details');
  expectAnswer(u, await pressMatching(u, (l) => l === 'تأیید و ثبت', 'confirming the report'), /^گزارش پرداخت شما ثبت شد\./, 'the report');
}
