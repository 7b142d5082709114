/**
 * The finance officer tries bank statements in a real browser (Chromium), as the page invites:
 * downloads the sample statement of their center from the upload box, uploads that file with
 * the layout the page names, sees the preview (nothing stored yet), stores the lines, ticks
 * the sure proposal and confirms it: the reported gift the sample matched by trace number is
 * confirmed with its receipt, the near-miss beside it is not.
 * Screenshots go to test/artifacts/ (not committed).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Center, Donation } from '../../prisma/generated/client/client.ts';
import { createCenter, createCounty, createDonation } from '../../fixtures/factories.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { outsideLocalhost, skipBrowserTests } from '../helpers/chromium.ts';
import { logInThroughForm, saveScreenshot, usePanelInBrowser } from '../helpers/panel-browser.ts';

let finance: PanelUser;
let center: Center;
let byTrace: Donation;
let nearMiss: Donation;

const HOUR_MS = 3_600_000;

const panel = usePanelInBrowser(async (db) => {
  const county = await createCounty(db, { name: 'سبزوار' });
  center = await createCenter(db, { countyId: county.id, name: 'مرکز نیکوکاری مسجد امام رضا' });
  finance = await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'ADMIN_FINANCE' });
  // Two reported transfers: the sample writes the older under its trace number, the newer
  // under the bank's own reference a day later (a near-miss a person must look at).
  byTrace = await createDonation(db, { centerId: center.id, amountRial: 25_000_000n, traceNumber: '31415926', paidAt: new Date(Date.now() - 30 * HOUR_MS) });
  nearMiss = await createDonation(db, { centerId: center.id, amountRial: 12_000_000n, traceNumber: '27182818', paidAt: new Date(Date.now() - 5 * HOUR_MS) });
});

describe.skipIf(skipBrowserTests())('bank statements in Chromium', () => {
  it('the sample statement downloaded, uploaded, previewed, stored, and its sure proposal confirmed', async () => {
    const { page } = panel;
    const db = panel.database.db;
    await logInThroughForm(page, panel.origin, finance);
    await page.goto(`${panel.origin}/admin/resources/Donation/actions/bankStatements`);
    await page.waitForSelector('[data-testid=statements-sample] a', { timeout: 90_000 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=statements-sample] a')]);
    // Saved under the name the page gives it, in Persian (no zero-width joiner: Chromium would turn it into "_").
    expect(download.suggestedFilename()).toBe(`صورتحساب نمونه ${center.name}.csv`);
    const samplePath = path.join(await mkdtemp(path.join(tmpdir(), 'statements-')), download.suggestedFilename());
    await download.saveAs(samplePath);
    await page.setInputFiles('#statements-file', samplePath);
    // The layout the hint names, picked as a person types it and presses Enter.
    expect(await page.innerText('[data-testid=statements-sample]')).toContain('صندوق امداد ولایت — اینترنت‌بانک (نمونه)');
    await page.fill('#statements-layout', 'اینترنت‌بانک');
    await page.keyboard.press('Enter');

    await page.click('[data-testid=statements-preview]');
    await page.waitForSelector('[data-testid=statements-preview-result]');
    expect(await page.locator('[data-testid=statements-preview-line]').count()).toBeGreaterThanOrEqual(5);
    expect(await page.innerText('[data-testid=statements-preview-result]')).toContain('مطمئن');
    expect(await db.statementLine.count({ where: { centerId: center.id } })).toBe(0);
    await saveScreenshot(page, 'statements-preview');

    await page.click('[data-testid=statements-import]');
    await page.waitForSelector('[data-testid=statements-done]');
    expect(await page.innerText('[data-testid=statements-done]')).toContain('ردیف تازه');
    const stored = await db.statementLine.count({ where: { centerId: center.id } });
    expect(stored).toBeGreaterThanOrEqual(5);

    // The credit the sample wrote under the gift's trace number (with the bank's zeros): proposed, sure.
    const line = await db.statementLine.findFirstOrThrow({ where: { centerId: center.id, traceNumber: { endsWith: '31415926' } } });
    const row = page.locator(`[data-testid=statements-credit][data-line="${line.id}"]`);
    expect(await row.innerText()).toContain('مطمئن');
    await row.locator('input[type=checkbox]').check();
    await page.click('[data-testid=statements-confirm]');
    await expect.poll(async () => (await db.donation.findUniqueOrThrow({ where: { id: byTrace.id } })).state, { timeout: 20_000 }).toBe('CONFIRMED');
    await page.waitForSelector('[data-testid=statements-done]');
    expect(await page.innerText('[data-testid=statements-done]')).toContain('۱ کمک تأیید');
    expect(await db.donation.findUniqueOrThrow({ where: { id: byTrace.id } })).toMatchObject({ state: 'CONFIRMED', receiptNo: 1 });
    expect(await db.statementLine.count({ where: { centerId: center.id, donationId: byTrace.id } })).toBe(1);
    expect((await db.donation.findUniqueOrThrow({ where: { id: nearMiss.id } })).state).toBe('REPORTED');
    await saveScreenshot(page, 'statements-confirmed');
    expect(outsideLocalhost(panel.requested)).toEqual([]);
  }, 180_000);
});
