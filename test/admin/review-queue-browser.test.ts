/**
 * The review queue in Debian's headless Chromium: county staff confirm three reported gifts in
 * a row -- each answer brings the next, its receipt photo shown large -- and reject the fourth
 * with a reason. Enter on arrival confirms nothing (no button has the focus until the reviewer
 * moves to one); the confirm button is reached and pressed from the keyboard.
 */
import { describe, expect, it } from 'vitest';
import { createCenter, createDonation, uniqueNumber } from '../../fixtures/factories.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { outsideLocalhost, skipBrowserTests } from '../helpers/chromium.ts';
import { logInThroughForm, usePanelInBrowser } from '../helpers/panel-browser.ts';

/** A real 1×1 PNG, so the browser must decode it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let staff: PanelUser;
const gifts: string[] = [];

const panel = usePanelInBrowser(async (db) => {
  const center = await createCenter(db);
  staff = await createPanelUser(db, 'COUNTY_STAFF', { countyId: center.countyId });
  const chat = String(100_000_000_000_000 + uniqueNumber());
  const account = await db.chatAccount.create({ data: { platform: 'PLAYGROUND', externalUserId: chat, chatId: chat } });
  const photo = await db.playgroundFile.create({ data: { id: `pg-${uniqueNumber()}`, chatId: chat, mimeType: 'image/png', bytes: new Uint8Array(PNG) } });
  for (let i = 0; i < 4; i++) {
    const gift = await createDonation(db, {
      centerId: center.id,
      amountRial: BigInt((i + 1) * 10_000_000),
      traceNumber: `77${i}001`,
      createdAt: new Date(Date.UTC(2026, 10, 20, 8, i)),
      ...(i === 0 ? { receiptFileId: photo.id, reportedViaChatAccountId: account.id } : {}),
    });
    gifts.push(gift.id);
  }

}, { viewport: { width: 1400, height: 900 } });

const shownId = () => panel.page.getAttribute('[data-testid=review-gift]', 'data-id');
const stateOf = async (id: string) => (await panel.database.db.donation.findUniqueOrThrow({ where: { id } })).state;

describe.skipIf(skipBrowserTests())('the review queue in Chromium', () => {
  it('confirms three gifts in a row and rejects the fourth with a reason', async () => {
    await logInThroughForm(panel.page, panel.origin, staff);
    await panel.page.goto(`${panel.origin}/admin/resources/Donation/actions/reviewQueue`);
    // The first page loads AdminJS's whole (development) bundle: slow on a busy machine.
    await panel.page.waitForSelector('[data-testid=review-gift]', { timeout: 90_000 });
    expect(await shownId()).toBe(gifts[0]);
    expect(await panel.page.innerText('[data-testid=review-count]')).toContain('۴');
    await panel.page.waitForSelector('[data-testid=review-receipt-image]');
    expect(await panel.page.innerText('[data-testid=review-trace]')).toBe('770001');
    expect(await panel.page.innerText('[data-testid=review-amount]')).toContain('۱٬۰۰۰٬۰۰۰ تومان');

    // Enter before choosing a button confirms nothing.
    await panel.page.keyboard.press('Enter');
    expect(await stateOf(gifts[0]!)).toBe('REPORTED');

    for (let i = 0; i < 3; i++) {
      expect(await shownId()).toBe(gifts[i]);
      const [res] = await Promise.all([
        panel.page.waitForResponse((r) => r.url().includes('/actions/reviewQueue') && r.request().method() === 'POST'),
        // From the keyboard: the confirm button takes the focus, then Enter.
        panel.page.focus('[data-testid=review-confirm]').then(() => panel.page.keyboard.press('Enter')),
      ]);
      expect(res.status()).toBe(200);
      await expect.poll(async () => (await panel.page.locator('[data-testid=review-gift], [data-testid=review-empty]').first().getAttribute('data-id')) !== gifts[i]).toBe(true);
      expect(await stateOf(gifts[i]!)).toBe('CONFIRMED');
    }

    expect(await shownId()).toBe(gifts[3]);
    await panel.page.click('[data-testid=review-reject]');
    const reason = 'واریزی با این شمارهٔ پیگیری در حساب صندوق دیده نشد.';
    // The reason box has the focus: typed straight in; Enter there is a new line, not a send.
    await panel.page.keyboard.type(reason);
    await Promise.all([
      panel.page.waitForResponse((r) => r.url().includes('/actions/reviewQueue') && r.request().method() === 'POST'),
      panel.page.click('[data-testid=review-reject-send]'),
    ]);
    await panel.page.waitForSelector('[data-testid=review-empty]');
    expect(await panel.database.db.donation.findUniqueOrThrow({ where: { id: gifts[3]! } })).toMatchObject({ state: 'REJECTED', rejectReason: reason });
    expect(await panel.page.innerText('[data-testid=review-count]')).toContain('۰');
  }, 180_000);

  it('shows each state in the list as a badge of its own colour', async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donation`);
    await panel.page.waitForSelector('[data-testid=state-badge-CONFIRMED]');
    const colour = (state: string) => panel.page.locator(`[data-testid=state-badge-${state}]`).first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(await panel.page.locator('[data-testid=state-badge-CONFIRMED]').first().innerText()).toBe('تأیید شده');
    expect(await colour('CONFIRMED')).not.toBe(await colour('REJECTED'));
    // Names in the list wrap between words only, never mid-word.
    const cell = panel.page.locator('[data-css=Donation-list] table tbody td').first();
    expect(await cell.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { wordBreak: string } }).getComputedStyle(el).wordBreak)).toBe('normal');
  }, 90_000);

  it('panel.requested nothing outside localhost', () => {
    expect(outsideLocalhost(panel.requested)).toEqual([]);
  });
});
