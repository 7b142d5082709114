/**
 * Donors in Debian's headless Chromium: a donor's look-alikes on its page; the look-alike
 * donors' page lists a pair with what they share, its merge link opens the merge form with
 * the donor kept already chosen, and submitting it merges the duplicate; a confirmed gift is reversed from its page with a
 * reason typed in the form. Nothing is requested outside localhost.
 */
import { describe, expect, it } from 'vitest';
import type { Donation, Donor } from '../../prisma/generated/client/client.ts';
import { createCenter, createDonation, createDonor, createPerson, uniqueMobile } from '../../fixtures/factories.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { outsideLocalhost, skipBrowserTests } from '../helpers/chromium.ts';
import { logInThroughForm, usePanelInBrowser } from '../helpers/panel-browser.ts';

let staff: PanelUser;
let keep: Donor;
let dup: Donor;
let gift: Donation;

const panel = usePanelInBrowser(async (db) => {
  const center = await createCenter(db);
  staff = await createPanelUser(db, 'COUNTY_STAFF', { countyId: center.countyId });
  const mobile = uniqueMobile();
  keep = await createDonor(db, { personId: (await createPerson(db, { mobile, firstName: 'زهرا', lastName: 'کریمی' })).id, recruitedByCenterId: center.id });
  dup = await createDonor(db, { personId: (await createPerson(db, { mobile, nationalId: null, firstName: 'زهرا', lastName: 'کریمی‌پور' })).id, recruitedByCenterId: center.id });
  gift = await createDonation(db, { centerId: center.id, donorId: keep.id, fund: 'NAZR', state: 'CONFIRMED', amountRial: 2_000_000n });
});

describe.skipIf(skipBrowserTests())('donors in the browser', () => {
  it('lists the look-alike pair with its reason; its merge link opens the form with the donor kept chosen; submitting merges', async () => {
    await logInThroughForm(panel.page, panel.origin, staff);
    // One donor's look-alikes, on its page.
    await panel.page.goto(`${panel.origin}/admin/resources/Donor/records/${keep.id}/donorLookAlikes`);
    const table = panel.page.locator('[data-testid=duplicate-donors]');
    // The first page loads AdminJS's whole (development) bundle: slow on a busy machine.
    await table.waitFor({ timeout: 90_000 });
    expect(await table.innerText()).toContain('زهرا کریمی‌پور');

    await panel.page.goto(`${panel.origin}/admin/resources/Donor/actions/duplicateDonors`);
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('تلفن همراه یکسان');
    expect(text).toContain('زهرا کریمی‌پور');

    await Promise.all([panel.page.waitForURL(/mergeDonors/), table.locator('a', { hasText: 'ادغام' }).first().click()]);
    const form = panel.page.locator('[data-testid=core-action-mergeDonors]');
    await form.waitFor();
    expect(await form.innerText()).toContain('زهرا کریمی');
    await form.locator('textarea[name=reason]').fill('یک نفر با دو شماره');
    await panel.page.locator('[data-testid=core-action-submit]').click();
    await expect.poll(async () => (await panel.database.db.donor.findUniqueOrThrow({ where: { id: dup.id } })).mergedIntoId, { timeout: 20_000 }).toBe(keep.id);
  }, 180_000);

  it('reverses a confirmed gift with the reason typed', async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donation/records/${gift.id}/reverseDonation`);
    const form = panel.page.locator('[data-testid=core-action-reverseDonation]');
    await form.waitFor();
    await form.locator('textarea[name=reason]').fill('واریز دوبار ثبت شده بود');
    await panel.page.locator('[data-testid=core-action-submit]').click();
    await expect
      .poll(async () => (await panel.database.db.donation.findFirst({ where: { reversesId: gift.id } }))?.reversalReason, { timeout: 20_000 })
      .toBe('واریز دوبار ثبت شده بود');
  }, 120_000);

  it('panel.requested nothing outside localhost', () => {
    expect(outsideLocalhost(panel.requested)).toEqual([]);
  });
});
