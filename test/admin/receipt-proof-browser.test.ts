/**
 * The proof view in Debian's headless Chromium: on a donation's page the receipt photo is
 * shown (a real, decoded image, linked to its full size), a PDF receipt is a link, and a
 * donation without a photo says so in Persian; nothing is requested outside localhost.
 */
import { describe, expect, it } from 'vitest';
import { createCenter, createDonation, uniqueNumber } from '../../fixtures/factories.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { outsideLocalhost, skipBrowserTests } from '../helpers/chromium.ts';
import { logInThroughForm, usePanelInBrowser } from '../helpers/panel-browser.ts';

/** A real 1×1 PNG, so the browser must decode it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let staff: PanelUser;
const ids = { image: '', pdf: '', none: '' };

const panel = usePanelInBrowser(async (db) => {
  const center = await createCenter(db);
  staff = await createPanelUser(db, 'COUNTY_STAFF', { countyId: center.countyId });
  const chat = String(100_000_000_000_000 + uniqueNumber());
  const account = await db.chatAccount.create({ data: { platform: 'PLAYGROUND', externalUserId: chat, chatId: chat } });
  const file = async (bytes: Buffer, mimeType: string) => (await db.playgroundFile.create({ data: { id: `pg-${uniqueNumber()}`, chatId: chat, mimeType, bytes: new Uint8Array(bytes) } })).id;
  const report = async (receiptFileId: string | null) =>
    (await createDonation(db, { centerId: center.id, receiptFileId, reportedViaChatAccountId: account.id })).id;
  ids.image = await report(await file(PNG, 'image/png'));
  ids.pdf = await report(await file(PDF, 'application/pdf'));
  ids.none = await report(null);
});

/** An <img>'s decoded width (0 until the browser has decoded it); runs in the page. */
function decodedWidth(el: unknown): number {
  const img = el as { complete: boolean; naturalWidth: number };
  return img.complete ? img.naturalWidth : 0;
}

const proof = () => panel.page.locator('[data-testid=receipt-proof]');

describe.skipIf(skipBrowserTests())('the receipt proof on a donation page', () => {
  it('shows the photo, linked to its full size', async () => {
    await logInThroughForm(panel.page, panel.origin, staff);
    await panel.page.goto(`${panel.origin}/admin/resources/Donation/records/${ids.image}/show`);
    // The first page loads AdminJS's whole (development) bundle: slow on a busy machine.
    await panel.page.waitForSelector('[data-testid=receipt-proof][data-state=image] img', { timeout: 90_000 });
    const img = proof().locator('img');
    await expect.poll(() => img.evaluate(decodedWidth)).toBe(1);
    expect(await proof().locator('a').getAttribute('href')).toBe(`/admin/api/donations/${ids.image}/receipt-file`);
    expect(await proof().innerText()).toContain('اندازهٔ کامل');

    // Full size, opened on its own (with the file's own sandboxing CSP): still a shown image.
    const full = await panel.context.newPage();
    const res = await full.goto(`${panel.origin}/admin/api/donations/${ids.image}/receipt-file`);
    expect(res?.headers()['content-type']).toBe('image/png');
    await expect.poll(() => full.locator('img').evaluate(decodedWidth)).toBe(1);
    await full.close();
  }, 120_000);

  it('links a PDF receipt', async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donation/records/${ids.pdf}/show`);
    const link = panel.page.locator('[data-testid=receipt-proof][data-state=pdf] a');
    await link.waitFor();
    expect(await link.innerText()).toContain('PDF');
    expect(await link.getAttribute('href')).toBe(`/admin/api/donations/${ids.pdf}/receipt-file`);
  }, 60_000);

  it('says when there is no photo, and asks for nothing', async () => {
    const before = panel.requested.length;
    await panel.page.goto(`${panel.origin}/admin/resources/Donation/records/${ids.none}/show`);
    await panel.page.waitForSelector('[data-testid=receipt-proof][data-state=none]');
    expect(await proof().innerText()).toContain('تصویر رسیدی فرستاده نشده است');
    expect(panel.requested.slice(before).filter((u) => u.includes('/receipt-file'))).toEqual([]);
  }, 60_000);

  it('panel.requested nothing outside localhost', () => {
    expect(outsideLocalhost(panel.requested)).toEqual([]);
  });
});
