/**
 * The finance officer records, in a real browser (Chromium), cash a donor paid into the
 * center's Sandogh account: the form drawn from core's schema, the fund and kind picked in
 * Persian, the amount and trace number typed in Persian digits, the day typed on the Jalali
 * picker; it lands on the gift's page, confirmed with its receipt number.
 * Screenshots go to test/artifacts/ (not committed).
 */
import { describe, expect, it } from 'vitest';
import { startOfJalaliDay } from '../../core/jalali.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { createCenter, createCounty } from '../../fixtures/factories.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { outsideLocalhost, skipBrowserTests } from '../helpers/chromium.ts';
import { chooseInForm, logInThroughForm, saveScreenshot, usePanelInBrowser } from '../helpers/panel-browser.ts';

let finance: PanelUser;
let center: Center;

const panel = usePanelInBrowser(async (db) => {
  const county = await createCounty(db, { name: 'نیشابور' });
  center = await createCenter(db, { countyId: county.id, name: 'مرکز نیکوکاری مسجد جامع' });
  finance = await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'ADMIN_FINANCE' });
});

const choose = (field: string, label: string) => chooseInForm(panel.page, field, label);

describe.skipIf(skipBrowserTests())('recording a gift in Chromium', () => {
  it('the finance officer records cash paid into the Sandogh account, typed in Persian digits: confirmed, with its receipt', async () => {
    await logInThroughForm(panel.page, panel.origin, finance);
    await panel.page.goto(`${panel.origin}/admin/resources/Donation/actions/recordDonation`);
    await panel.page.waitForSelector('[data-testid=core-action-recordDonation]', { timeout: 90_000 });

    await choose('centerId', 'مسجد جامع');
    await choose('kind', 'نقدی');
    await choose('fund', 'صدقه');
    await panel.page.fill('#core-action-amountToman', '۱٬۲۵۰٬۰۰۰');
    await panel.page.fill('#core-action-traceNumber', '۴۴۵۵۶۶۷۷');
    const day = panel.page.locator('[data-testid=core-action-paidAt]');
    await day.locator('input').fill('۱۴۰۵/۰۹/۰۳');
    // The open calendar covers the fields below: leave it as a user would, by a field above it.
    await panel.page.click('#core-action-amountToman');
    await expect.poll(() => day.locator('input').inputValue()).toBe('۱۴۰۵/۰۹/۰۳');
    await saveScreenshot(panel.page, 'record-gift-form');

    await Promise.all([panel.page.waitForURL(`${panel.origin}/admin/resources/Donation/records/*/show**`, { timeout: 60_000 }), panel.page.click('[data-testid=core-action-submit]')]);
    const donation = await panel.database.db.donation.findFirstOrThrow({ where: { centerId: center.id } });
    expect(donation).toMatchObject({
      state: 'CONFIRMED',
      kind: 'CASH',
      fund: 'SADAQA',
      amountRial: 12_500_000n,
      traceNumber: '44556677',
      donorId: null,
      receiptNo: 1,
    });
    // 3 Azar 1405 at noon in Tehran.
    expect(donation.paidAt).toEqual(new Date(startOfJalaliDay({ year: 1405, month: 9, day: 3 }).getTime() + 12 * 3_600_000));
    expect(panel.page.url()).toContain(donation.id);
    expect(await panel.page.innerText('[data-testid=money-amount]')).toContain('۱٬۲۵۰٬۰۰۰ تومان');
    await saveScreenshot(panel.page, 'record-gift-done');
    expect(outsideLocalhost(panel.requested)).toEqual([]);
  }, 180_000);
});
