/**
 * The playground in a real browser (Debian's headless Chromium through
 * playwright-core) against the real app on 127.0.0.1: a new donor opens
 * /playground, registers through the bot (the mobile by the page's "share my
 * contact" form), pledges with the bot's buttons and reports the payment with
 * a receipt photo uploaded from the page; a staff user, in a second browser
 * context, finds the donation in the panel and confirms it; the confirmation
 * with its receipt number (Persian digits) arrives in the playground page
 * through the normal outbox. Neither context asks anything outside
 * 127.0.0.1. Screenshots go to test/artifacts/ (not committed).
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../prisma/client.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { launchChromium, outsideLocalhost, recordRequests, skipBrowserTests } from '../helpers/chromium.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startPlaygroundServer, type PlaygroundServer } from '../helpers/playground.ts';
import { logInThroughForm } from '../helpers/panel-browser.ts';
import { DEMO_PAYMENT_CENTER_ID } from '../../seed/demo/payments.ts';
import { persianDigits } from '../../messenger/digits.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');
const LOCALES = path.resolve(import.meta.dirname, '../../locales/fa');

type Tree = { [k: string]: string | Tree };
/** The bot's and the page's Persian sentences, by `ns:dotted.key`, so the test follows the real wording. */
const sentences = new Map<string, string>();
function fa(key: string, params: Record<string, string> = {}): string {
  const text = sentences.get(key);
  if (text === undefined) throw new Error(`no locale key ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

/** A small real PNG (a receipt stand-in): width × height of one colour. */
async function receiptPng(): Promise<Buffer> {
  const { deflateSync, crc32 } = await import('node:zlib');
  const width = 64;
  const height = 48;
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([40, 120 + x, 90], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

let database: Database;
let server: PlaygroundServer;
let browser: Browser;
let donorContext: BrowserContext;
let staffContext: BrowserContext;
let donor: Page;
let staff: Page;
let staffUser: PanelUser;
let center: { id: string; name: string; activityCode: string };
/** Every URL either browser context asked for, to prove nothing left this machine. */
const requested: string[] = [];
/** The donor's playground chat id (its ChatAccount's externalUserId). */
let donorChatId: string;
const pageErrors: string[] = [];

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `playground-${name}.png`), fullPage: true });
}

/** The last bot bubble that contains `text` (waits for it). */
async function botSays(text: string, timeout = 20_000) {
  const bubble = donor.locator('#log li.msg.bot', { hasText: text }).last();
  await bubble.waitFor({ timeout });
  return bubble;
}

/** Presses an inline button of the newest bot message that has one with that exact label. */
async function pressInline(label: string) {
  const button = donor.locator('#log li.msg.bot .inline-keyboard button').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }).last();
  await button.click();
}

async function pressReply(label: string) {
  await donor.locator('#reply-keyboard button').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }).click();
}

/** Types into the page's box and sends with the button; the box empties once the server has it. */
async function type(text: string) {
  await donor.fill('#text', text);
  await donor.click('#send');
  await expect.poll(() => donor.inputValue('#text')).toBe('');
}

/** The user's own bubble with exactly that text. */
async function userSaid(text: string) {
  const bubble = donor.locator('#log li.msg.user .text').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) }).last();
  await bubble.waitFor();
  return bubble;
}

/** The horizontal middle of a bubble on the screen. */
async function bubbleCenter(bubble: Promise<Locator>): Promise<number> {
  const box = await (await bubble).boundingBox();
  if (!box) throw new Error('bubble not on screen');
  return box.x + box.width / 2;
}

/** Runs in the page: the loaded image's width in pixels (0 while it is not loaded). The test's TypeScript has no DOM types. */
function naturalWidth(img: unknown): number {
  const image = img as { complete: boolean; naturalWidth: number };
  return image.complete ? image.naturalWidth : 0;
}

/** The chat the page is in now, read as the page reads it (same cookies). */
async function chatIdOfPage(): Promise<string> {
  const res = await donorContext.request.get(`${server.url}/playground/api/state`);
  const state = (await res.json()) as { chat: { id: string } | null };
  if (!state.chat) throw new Error('the page has no chat');
  return state.chat.id;
}

const chatAccountOf = (chatId: string) =>
  database.db.chatAccount.findUniqueOrThrow({ where: { platform_externalUserId: { platform: 'PLAYGROUND', externalUserId: chatId } }, include: { person: true } });

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  for (const file of ['bot', 'donor', 'notifications', 'playground', 'trustee']) {
    const walk = (t: Tree, prefix: string) => {
      for (const [k, v] of Object.entries(t)) typeof v === 'string' ? sentences.set(prefix + k, v) : walk(v, `${prefix}${k}.`);
    };
    walk(JSON.parse(await readFile(path.join(LOCALES, `${file}.json`), 'utf8')) as Tree, `${file}:`);
  }

  database = await createTestDatabase();
  server = await startPlaygroundServer({ database });
  const row = await database.db.center.findFirstOrThrow({
    where: { id: { startsWith: 'demo_' }, licenseState: 'LICENSED', activityCode: { not: null } },
    orderBy: { id: 'asc' },
  });
  center = { id: row.id, name: row.name, activityCode: row.activityCode! };
  staffUser = await createPanelUser(database.db, 'COUNTY_STAFF', { countyId: row.countyId });

  browser = await launchChromium();
  const options = { locale: 'fa-IR', timezoneId: 'America/Los_Angeles', viewport: { width: 480, height: 900 } };
  donorContext = await browser.newContext({ ...options, permissions: ['clipboard-read', 'clipboard-write'] });
  staffContext = await browser.newContext({ ...options, viewport: { width: 1280, height: 900 } });
  for (const context of [donorContext, staffContext]) recordRequests(context, requested);
  donor = await donorContext.newPage();
  staff = await staffContext.newPage();
  donor.on('pageerror', (e) => pageErrors.push(String(e)));
  for (const page of [donor, staff]) page.setDefaultTimeout(20_000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe.skipIf(skipBrowserTests())('the playground in Chromium', () => {
  it('opens in Persian, right to left, with the identities and the demo centers', async () => {
    await donor.goto(`${server.url}/playground`);
    await donor.waitForSelector('#identity option[value=new-donor]', { state: 'attached' });
    expect(await donor.getAttribute('html', 'dir')).toBe('rtl');
    expect(await donor.getAttribute('html', 'lang')).toBe('fa');
    expect(await donor.innerText('h1')).toBe(fa('playground:title'));
    const identities = await donor.locator('#identity option').allInnerTexts();
    expect(identities[0]).toBe(fa('playground:identity.new-donor'));
    expect(identities.join('|')).toContain(fa('playground:identity.trustee'));
    expect(await donor.locator('#center-links button', { hasText: `/start c_${center.activityCode}` }).count()).toBe(1);
    // The log is announced to screen readers, and every control is a real button.
    expect(await donor.getAttribute('#log', 'aria-live')).toBe('polite');
    // Vazirmatn, from this server.
    const fontLoaded = "document.fonts.ready.then(() => Array.from(document.fonts).some((f) => f.family.indexOf('Vazirmatn') >= 0 && f.status === 'loaded'))";
    expect(await donor.evaluate(fontLoaded)).toBe(true);
    expect(requested.some((u) => u.startsWith(`${server.url}/playground/assets/fonts/`))).toBe(true);
    await shot(donor, 'start');
  }, 60_000);

  it('starts a new donor at a demo center and registers with the page’s contact form', async () => {
    await donor.selectOption('#identity', 'new-donor');
    await donor.selectOption('#center', center.activityCode);
    await donor.click('#identity-start');
    await botSays(center.name);
    await pressInline(fa('donor:menu.register'));
    await botSays(fa('donor:register.askFirstName'));
    await type('مریم');
    await botSays(fa('donor:register.askLastName'));
    await type('حسینی');
    await botSays(fa('donor:register.shareContact'));
    // The reply keyboard's request_contact button opens the page's small form.
    await pressReply(fa('donor:register.shareContact'));
    await donor.fill('#contact-name', 'مریم حسینی');
    await donor.fill('#contact-phone', '09121230099');
    await shot(donor, 'contact-form');
    await donor.click('#contact-send');
    await botSays(fa('donor:register.askNationalId'));
    await pressReply(fa('donor:common.skip'));
    await botSays(fa('donor:register.done', { name: 'مریم' }));
    donorChatId = await chatIdOfPage();
    // The bot's last reply leaves before its update's transaction commits: wait for the commit.
    await expect.poll(async () => (await chatAccountOf(donorChatId)).person, { timeout: 10_000 }).not.toBeNull();
    const account = await chatAccountOf(donorChatId);
    expect(account.person).toMatchObject({ firstName: 'مریم', lastName: 'حسینی', mobile: '09121230099' });
    // Right to left: the bot speaks from the right, the user from the left.
    const [bot, user] = await Promise.all([bubbleCenter(botSays(fa('donor:register.askLastName'))), bubbleCenter(userSaid('مریم'))]);
    expect(bot).toBeGreaterThan(user);
  }, 120_000);

  it('keeps the typed text when the server refuses it', async () => {
    const tooLong = 'ب'.repeat(5000);
    await donor.fill('#text', tooLong);
    await donor.click('#send');
    await donor.locator('.toast.error').first().waitFor();
    expect(await donor.inputValue('#text')).toBe(tooLong);
    await donor.fill('#text', '');
  }, 60_000);

  it('pledges with the bot’s buttons', async () => {
    await type('/menu');
    await pressInline(fa('donor:menu.pledge'));
    await botSays(fa('donor:pledge.askKind'));
    await pressInline(fa('donor:kind.CASH'));
    await pressInline(fa('donor:fund.GENERAL'));
    await botSays(fa('donor:pledge.askSchedule'));
    await pressInline(fa('donor:schedule.ONE_TIME'));
    await botSays(fa('donor:pledge.askAmountOnce'));
    await type('۲۵۰۰۰۰');
    await pressInline(fa('donor:pledge.anonymous'));
    await botSays(fa('donor:pledge.askConfirm'));
    await pressInline(fa('donor:common.confirm'));
    await botSays(fa('donor:pledge.done', { no: '۱' }));
    await shot(donor, 'pledged');
  }, 120_000);

  it('reports the payment with a receipt photo uploaded from the page', async () => {
    await type('/menu');
    await pressInline(fa('donor:menu.pay'));
    await botSays(fa('donor:pay.askTarget'));
    await donor.locator('#log li.msg.bot .inline-keyboard button', { hasText: 'تعهد ۱' }).last().click();
    await pressInline('۲۵۰٬۰۰۰ تومان');
    await pressInline(fa('donor:pay.today'));
    await botSays(fa('donor:pay.askTrace'));
    await type('۸۸۷۷۶۶۵۵');
    await botSays(fa('donor:pay.askCard'));
    await type('۶۰۳۷');
    await botSays(fa('donor:pay.askPhoto'));
    // The attach button's file input: a preview first, then the upload.
    await donor.setInputFiles('#file', { name: 'receipt.png', mimeType: 'image/png', buffer: await receiptPng() });
    await donor.locator('#photo-preview img').waitFor();
    await shot(donor, 'photo-preview');
    await donor.click('#photo-send');
    // The user's photo is shown from the server (stored like a messenger file), then the bot's summary.
    const photo = donor.locator('#log li.msg.user img.photo').last();
    await photo.waitFor();
    expect(await photo.getAttribute('src')).toMatch(/^\/playground\/api\/files\/[A-Za-z0-9_-]+$/);
    expect(await photo.evaluate(naturalWidth)).toBe(64);
    await botSays(fa('donor:pay.summaryPhoto'));
    await pressInline(fa('donor:common.confirm'));
    await botSays(fa('donor:pay.done'));
    await shot(donor, 'reported');

    const donation = await database.db.donation.findFirstOrThrow({ where: { reportedViaChatAccount: { externalUserId: donorChatId, platform: 'PLAYGROUND' } } });
    expect(donation).toMatchObject({ state: 'REPORTED', amountRial: 2_500_000n, traceNumber: '88776655', cardLast4: '6037', centerId: center.id });
    expect(donation.receiptFileId).toBeTruthy();
    const file = await database.db.playgroundFile.findUniqueOrThrow({ where: { id: donation.receiptFileId! } });
    expect(file.mimeType).toBe('image/png');
  }, 120_000);

  it('a staff user confirms it in the panel, and the receipt number arrives in the page', async () => {
    const donation = await database.db.donation.findFirstOrThrow({ where: { reportedViaChatAccount: { externalUserId: donorChatId, platform: 'PLAYGROUND' } } });
    await logInThroughForm(staff, server.url, staffUser);
    await staff.goto(`${server.url}/admin/resources/Donation/records/${donation.id}/show`);
    // The first panel page loads AdminJS's whole bundle: slow on a busy machine.
    await staff.waitForSelector('[data-testid=money-amount]', { timeout: 90_000 });
    expect(await staff.innerText('[data-testid=money-amount]')).toContain('۲٬۵۰۰٬۰۰۰ ریال');
    // The proof view shows the very photo the page uploaded (stored as a PlaygroundFile).
    const proof = staff.locator('[data-testid=receipt-proof]');
    await expect.poll(() => proof.getAttribute('data-state'), { timeout: 30_000 }).toBe('image');
    expect(await proof.locator('img').evaluate(naturalWidth)).toBe(64);
    await shot(staff, 'panel-donation');

    await staff.goto(`${server.url}/admin/resources/Donation/records/${donation.id}/confirmDonation`);
    await staff.waitForSelector('[data-testid=confirm-submit]');
    const [response] = await Promise.all([
      staff.waitForResponse((r) => r.url().includes(`/records/${donation.id}/confirmDonation`) && r.request().method() === 'POST'),
      staff.click('[data-testid=confirm-submit]'),
    ]);
    expect(response.status()).toBe(200);
    const confirmed = await database.db.donation.findUniqueOrThrow({ where: { id: donation.id } });
    expect(confirmed.state).toBe('CONFIRMED');
    expect(confirmed.receiptNo).toBeGreaterThan(0);
    await shot(staff, 'panel-confirmed');

    // The outbox sender delivers it to the playground chat; the open page shows it live.
    const expected = fa('notifications:donation.confirmed', { receiptNo: persianDigits(String(confirmed.receiptNo)) });
    await botSays(expected, 60_000);
    await shot(donor, 'confirmed');
  }, 180_000);

  it('shows a callback answer as a toast (an old question’s button)', async () => {
    await donor.locator('#log li.msg.bot .inline-keyboard button', { hasText: fa('donor:schedule.ONE_TIME') }).first().click();
    await donor.locator('.toast', { hasText: fa('bot:stale.button') }).waitFor();
  }, 60_000);

  it('reconnects after the stream breaks and catches up with what it missed', async () => {
    const account = await chatAccountOf(donorChatId);
    const before = await donor.locator('#log li.msg').count();
    // Every open connection is cut, the page's event stream with them.
    server.app.server.closeAllConnections();
    await expect.poll(() => donor.innerText('#status')).toBe(fa('playground:status.offline'));
    const refreshed = donor.waitForResponse((r) => r.url() === `${server.url}/playground/api/state` && r.status() === 200, { timeout: 30_000 });
    // Meanwhile the chat goes on without the page listening.
    await server.playground.sendText(account.chatId!, '/menu', 'fa');
    await refreshed;
    await expect.poll(() => donor.locator('#log li.msg').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 2);
    await expect.poll(() => donor.innerText('#status')).toBe('');
    // Still live afterwards: a new message arrives through the new stream.
    await type('/menu');
    await expect.poll(() => donor.locator('#log li.msg').count()).toBeGreaterThanOrEqual(before + 4);
  }, 90_000);

  it('reflects the bot’s edits and deletions live', async () => {
    const chatId = Number(donorChatId);
    const bots = donor.locator('#log li.msg.bot');
    const [edited, deleted] = await Promise.all([bots.last().getAttribute('data-id'), bots.nth(-2).getAttribute('data-id')]);
    // Through the bot's own API object, as a feature would (grammY → the in-process Bot API → the stream).
    await server.playground.bot.api.editMessageText(chatId, Number(edited), 'ویرایش شد\nخط دوم ۱۲۳', {
      reply_markup: { inline_keyboard: [[{ text: 'دکمهٔ تازه', callback_data: 'x' }]] },
    });
    const bubble = donor.locator(`#log li.msg[data-id="${edited}"]`);
    await expect.poll(() => bubble.locator('.text').innerText()).toBe('ویرایش شد\nخط دوم ۱۲۳');
    expect(await bubble.locator('.edited').innerText()).toBe(fa('playground:log.edited'));
    expect(await bubble.locator('.inline-keyboard button').allInnerTexts()).toEqual(['دکمهٔ تازه']);
    await server.playground.bot.api.deleteMessage(chatId, Number(deleted));
    await expect.poll(() => donor.locator(`#log li.msg[data-id="${deleted}"]`).count()).toBe(0);
    await shot(donor, 'edited');
  }, 60_000);

  it('opens a url button’s link and copies a copy_text button’s text', async () => {
    const link = `${server.url}/playground?from=button`;
    await server.playground.bot.api.sendMessage(Number(donorChatId), 'پیوندها', {
      reply_markup: { inline_keyboard: [[{ text: 'باز کن', url: link }, { text: 'کد را بردار', copy_text: { text: 'KR-۱۲۳' } }]] },
    });
    const message = await botSays('پیوندها');
    const [popup] = await Promise.all([donor.waitForEvent('popup'), message.locator('button', { hasText: 'باز کن' }).click()]);
    await expect.poll(() => popup.url()).toBe(link);
    await popup.close();
    await message.locator('button', { hasText: 'کد را بردار' }).click();
    await donor.locator('.toast', { hasText: fa('playground:toast.copied') }).waitFor();
    expect(await donor.evaluate('navigator.clipboard.readText()')).toBe('KR-۱۲۳');
  }, 60_000);

  it('switches to English, left to right, and back', async () => {
    await donor.selectOption('#language', 'en');
    await expect.poll(() => donor.getAttribute('html', 'dir')).toBe('ltr');
    expect(await donor.getAttribute('html', 'lang')).toBe('en');
    expect(await donor.innerText('h1')).toBe('Bot playground');
    expect(await donor.getAttribute('#text', 'placeholder')).toBe('Write a message…');
    // Mirrored: now the bot speaks from the left. Bot text itself is untouched (still Persian, as sent).
    const [bot, user] = await Promise.all([bubbleCenter(botSays(fa('donor:register.askLastName'))), bubbleCenter(userSaid('مریم'))]);
    expect(bot).toBeLessThan(user);
    await shot(donor, 'english');
    await donor.selectOption('#language', 'fa');
    await expect.poll(() => donor.getAttribute('html', 'dir')).toBe('rtl');
  }, 60_000);

  it('starts a new chat as a trustee of the demo center, linked by a one-time code', async () => {
    await donor.click('#current'); // opens the identity picker
    await donor.selectOption('#identity', 'trustee');
    await donor.selectOption('#center', center.activityCode);
    donor.once('dialog', (dialog) => void dialog.accept()); // "the current chat will be put aside"
    await Promise.all([donor.waitForResponse((r) => r.url().endsWith('/playground/api/identity')), donor.click('#identity-start')]);
    await botSays(fa('trustee:link.done', { role: '', center: center.name }).split(':')[0]!);
    // A new chat: the donor's messages are gone from the page, and the stream follows the new chat.
    expect(await donor.locator('#log li.msg', { hasText: fa('donor:pay.done') }).count()).toBe(0);
    expect(await donor.innerText('#current')).toContain(fa('playground:identity.trustee'));
    const before = await donor.locator('#log li.msg.bot').count();
    await type('/menu');
    await expect.poll(() => donor.locator('#log li.msg.bot').count()).toBeGreaterThan(before);
    await shot(donor, 'trustee');
    // The trustee's chat is a new ChatAccount, linked to the demo trustee's person.
    const trusteeChatId = await chatIdOfPage();
    expect(trusteeChatId).not.toBe(donorChatId);
    const trustee = await chatAccountOf(trusteeChatId);
    const membership = await database.db.trusteeMembership.findFirst({ where: { personId: trustee.personId ?? '', centerId: center.id } });
    expect(membership).not.toBeNull();
  }, 60_000);

  it('pays a gift on the played payment sheet at the demo center that takes payments, and the receipt arrives', async () => {
    const paying = await database.db.center.findUniqueOrThrow({ where: { id: DEMO_PAYMENT_CENTER_ID } });
    await donor.click('#current');
    await donor.selectOption('#identity', 'demo-donor');
    await donor.selectOption('#center', paying.activityCode!);
    donor.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([donor.waitForResponse((r) => r.url().endsWith('/playground/api/identity')), donor.click('#identity-start')]);
    await type('/menu');
    await pressInline(fa('donor:menu.pay'));
    // A demo donor with pledges is first asked what the payment is for; one without is asked the
    // fund at once. Wait for either question (the menu's own buttons are on screen already).
    const buttons = donor.locator('#log li.msg.bot .inline-keyboard button');
    const direct = buttons.filter({ hasText: fa('donor:pay.direct') });
    await buttons.filter({ hasText: new RegExp(`^(${fa('donor:pay.direct')}|${fa('donor:fund.SADAQA')})$`) }).last().waitFor();
    if ((await direct.count()) > 0) await direct.last().click();
    await pressInline(fa('donor:fund.SADAQA'));
    await pressInline(fa('donor:payNow.now'));
    await type('۵۰۰۰۰');
    const invoice = donor.locator('#log li.msg.bot .invoice').last();
    await invoice.waitFor();
    expect(await invoice.innerText()).toContain(fa('playground:invoice.amount', { amount: '۵۰٬۰۰۰' }));
    await shot(donor, 'invoice');
    await invoice.locator('button.pay').click();
    await donor.locator('#log li.msg.bot .invoice.paid').last().waitFor();
    // The sheet shows "paid" as the messenger's does, before the bot has the payment's update.
    const paidGift = () => database.db.donation.findFirst({ where: { centerId: paying.id, chatPayment: { isNot: null } }, orderBy: { createdAt: 'desc' } });
    await expect.poll(paidGift, { timeout: 30_000 }).not.toBeNull();
    const gift = (await paidGift())!;
    expect(gift).toMatchObject({ state: 'CONFIRMED', amountRial: 500_000n });
    await botSays(fa('notifications:donation.confirmed', { receiptNo: persianDigits(String(gift.receiptNo)) }), 30_000);
    await shot(donor, 'paid');
  }, 90_000);

  it('made no request outside this machine, and the page threw nothing', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(outsideLocalhost(requested)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
