/**
 * The chair records, in a real browser (Chromium), aid to a household from the center's
 * sadaqa fund: the form drawn from core's schema, the household, fund, kind and use picked in
 * Persian, the amount typed in Persian digits (Toman); it lands on the distribution's page,
 * approved, and the fund's balance falls by it. Screenshots go to test/artifacts/ (not committed).
 */
import { describe, expect, it } from 'vitest';
import { fundBalanceRial } from '../../core/funds/fund-balance.ts';
import type { Beneficiary, Center } from '../../prisma/generated/client/client.ts';
import { createBeneficiary, createCenter, createCounty, createDonation } from '../../fixtures/factories.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { outsideLocalhost, skipBrowserTests } from '../helpers/chromium.ts';
import { chooseInForm, logInThroughForm, saveScreenshot, usePanelInBrowser } from '../helpers/panel-browser.ts';

let chair: PanelUser;
let center: Center;
let household: Beneficiary;

const panel = usePanelInBrowser(async (db) => {
  const county = await createCounty(db, { name: 'نیشابور' });
  center = await createCenter(db, { countyId: county.id, name: 'مرکز نیکوکاری مسجد جامع' });
  household = await createBeneficiary(db, { centerId: center.id });
  await createDonation(db, { centerId: center.id, fund: 'SADAQA', state: 'CONFIRMED', amountRial: 10_000_000n });
  chair = await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'CHAIR' });
});

const choose = (field: string, label: string) => chooseInForm(panel.page, field, label);

describe.skipIf(skipBrowserTests())('recording a distribution in Chromium', () => {
  it('the chair records cash to a household typed in Persian digits: approved, the fund falls by it', async () => {
    await logInThroughForm(panel.page, panel.origin, chair);
    await panel.page.goto(`${panel.origin}/admin/resources/Distribution/actions/recordDistribution`);
    await panel.page.waitForSelector('[data-testid=core-action-recordDistribution]', { timeout: 90_000 });

    await choose('centerId', 'مسجد جامع');
    await choose('beneficiaryId', household.referenceCode);
    await choose('fund', 'صدقه');
    await choose('kind', 'نقدی');
    await choose('purpose', 'غذا و معیشت');
    await panel.page.fill('#core-action-amountToman', '۲۵۰٬۰۰۰');
    await saveScreenshot(panel.page, 'record-distribution-form');

    await Promise.all([panel.page.waitForURL(`${panel.origin}/admin/resources/Distribution/records/*/show**`, { timeout: 60_000 }), panel.page.click('[data-testid=core-action-submit]')]);
    const d = await panel.database.db.distribution.findFirstOrThrow({ where: { beneficiaryId: household.id } });
    expect(d).toMatchObject({ state: 'APPROVED', kind: 'CASH', fund: 'SADAQA', amountRial: 2_500_000n });
    expect(panel.page.url()).toContain(d.id);
    expect(await fundBalanceRial(panel.database.db, center.id, 'SADAQA')).toBe(7_500_000n);
    await saveScreenshot(panel.page, 'record-distribution-done');
    expect(outsideLocalhost(panel.requested)).toEqual([]);
  }, 180_000);
});
