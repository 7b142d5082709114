/**
 * A trustee links the chat with the code staff issued, then decides what
 * their role may decide, one item at a time: the finance officer (fa, code
 * typed in Persian digits) confirms a reported donation looking at its photo
 * and rejects another with a reason; the chair (en) approves and rejects
 * distributions. Presses on items already decided are answered so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../messenger/i18n.ts';
import { createBeneficiary, createCenter, createDistribution, createDonation, createTrustee } from '../../fixtures/factories.ts';
import { staffActor } from '../../fixtures/actors.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import type { TestUser } from '../../fixtures/bot/test-user.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { donorWithChat } from '../helpers/giving.ts';
import { fakeClock } from '../helpers/work.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';
import { persianDigits } from '../../messenger/digits.ts';

const fa = translator('fa');
const en = translator('en');

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد جامع' }, fakeClock())));

async function issueCode(membershipId: string): Promise<string> {
  const staff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: center.countyId });
  return (await h.core.trustees.issueLinkCode(staff, { membershipId })).code;
}

/** The callback data of a labelled button on the message the user last saw with a keyboard. */
function buttonData(u: TestUser, label: string): { data: string; messageId: number } {
  const messageId = u.lastKeyboardMessageId()!;
  const shown = h.api.screens.get(u.id)!.messages.get(messageId)!;
  const button = shown.reply_markup!.inline_keyboard.flat().find((b) => b.text === label) as { callback_data: string };
  return { data: button.callback_data, messageId };
}

describe('finance officer (fa)', () => {
  let user: TestUser | undefined;
  // One user across the tests: it remembers its own button presses.
  const u = () => (user ??= h.user({ id: 33001, firstName: 'حسن', languageCode: 'fa' }));

  it('links with a one-time code typed in Persian digits after a wrong one', async () => {
    const finance = await createTrustee(database.db, { centerId: center.id, role: 'ADMIN_FINANCE' });
    const code = await issueCode(finance.id);
    await u().send('/menu');
    await u().press(fa('trustee:menu.link'));
    expect(u().lastText()).toBe(fa('trustee:link.ask'));
    await u().send('۱۱۱۱۱ ۱۱۱۱۱');
    expect(u().lastText()).toBe(`${fa('errors:LINK_CODE_INVALID')}\n\n${fa('trustee:link.again')}`);
    expect((await h.chatAccount(u())).personId).toBeNull();

    await u().send(`${persianDigits(code.slice(0, 5))} ${persianDigits(code.slice(5))}`);
    expect(u().texts()).toContain(
      'خوش آمدید! حساب شما متصل شد: مسئول امور اداری و مالی «مرکز نیکوکاری مسجد جامع». برای دیدن کارها و موارد در انتظار تصمیم، /menu را بفرستید.',
    );
    expect((await h.chatAccount(u())).personId).toBe(finance.personId);
    const used = await database.db.trusteeLinkCode.findFirstOrThrow({ where: { membershipId: finance.id } });
    expect(used.usedAt).not.toBeNull();

    // The conduct points follow the link; the appointee's own press records the acknowledgement.
    expect(u().lastText()).toBe(fa('trustee:conduct.points'));
    expect((await database.db.trusteeMembership.findUniqueOrThrow({ where: { id: finance.id } })).conductAcknowledgedAt).toBeNull();
    await u().press(fa('trustee:conduct.accept'));
    expect(u().lastText()).toBe(fa('trustee:conduct.recorded'));
    expect((await database.db.trusteeMembership.findUniqueOrThrow({ where: { id: finance.id } })).conductAcknowledgedAt).not.toBeNull();
    expect(await database.db.auditLog.count({ where: { entityId: finance.id, action: 'trustee.acknowledgeConduct' } })).toBe(1);

    await u().send('/menu');
    expect(u().buttons()).toEqual(expect.arrayContaining([fa('trustee:menu.tasks'), fa('trustee:menu.approvals')]));
    expect(u().buttons()).not.toContain(fa('trustee:menu.link'));
  });

  it('sees a reported donation with its photo, confirms it (receipt number; donor told), rejects the next with a reason', async () => {
    const donor = await donorWithChat(database.db);
    const person = await database.db.person.findUniqueOrThrow({ where: { id: donor.personId } });
    const photo = h.api.addFile();
    const withPhoto = await createDonation(database.db, { centerId: center.id, donorId: donor.donorId, receiptFileId: photo.file_id, traceNumber: '778899' });
    const noPhoto = await createDonation(database.db, { centerId: center.id, donorId: donor.donorId, amountRial: 5_000_000n });

    await u().send('/menu');
    const calls = await u().press(fa('trustee:menu.approvals'));
    expect(u().texts()).toContain('۲ مورد در انتظار تصمیم شماست. یکی‌یکی نمایش داده می‌شوند:');
    const sentPhoto = calls.find((c) => c.method === 'sendPhoto')!;
    expect(sentPhoto.payload.photo).toBe(photo.file_id);
    const caption = String(sentPhoto.payload.caption);
    expect(caption).toContain(`خیّر: ${person.firstName} ${person.lastName}`);
    expect(caption).toContain('مبلغ: ۲۰۰٬۰۰۰ تومان');
    expect(caption).toContain('شمارهٔ پیگیری: ۷۷۸۸۹۹');
    expect(caption).toMatch(/\nتاریخ پرداخت: /);
    expect(caption).not.toContain(withPhoto.id);
    const firstApprove = buttonData(u(), fa('trustee:approvals.approve'));

    await u().press(fa('trustee:approvals.approve'));
    expect(u().texts()).toContain('تأیید شد. شمارهٔ رسید ۱؛ به خیّر اطلاع داده می‌شود.');
    expect(await database.db.donation.findUniqueOrThrow({ where: { id: withPhoto.id } })).toMatchObject({ state: 'CONFIRMED', receiptNo: 1, confirmedById: (await h.chatAccount(u())).personId });
    const queued = await database.db.outboxMessage.findMany({ where: { chatAccountId: donor.chatAccountId } });
    expect(queued).toMatchObject([{ template: 'donation.confirmed', status: 'PENDING', params: { receiptNo: 1 } }]);

    // The next one follows: no photo, so a text with the buttons.
    expect(u().lastText()).toContain('مبلغ: ۵۰۰٬۰۰۰ تومان');
    expect(u().lastText()).toContain(fa('trustee:approvals.noPhoto'));
    await u().press(fa('trustee:approvals.reject'));
    expect(u().lastText()).toBe(fa('trustee:approvals.askReason'));
    // Two ZWNJs look like a reason on the phone but say nothing: asked again, as the panel refuses it.
    await u().send('\u200C\u200C');
    expect(u().lastText()).toBe(`${fa('errors:TEXT_NOT_VISIBLE')}\n\n${fa('trustee:approvals.askReason')}`);
    expect((await database.db.donation.findUniqueOrThrow({ where: { id: noPhoto.id } })).state).toBe('REPORTED');
    await u().send('واریزی با این مشخصات در حساب صندوق دیده نشد');
    expect(u().texts()).toContain(fa('trustee:approvals.rejected'));
    expect(u().lastText()).toBe(fa('trustee:approvals.none'));
    expect(await database.db.donation.findUniqueOrThrow({ where: { id: noPhoto.id } })).toMatchObject({
      state: 'REJECTED',
      rejectReason: 'واریزی با این مشخصات در حساب صندوق دیده نشد',
    });
    expect((await database.db.outboxMessage.findMany({ where: { chatAccountId: donor.chatAccountId } })).map((m) => m.template).sort()).toEqual([
      'donation.confirmed',
      'donation.rejected',
    ]);

    // A second press on the first item's confirm button: already decided, nothing changes.
    await u().pressData(firstApprove.data, firstApprove.messageId);
    expect(u().callbackAnswers().at(-1)).toBe(fa('trustee:approvals.alreadyDecided'));
    expect(await database.db.donation.findUniqueOrThrow({ where: { id: withPhoto.id } })).toMatchObject({ receiptNo: 1 });
    expect(await database.db.receiptCounter.findUniqueOrThrow({ where: { centerId: center.id } })).toMatchObject({ lastNo: 1 });
  });

  it('reject on an item someone else already decided says so instead of asking for a reason', async () => {
    const d = await createDonation(database.db, { centerId: center.id });
    await u().send('/approvals');
    const reject = buttonData(u(), fa('trustee:approvals.reject'));
    const staff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: center.countyId });
    await h.core.giving.confirmDonation(staff, { donationId: d.id });
    await u().pressData(reject.data, reject.messageId);
    expect(u().callbackAnswers().at(-1)).toBe(fa('trustee:approvals.alreadyDecided'));
    expect(u().lastText()).not.toBe(fa('trustee:approvals.askReason'));
  });

  it('names the day of goods and of a service for what it was, not a payment', async () => {
    const goods = await createDonation(database.db, { centerId: center.id, kind: 'IN_KIND' });
    const service = await createDonation(database.db, { centerId: center.id, kind: 'SERVICE' });
    await u().send('/approvals');
    expect(u().lastText()).toMatch(/\nتاریخ تحویل کالا: /);
    expect(u().lastText()).not.toContain('تاریخ پرداخت');
    const staff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: center.countyId });
    await h.core.giving.confirmDonation(staff, { donationId: goods.id });
    await u().send('/approvals');
    expect(u().lastText()).toMatch(/\nتاریخ انجام خدمت: /);
    expect(u().lastText()).not.toContain('تاریخ پرداخت');
    await h.core.giving.confirmDonation(staff, { donationId: service.id });
  });
});

describe('chair (en)', () => {
  it('links with /link <code>, approves one distribution and rejects another with a reason', async () => {
    const chair = await createTrustee(database.db, { centerId: center.id, role: 'CHAIR' });
    await createDonation(database.db, { centerId: center.id, state: 'CONFIRMED', amountRial: 10_000_000n });
    const beneficiary = await createBeneficiary(database.db, { centerId: center.id });
    const request = async () => {
      const d = await createDistribution(database.db, { centerId: center.id, beneficiaryId: beneficiary.id });
      await database.db.approvalRequest.create({
        data: { kind: 'DISTRIBUTION', targetEntity: 'Distribution', targetId: d.id, centerId: center.id, countyId: center.countyId, deciderTrusteeRole: 'CHAIR' },
      });
      return d;
    };
    const first = await request();
    const second = await request();

    const u = h.user({ id: 33011, firstName: 'Ali', languageCode: 'en' });
    await u.send(`/link ${await issueCode(chair.id)}`);
    expect(u.texts()).toContain('Welcome! Your account is linked: chair of the board of "مرکز نیکوکاری مسجد جامع". Send /menu to see your tasks and the items waiting for your decision.');

    await u.send('/approvals');
    expect(u.texts()).toContain('2 item(s) are waiting for your decision. Here they are one by one:');
    expect(u.lastText()).toContain(`Case: ${beneficiary.referenceCode}`);
    expect(u.lastText()).toContain('Amount: 300,000 Toman');
    expect(u.lastText()).not.toContain(beneficiary.headName);
    const approve = buttonData(u, en('trustee:approvals.approve'));
    await u.press(en('trustee:approvals.approve'));
    expect(u.texts()).toContain(en('trustee:approvals.approved'));
    expect(await database.db.distribution.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: 'APPROVED' });

    await u.press(en('trustee:approvals.reject'));
    await u.send('Please wait for the next month');
    expect(await database.db.distribution.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ state: 'CANCELLED', cancelReason: 'Please wait for the next month' });
    expect(await database.db.approvalRequest.findFirstOrThrow({ where: { targetId: second.id } })).toMatchObject({ state: 'REJECTED', decisionReason: 'Please wait for the next month' });
    expect(u.lastText()).toBe(en('trustee:approvals.none'));

    await u.pressData(approve.data, approve.messageId);
    expect(u.callbackAnswers().at(-1)).toBe('This item has already been decided.');
  });

  it('a decision core refuses half-way (not enough in the fund) is explained and leaves the request pending', async () => {
    const u = h.user({ id: 33011, languageCode: 'en' });
    const beneficiary = await createBeneficiary(database.db, { centerId: center.id });
    const big = await createDistribution(database.db, { centerId: center.id, beneficiaryId: beneficiary.id, amountRial: 900_000_000n });
    await database.db.approvalRequest.create({
      data: { kind: 'DISTRIBUTION', targetEntity: 'Distribution', targetId: big.id, centerId: center.id, countyId: center.countyId, deciderTrusteeRole: 'CHAIR' },
    });
    await u.send('/approvals');
    await u.press(en('trustee:approvals.approve'));
    expect(u.callbackAnswers().at(-1)).toBe(en('errors:INSUFFICIENT_FUND_BALANCE'));
    // decideApproval had marked the request approved before the fund check refused: undone with the attempt.
    expect(await database.db.approvalRequest.findFirstOrThrow({ where: { targetId: big.id } })).toMatchObject({ state: 'PENDING', decidedAt: null });
    expect(await database.db.distribution.findUniqueOrThrow({ where: { id: big.id } })).toMatchObject({ state: 'PENDING_APPROVAL' });
  });

  it('a chat without a board role is told how to link', async () => {
    const u = h.user({ id: 33012, languageCode: 'en' });
    await u.send('/approvals');
    expect(u.lastText()).toBe(en('trustee:link.notTrustee'));
  });
});

describe('on Bale', () => {
  it('the finance officer links, sees the photo and confirms using only what Bale supports', async () => {
    const bale = createBotHarness({ database, platform: 'BALE', clock: fakeClock() });
    const other = await createCenter(database.db);
    const finance = await createTrustee(database.db, { centerId: other.id, role: 'ADMIN_FINANCE' });
    const staff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: other.countyId });
    const { code } = await bale.core.trustees.issueLinkCode(staff, { membershipId: finance.id });
    const photo = bale.api.addFile();
    const d = await createDonation(database.db, { centerId: other.id, receiptFileId: photo.file_id });
    const u = bale.user({ id: 33021, languageCode: 'fa' });
    await u.send('/link');
    await u.send(persianDigits(code));
    await u.send('/approvals');
    await u.press(fa('trustee:approvals.approve'));
    expect(u.texts()).toContain('تأیید شد. شمارهٔ رسید ۱؛ به خیّر اطلاع داده می‌شود.');
    expect(await database.db.donation.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'CONFIRMED' });
    expect(bale.api.calls.some((c) => c.method === 'sendPhoto')).toBe(true);
    expect(bale.api.rejected).toEqual([]);
  });
});
