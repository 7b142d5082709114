/**
 * The social-work officer registers a household in a real browser (Chromium): the form drawn
 * from core's schema, the national ID, mobile and members typed in Persian digits, consent
 * ticked; it lands on the household's page and the row holds the digits core normalised.
 * Screenshots go to test/artifacts/ (not committed).
 */
import { describe, expect, it } from 'vitest';
import { persianDigits } from '../../messenger/digits.ts';
import { createCenter, createCounty, uniqueNationalId } from '../../fixtures/factories.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { outsideLocalhost, skipBrowserTests } from '../helpers/chromium.ts';
import { logInThroughForm, saveScreenshot, usePanelInBrowser } from '../helpers/panel-browser.ts';

let social: PanelUser;

let centerId = '';
const panel = usePanelInBrowser(async (db) => {
  const county = await createCounty(db, { name: 'نیشابور' });
  await createCenter(db, { countyId: county.id, name: 'مرکز نیکوکاری مسجد جامع' }).then((c) => (centerId = c.id));
  social = await createPanelUser(db, 'CENTER_TRUSTEE', { centerId, trusteeRole: 'SOCIAL_WORK' });
});

describe.skipIf(skipBrowserTests())('registering a household in Chromium', () => {
  it('the social-work officer types it in Persian digits: registered with consent, digits stored as digits', async () => {
    await logInThroughForm(panel.page, panel.origin, social);
    await panel.page.goto(`${panel.origin}/admin/resources/Beneficiary/actions/registerBeneficiary`);
    await panel.page.waitForSelector('[data-testid=core-action-registerBeneficiary]', { timeout: 90_000 });

    const nationalId = uniqueNationalId();
    await panel.page.fill('#core-action-centerId', 'مسجد جامع');
    await panel.page.keyboard.press('Enter');
    await panel.page.fill('#core-action-headName', 'خانوار آزمون مرورگر');
    await panel.page.fill('#core-action-headNationalId', persianDigits(nationalId));
    await panel.page.fill('#core-action-phone', '۰۹۱۵ ۱۲۳ ۴۵۶۷');
    await panel.page.fill('#core-action-membersCount', '۴');
    // AdminJS's checkbox draws its own box over a visually hidden input.
    await panel.page.click('#core-action-consentGiven', { force: true });
    await saveScreenshot(panel.page, 'register-beneficiary-form');

    await Promise.all([panel.page.waitForURL(`${panel.origin}/admin/resources/Beneficiary/records/*/show**`, { timeout: 60_000 }), panel.page.click('[data-testid=core-action-submit]')]);
    const b = await panel.database.db.beneficiary.findFirstOrThrow({ where: { headName: 'خانوار آزمون مرورگر' } });
    expect(b).toMatchObject({ centerId, headNationalId: nationalId, phone: '09151234567', membersCount: 4, consentGiven: true });
    expect(panel.page.url()).toContain(b.id);
    await saveScreenshot(panel.page, 'register-beneficiary-done');
    expect(outsideLocalhost(panel.requested)).toEqual([]);
  }, 180_000);
});
