/**
 * Pledges through the bot, in Persian and English: cash typed in Persian
 * digits, goods, a service; wrong input explained and asked again; a restart
 * in the middle leaves exactly one pledge; the summary can be cancelled.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db.ts';
import { fakeClock } from '../helpers/giving.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد امام رضا' }, fakeClock)));

let nextId = 5100;
const donorUser = (languageCode: 'fa' | 'en') => h.donorAt(center.id, { id: nextId++, firstName: 'Test', languageCode });

const pledgesOf = (donorId: string) =>
  database.db.pledge.findMany({ where: { donorId }, include: { installments: { orderBy: { seq: 'asc' } } } });
const asciiDigits = (texts: string[]) => texts.filter((t) => /[0-9]/.test(t));

describe('pledge in Persian', () => {
  it('stores a monthly cash pledge typed in Persian digits, with a summary first and the donor named', async () => {
    const { u, donor } = await donorUser('fa');
    await u.press('ثبت تعهد کمک');
    expect(u.buttons()).toEqual(['نقدی', 'غیرنقدی (کالا)', 'خدمات']);
    await u.press('نقدی');
    await u.press('زکات');
    await u.press('ماهانه');
    await u.press('۱۲ ماه');
    await u.send('۱۲۰٬۰۰۰');
    await u.press('نامم آورده شود');
    const summary = u.lastText()!;
    expect(summary).toContain('صندوق: زکات');
    expect(summary).toContain('۱۲ قسط، هر قسط ۱۲۰٬۰۰۰ تومان (جمع ۱٬۴۴۰٬۰۰۰ تومان)');
    expect(summary).toContain('فقط در مصارف مجاز «زکات»');
    expect(await pledgesOf(donor.donorId)).toHaveLength(0);

    await u.press('تأیید و ثبت');
    expect(u.lastText()).toBe('تعهد شمارهٔ ۱ شما ثبت شد. خداوند قبول کند.\nموعد نخستین پرداخت: ۵ آذر ۱۴۰۵');
    const [pledge, ...others] = await pledgesOf(donor.donorId);
    expect(others).toHaveLength(0);
    expect(pledge).toMatchObject({ kind: 'CASH', fund: 'ZAKAT', schedule: 'MONTHLY', installmentCount: 12, amountRial: 14_400_000n, centerId: center.id });
    expect(pledge!.installments.map((i) => i.scheduledAmountRial)).toEqual(Array(12).fill(1_200_000n));
    expect((await database.db.donor.findUniqueOrThrow({ where: { id: donor.donorId } })).anonymous).toBe(false);
    expect(asciiDigits(u.texts())).toEqual([]);
  });

  it('explains a wrong answer and asks the same question again, without starting over', async () => {
    const { u, donor } = await donorUser('fa');
    await u.press('ثبت تعهد کمک');
    await u.send('نقدی');
    expect(u.lastText()).toBe('لطفاً یکی از گزینه‌های زیر را بزنید.\n\nچه نوع کمکی را تعهد می‌کنید؟');
    await u.press('نقدی');
    const kindQuestion = u.lastKeyboardMessageId()! - 1;
    // A button of the question before, pressed again: answered, and the current question repeated.
    await u.pressData('dn:kind:IN_KIND', kindQuestion);
    expect(u.callbackAnswers().at(-1)).toBe('این دکمه مربوط به پرسش قبلی است.');
    expect(u.lastText()).toContain('این کمک با چه نیتی و برای کدام صندوق است؟');
    await u.press('کمک عمومی');
    await u.press('ماهانه');
    await u.send('۲۰۰');
    expect(u.lastText()).toBe('تعداد ماه‌ها باید عددی از یک تا ۱۲۰ باشد.\n\nچند ماه؟ یکی از گزینه‌ها را بزنید یا تعداد ماه‌ها را بنویسید (حداکثر ۱۲۰).');
    await u.send('۶');
    await u.send('صد هزار');
    expect(u.lastText()).toBe('مبلغ را فقط با رقم وارد کنید.\n\nمبلغ هر ماه را به تومان بنویسید یا یکی از مبلغ‌های زیر را بزنید.');
    await u.send('۵');
    expect(u.lastText()).toContain('این مبلغ خارج از حدّ مجاز است.\n\nمبلغ هر ماه را');
    await u.press('۵۰۰٬۰۰۰ تومان');
    await u.press('ناشناس بمانم');
    expect(u.lastText()).toContain('۶ قسط، هر قسط ۵۰۰٬۰۰۰ تومان (جمع ۳٬۰۰۰٬۰۰۰ تومان)');
    expect(u.lastText()).toContain('نام: ناشناس');
    await u.press('تأیید و ثبت');
    const pledges = await pledgesOf(donor.donorId);
    expect(pledges).toHaveLength(1);
    expect(pledges[0]).toMatchObject({ fund: 'GENERAL', installmentCount: 6, amountRial: 30_000_000n });
    expect((await database.db.donor.findUniqueOrThrow({ where: { id: donor.donorId } })).anonymous).toBe(true);
  });

  it('a button no feature knows is answered as out of date and the question stands', async () => {
    const { u, donor } = await donorUser('fa');
    await u.press('ثبت تعهد کمک');
    await u.press('نقدی');
    await u.pressData('zz:junk');
    expect(u.callbackAnswers().at(-1)).toBe('این دکمه مربوط به پرسش قبلی است.');
    expect(u.lastText()).toContain('این کمک با چه نیتی و برای کدام صندوق است؟');
    await u.press('کمک عمومی');
    await u.press('یک‌باره');
    await u.send('۱۰۰۰۰۰');
    await u.press('ناشناس بمانم');
    await u.press('تأیید و ثبت');
    expect(await pledgesOf(donor.donorId)).toHaveLength(1);
  });

  it('cancelling at the summary stores nothing', async () => {
    const { u, donor } = await donorUser('fa');
    await u.press('ثبت تعهد کمک');
    await u.press('خدمات');
    await u.press('کمک عمومی');
    await u.press('یک‌باره');
    await u.send('ویزیت رایگان پزشکی');
    await u.send('۸');
    await u.press('ناشناس بمانم');
    expect(u.lastText()).toContain('خدمت: ویزیت رایگان پزشکی');
    expect(u.lastText()).toContain('ساعت: ۸');
    await u.press('انصراف');
    expect(u.lastText()).toBe('ثبت تعهد لغو شد؛ چیزی ثبت نشد.');
    expect(await pledgesOf(donor.donorId)).toHaveLength(0);
  });

  it('survives a restart in the middle: the new bot instance finishes it and exactly one pledge is stored', async () => {
    const { u, donor } = await donorUser('fa');
    await u.press('ثبت تعهد کمک');
    await u.press('نقدی');
    await u.press('صدقه');
    h.restart();
    await u.press('یک‌باره');
    await u.send('۲۵۰۰۰۰');
    h.restart();
    await u.press('ناشناس بمانم');
    await u.press('تأیید و ثبت');
    expect(u.lastText()).toContain('تعهد شمارهٔ ۱ شما ثبت شد');
    // The same confirm button pressed again after the end: answered as out of date, nothing more stored.
    await u.pressData('dn:ok:1');
    expect(u.callbackAnswers().at(-1)).not.toBe('');
    const pledges = await pledgesOf(donor.donorId);
    expect(pledges).toHaveLength(1);
    expect(pledges[0]).toMatchObject({ kind: 'CASH', fund: 'SADAQA', schedule: 'ONE_TIME', amountRial: 2_500_000n });
  });

  it("keeps in the conversation's row only which message each sent or pressed one was, and a new bot instance resumes from it", async () => {
    const { u, donor } = await donorUser('fa');
    await u.press('ثبت تعهد کمک');
    await u.press('نقدی');
    const row = await database.db.botSession.findFirstOrThrow({ where: { key: `conversation:${h.deps.botId}:${u.id}` } });
    type Shown = Record<string, unknown>;
    type Received = { returnValue: { res?: { result?: Shown }; callback_query?: { message?: Shown } } };
    const conversations = (row.value as { state: Record<string, { replay: { receive: Received[] } }[]> }).state;
    const received = Object.values(conversations).flatMap((c) => c.flatMap((one) => one.replay.receive.map((r) => r.returnValue)));
    const sent = received.map((v) => v.res?.result).filter((m) => typeof m === 'object' && m !== null && 'message_id' in m);
    const pressedOn = received.map((v) => v.callback_query?.message).filter((m) => m !== undefined);
    // The two questions asked so far, and the menu and question whose buttons were pressed:
    // their words and buttons are on the donor's screen, not in the row.
    expect(sent).toHaveLength(2);
    expect(pressedOn).toHaveLength(2);
    for (const message of [...sent, ...pressedOn]) expect(Object.keys(message!).sort()).toEqual(['chat', 'date', 'message_id']);
    expect(JSON.stringify(row.value)).not.toContain('چه نوع کمکی');
    h.restart();
    await u.press('صدقه');
    await u.press('یک‌باره');
    await u.send('۱۰۰۰۰۰');
    await u.press('ناشناس بمانم');
    await u.press('تأیید و ثبت');
    expect(await pledgesOf(donor.donorId)).toHaveLength(1);
  });

  it('leaves the pledge for another menu entry pressed in the middle, and starts over when its own is pressed', async () => {
    const { u, donor } = await donorUser('fa');
    const menu = u.lastKeyboardMessageId()!;
    await u.press('ثبت تعهد کمک');
    await u.press('نقدی');
    await u.press('زکات');
    await u.pressData('donor:history', menu);
    expect(u.lastText()).toBe('هنوز تعهد یا کمکی از شما ثبت نشده است.');
    // The pledge was left: an amount typed now is not an answer to it.
    await u.send('۱۰۰۰۰۰');
    expect(u.lastText()).not.toContain('نام شما در فهرست خیّران');
    await u.pressData('donor:pledge', menu);
    await u.press('نقدی');
    await u.pressData('donor:pledge', menu);
    expect(u.lastText()).toBe('چه نوع کمکی را تعهد می‌کنید؟');
    await u.press('خدمات');
    expect(u.lastText()).toBe('این کمک با چه نیتی و برای کدام صندوق است؟');
    expect(await pledgesOf(donor.donorId)).toHaveLength(0);
  });

  it('asks a chat without a center to choose one, and a chat that is not a donor to register', async () => {
    const stranger = h.user({ id: nextId++, languageCode: 'fa' });
    await stranger.send('/menu');
    expect(stranger.buttons()).toContain('ثبت‌نام خیّر');
    expect(stranger.buttons()).not.toContain('ثبت تعهد کمک');
    await stranger.pressData('donor:pledge');
    expect(stranger.lastText()).toBe('ابتدا مرکز نیکوکاری خود را انتخاب کنید. برای این کار /start را بزنید.');
    await h.chooseCenter(stranger, center.id);
    await stranger.pressData('donor:pledge');
    expect(stranger.lastText()).toBe('برای این کار ابتدا باید به‌عنوان خیّر ثبت‌نام کنید.');
    expect(stranger.buttons()).toEqual(['ثبت‌نام خیّر']);
  });
});

describe('pledge in English', () => {
  it('stores a one-time in-kind pledge with its estimated value', async () => {
    const { u, donor } = await donorUser('en');
    await u.press('Make a pledge');
    await u.press('In kind (goods)');
    await u.press('General giving');
    await u.press('once');
    await u.send('ten bags of rice');
    await u.send('2,500,000');
    await u.press('Stay anonymous');
    expect(u.lastText()).toContain('Goods: ten bags of rice');
    expect(u.lastText()).toContain('Estimated value: 2,500,000 Toman');
    await u.press('Confirm');
    expect(u.lastText()).toBe('Your pledge no. 1 is saved. Thank you.');
    const [pledge] = await pledgesOf(donor.donorId);
    expect(pledge).toMatchObject({ kind: 'IN_KIND', itemDescription: 'ten bags of rice', estimatedValueRial: 25_000_000n, amountRial: null });
  });

  it('stores a monthly service pledge with the hours skipped', async () => {
    const { u, donor } = await donorUser('en');
    await u.press('Make a pledge');
    await u.press('Service');
    await u.press('Education');
    await u.press('monthly');
    await u.press('3 months');
    await u.send('sewing lessons');
    await u.send('many');
    expect(u.lastText()).toBe('Please type the number of hours in digits.\n\nHow many hours? Press "Skip" if not fixed.');
    await u.press('Skip');
    await u.press('Show my name');
    expect(u.lastText()).toContain('Schedule: monthly, 3 installments');
    await u.press('Confirm');
    expect(u.lastText()).toContain('Your pledge no. 1 is saved.');
    const [pledge] = await pledgesOf(donor.donorId);
    expect(pledge).toMatchObject({ kind: 'SERVICE', fund: 'EDUCATION', serviceDescription: 'sewing lessons', serviceHours: null, installmentCount: 3 });
    expect(pledge!.installments).toHaveLength(3);
  });
});
