/**
 * A center's first day in a real browser (Chromium), filled as Imdad's staff would, right to
 * left with Persian digits: county staff register the center (its mosque picked in Persian,
 * coordinates typed with a Persian decimal separator), record its Sandogh account with the
 * day it was opened typed on the Jalali picker, and the province admin issues its license,
 * which gives the county's next activity code.
 */
import { describe, expect, it } from 'vitest';
import type { County } from '../../prisma/generated/client/client.ts';
import { createCounty } from '../../fixtures/factories.ts';
import { shebaFrom } from '../../fixtures/values.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { outsideLocalhost, skipBrowserTests } from '../helpers/chromium.ts';
import { chooseInForm, logInThroughForm, saveScreenshot, usePanelInBrowser } from '../helpers/panel-browser.ts';
import { persianDigits } from '../../messenger/digits.ts';

const SHEBA = shebaFrom('0700000000007012345678');
/** What a person types: the same Sheba in Persian digits. */

let county: County;
let staff: PanelUser;
let provinceAdmin: PanelUser;

const panel = usePanelInBrowser(async (db) => {
  county = await createCounty(db, { name: 'نیشابور', code: 'NSH' });
  staff = await createPanelUser(db, 'COUNTY_STAFF', { countyId: county.id });
  provinceAdmin = await createPanelUser(db, 'PROVINCE_ADMIN', { provinceId: county.provinceId });
});

/** Opens a core action's form and waits until it is drawn. */
async function openAction(url: string, name: string) {
  await panel.page.goto(`${panel.origin}/admin/${url}`);
  await panel.page.waitForSelector(`[data-testid=core-action-${name}]`, { timeout: 90_000 });
}

/** Submits the form and waits for the record's page. */
async function submitToShow(resource: string) {
  await Promise.all([
    panel.page.waitForURL(`${panel.origin}/admin/resources/${resource}/records/*/show**`, { timeout: 60_000 }),
    panel.page.click('[data-testid=core-action-submit]'),
  ]);
}

describe.skipIf(skipBrowserTests())("a center's first day in Chromium", () => {
  it('county staff register the center, typed in Persian; it waits for its license', async () => {
    await logInThroughForm(panel.page, panel.origin, staff);
    await openAction('resources/Center/actions/registerCenter', 'registerCenter');
    await chooseInForm(panel.page, 'countyId', 'نیشابور');
    await panel.page.fill('#core-action-name', 'مرکز نیکوکاری مسجد جامع');
    await chooseInForm(panel.page, 'hostType', 'مسجد');
    await panel.page.fill('#core-action-hostName', 'مسجد جامع نیشابور');
    await panel.page.fill('#core-action-address', 'نیشابور، خیابان امام خمینی، کوچهٔ ۱۲');
    await panel.page.fill('#core-action-phone', '۰۵۱۴۲۲۲۳۳۴۴');
    await panel.page.fill('#core-action-activityArea', 'محلهٔ بازار و کوچه‌های اطراف مسجد');
    await panel.page.fill('#core-action-latitude', '۳۶٫۲۱');
    await panel.page.fill('#core-action-longitude', '۵۸٫۷۹');
    await saveScreenshot(panel.page, 'register-center-form');
    await submitToShow('Center');

    const center = await panel.database.db.center.findFirstOrThrow({ where: { countyId: county.id } });
    expect(center).toMatchObject({
      name: 'مرکز نیکوکاری مسجد جامع',
      hostType: 'MOSQUE',
      hostName: 'مسجد جامع نیشابور',
      // Free text is stored comparable (core/input/normalize.ts): digits in one script.
      address: 'نیشابور، خیابان امام خمینی، کوچهٔ 12',
      phone: '05142223344',
      licenseState: 'APPLIED',
      activityCode: null,
      latitude: 36.21,
      longitude: 58.79,
    });
    expect(panel.page.url()).toContain(center.id);
  }, 180_000);

  it("county staff record the center's Sandogh account, the day it was opened typed on the Jalali picker", async () => {
    const center = await panel.database.db.center.findFirstOrThrow({ where: { countyId: county.id } });
    await openAction(`resources/Center/records/${center.id}/recordCenterAccount`, 'recordCenterAccount');
    await panel.page.fill('#core-action-sandoghAccountNo', '۷۰۱۲۳۴۵۶۷۸');
    await panel.page.fill('#core-action-sandoghSheba', persianDigits(SHEBA));
    await panel.page.fill('#core-action-sandoghBranch', 'شعبهٔ نیشابور');
    const day = panel.page.locator('[data-testid=core-action-sandoghAccountOpenedAt]');
    await day.locator('input').fill('۱۴۰۵/۰۹/۰۱');
    // The open calendar covers the fields below it: leave it by a field above, as a person would.
    await panel.page.click('#core-action-sandoghBranch');
    await expect.poll(() => day.locator('input').inputValue()).toBe('۱۴۰۵/۰۹/۰۱');
    await submitToShow('Center');

    const saved = await panel.database.db.center.findUniqueOrThrow({ where: { id: center.id } });
    expect(saved.sandoghAccountNo).toBe('7012345678');
    expect(saved.sandoghSheba).toBe(SHEBA);
    // The Jalali day 1 Azar 1405 is 22 November 2026: stored as that calendar day, shown without a time.
    expect(saved.sandoghAccountOpenedAt?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    const shown = () => panel.page.innerText('[data-testid=property-show-sandoghAccountOpenedAt]');
    await expect.poll(shown, { timeout: 30_000 }).toContain('۱ آذر ۱۴۰۵');
    expect(await shown()).not.toMatch(/:/);
  }, 180_000);

  it("the province admin issues the license: the county's first activity code, shown as issued", async () => {
    const center = await panel.database.db.center.findFirstOrThrow({ where: { countyId: county.id } });
    // The same browser, another login: the county staff member logs out first.
    await panel.page.goto(`${panel.origin}/admin/logout`);
    await Promise.all([panel.page.waitForURL(`${panel.origin}/admin/login**`), panel.page.click('button[type=submit]')]);
    await logInThroughForm(panel.page, panel.origin, provinceAdmin);
    await openAction(`resources/Center/records/${center.id}/issueLicense`, 'issueLicense');
    await panel.page.fill('#core-action-validityMonths', '۱۲');
    await panel.page.fill('#core-action-letterNo', '۱۴۰۵/ص/۷۷');
    await submitToShow('Center');

    const licensed = await panel.database.db.center.findUniqueOrThrow({ where: { id: center.id } });
    expect(licensed).toMatchObject({ licenseState: 'LICENSED', activityCode: 'NSH-0001' });
    expect(await panel.page.innerText('body')).toContain('مجوز صادر و کد فعالیت داده شد.');
    // Codes are shown as they are written on letters and posters, in Latin digits.
    // The show page fills its values after the redirect's URL changes: wait for the value, not the label.
    await expect.poll(() => panel.page.innerText('[data-testid=property-show-activityCode]'), { timeout: 30_000 }).toContain('NSH-0001');
    await saveScreenshot(panel.page, 'center-licensed');
    expect(outsideLocalhost(panel.requested)).toEqual([]);
  }, 180_000);
});
