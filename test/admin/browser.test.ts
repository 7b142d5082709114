/**
 * The panel in a real browser (Debian's headless Chromium through
 * playwright-core) against the real app listening on 127.0.0.1: log in, see
 * the dashboard in Persian right to left, confirm one reported donation and
 * reject another with a reason (then read the database and the outbox), pick
 * Jalali days in a list filter, see lists and records in Persian digits (codes as typed;
 * Latin digits in the English panel), and check that no request left localhost.
 * Screenshots go to test/artifacts/ (not committed).
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { instantOfTehranWallTime, tehranWallTime } from '../../admin/components/jalali/tehran-time.ts';
import { toJalali } from '../../core/jalali.ts';
import { persianDigits } from '../../messenger/digits.ts';
import type { Center, Donation } from '../../prisma/generated/client/client.ts';
import { createCenter, createCounty, createDonation, createPledge, createTrustee } from '../../fixtures/factories.ts';
import { hashLinkCode } from '../../core/trustees/link-code.ts';
import { createPanelUser, type PanelUser } from '../helpers/admin.ts';
import { outsideLocalhost, skipBrowserTests } from '../helpers/chromium.ts';
import { logInThroughForm, saveScreenshot, usePanelInBrowser } from '../helpers/panel-browser.ts';
import { donorWithChat } from '../helpers/giving.ts';
import { toAsciiDigits } from '../../core/input/normalize.ts';

const PERSIAN_DIGIT = /[۰-۹]/;

let staff: PanelUser;
let center: Center;
let toConfirm: Donation;
let toReject: Donation;
let donorPersonId: string;
let chairMembershipId: string;
let taskId: string;
/** An older confirmed gift toward a pledge, with a four-digit receipt number. */
let pledged: Donation;
/** When the test's gifts were made ("today" for the filter, even if Tehran's midnight passes meanwhile). */
let seededAt: Date;
/** Every URL the browser asked for, to prove nothing left localhost. */

async function shot(name: string) {
  await saveScreenshot(panel.page, name);
}

const JALALI_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

/**
 * Clicks a Jalali day in an open picker, as a user would: by its cell (the
 * library labels each "Choose <weekday> <month> <DD> of <YYYY>"), turning the
 * month once if the browser's own zone still shows another one.
 */
async function pickDay(picker: Locator, day: { year: number; month: number; day: number }) {
  const label = `${JALALI_MONTHS[day.month - 1]} ${persianDigits(String(day.day).padStart(2, '0'))} of ${persianDigits(String(day.year))}`;
  const cell = picker.locator(`.rmdp-week .rmdp-day:not(.rmdp-day-hidden)[aria-label*="${label}"]`);
  for (const turn of [null, '.rmdp-left', '.rmdp-right', '.rmdp-right']) {
    if (turn) await picker.locator(`.rmdp-arrow-container${turn}`).click();
    if (await cell.count()) return cell.click();
  }
  throw new Error(`no cell ${label} in the picker`);
}

function outboxOfDonor() {
  return panel.database.db.outboxMessage.findMany({ where: { chatAccount: { personId: donorPersonId } }, orderBy: { createdAt: 'asc' } });
}

const panel = usePanelInBrowser(async (db) => {
  // Names without ASCII digits (the factories number theirs), so the page's digits are all ours.
  const county = await createCounty(db, { name: 'مشهد' });
  center = await createCenter(db, { countyId: county.id, name: 'مرکز نیکوکاری مسجد جامع' });
  staff = await createPanelUser(db, 'COUNTY_STAFF', { countyId: county.id });
  const donor = await donorWithChat(db);
  donorPersonId = donor.personId;
  const now = new Date();
  seededAt = now;
  toConfirm = await createDonation(db, { centerId: center.id, donorId: donor.donorId, state: 'REPORTED', amountRial: 25_000_000n, paidAt: now });
  toReject = await createDonation(db, { centerId: center.id, donorId: donor.donorId, state: 'REPORTED', amountRial: 7_000_000n, paidAt: now });
  await createDonation(db, { centerId: center.id, state: 'CONFIRMED', fund: 'ZAKAT', amountRial: 120_000_000n, paidAt: now });
  // Forty days ago: outside a filter on today.
  await createDonation(db, { centerId: center.id, state: 'CONFIRMED', amountRial: 9_000_000n, paidAt: new Date(now.getTime() - 40 * 86_400_000) });
  // Twelve more of then: sixteen gifts, two pages of the list.
  const pledge = await createPledge(db, { centerId: center.id, donorId: donor.donorId, amountRial: 6_000_000n });
  for (let i = 0; i < 12; i++) {
    const paidAt = new Date(now.getTime() - (41 + i) * 86_400_000);
    const toward = i === 0 ? { pledgeId: pledge.id, donorId: donor.donorId } : {};
    const gift = await createDonation(db, { centerId: center.id, state: 'CONFIRMED', amountRial: 6_000_000n, paidAt, confirmedAt: paidAt, receiptNo: 1234 + i, ...toward });
    if (i === 0) pledged = gift;
  }

  chairMembershipId = (await createTrustee(db, { centerId: center.id, role: 'CHAIR' })).id;
  taskId = (await db.trusteeTask.create({ data: { centerId: center.id, assigneeRole: 'CHAIR', title: 'تنظیم صورتجلسه', dueAt: new Date('2026-12-01T08:00:00Z') } })).id;

  // Far from Tehran on purpose: dates must still be Tehran's.
}, { timezoneId: 'America/Los_Angeles' });

describe.skipIf(skipBrowserTests())('the panel in Chromium', () => {
  it('logs in and shows the dashboard in Persian, right to left', async () => {
    await logInThroughForm(panel.page, panel.origin, staff);
    // The first page loads AdminJS's whole (development) bundle: slow on a busy machine.
    await panel.page.waitForSelector('[data-testid=dashboard-scope]', { timeout: 90_000 });
    expect(await panel.page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await panel.page.getAttribute('html', 'lang')).toBe('fa');
    const text = await panel.page.innerText('[data-testid=dashboard]');
    expect(text).toContain('پیشخوان');
    expect(text).toMatch(PERSIAN_DIGIT);
    expect(text).not.toMatch(/[0-9]/);
    // 120,000,000 Rial confirmed this month = 12,000,000 Toman, and two gifts waiting.
    expect(await panel.page.innerText('[data-testid=dashboard-total]')).toContain('۱۲٬۰۰۰٬۰۰۰ تومان');
    expect(await panel.page.innerText('[data-testid=dashboard-pending]')).toContain('۲');
    expect(await panel.page.locator('[data-testid=chart-licenses-bar]').count()).toBe(1);
    expect(await panel.page.getAttribute('[data-testid=report-overview]', 'href')).toBe('/admin/reports/overview.xlsx');
    await shot('dashboard');
  }, 120_000);

  it('confirms a reported donation with one POSTed button', async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donation/records/${toConfirm.id}/confirmDonation`);
    await panel.page.waitForSelector('[data-testid=confirm-submit]');
    await shot('confirm-donation');
    const [response] = await Promise.all([
      panel.page.waitForResponse((r) => r.url().includes(`/records/${toConfirm.id}/confirmDonation`) && r.request().method() === 'POST'),
      panel.page.click('[data-testid=confirm-submit]'),
    ]);
    expect(response.status()).toBe(200);
    // Then the record's page, with the new state and its Jalali dates.
    await panel.page.waitForURL(`${panel.origin}/admin/resources/Donation/records/${toConfirm.id}/show**`);
    // Its amount in Rial and Toman, its dates in Jalali (the money and date components).
    const amount = await panel.page.innerText('[data-testid=money-amount]');
    expect(amount).toContain('۲۵٬۰۰۰٬۰۰۰ ریال');
    expect(amount).toContain('۲٬۵۰۰٬۰۰۰ تومان');
    expect(await panel.page.innerText('body')).toMatch(/آذر|دی|بهمن|اسفند|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان/);
    await shot('confirmed-donation');
    const donation = await panel.database.db.donation.findUniqueOrThrow({ where: { id: toConfirm.id } });
    expect(donation.state).toBe('CONFIRMED');
    expect(donation.receiptNo).toBeGreaterThan(0);
    expect((await outboxOfDonor()).map((m) => m.template)).toEqual(['donation.confirmed']);
  }, 90_000);

  it('rejects another only with a reason, which the donor is sent', async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donation/records/${toReject.id}/rejectDonation`);
    await panel.page.waitForSelector('[data-testid=reject-submit]');
    await panel.page.click('[data-testid=reject-submit]');
    await panel.page.waitForSelector('text=لطفاً علت را بنویسید.');
    expect((await panel.database.db.donation.findUniqueOrThrow({ where: { id: toReject.id } })).state).toBe('REPORTED');

    const reason = 'شمارهٔ پیگیری در حساب صندوق پیدا نشد.';
    await panel.page.fill('#reject-reason', reason);
    await shot('reject-donation');
    const [response] = await Promise.all([
      panel.page.waitForResponse((r) => r.url().includes(`/records/${toReject.id}/rejectDonation`) && r.request().method() === 'POST'),
      panel.page.click('[data-testid=reject-submit]'),
    ]);
    expect(response.status()).toBe(200);
    await panel.page.waitForURL(`${panel.origin}/admin/resources/Donation/records/${toReject.id}/show**`);
    const donation = await panel.database.db.donation.findUniqueOrThrow({ where: { id: toReject.id } });
    expect(donation.state).toBe('REJECTED');
    expect(donation.rejectReason).toBe(reason);
    const outbox = await outboxOfDonor();
    expect(outbox.map((m) => m.template)).toEqual(['donation.confirmed', 'donation.rejected']);
    expect(JSON.stringify(outbox[1]?.params)).toContain(reason);
  }, 90_000);

  it('lists donations in Persian digits: the count, the receipt numbers and the pages', async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donation?page=2`);
    await panel.page.waitForSelector('table tbody tr');
    const list = panel.page.locator('[data-css=Donation-list]');
    // 16 gifts, 10 a page; receipt numbers are read out, so no separators (۱٬۲۳۴ would be a count).
    // The count beside the title.
    await expect.poll(() => list.locator('h2').first().innerText()).toMatch(/فهرست\s*۱۶$/);
    expect(await list.locator('[data-testid=page-2]').innerText()).toBe('۲');
    const text = await list.innerText();
    expect(text).toContain('۱۲۴۵'); // the oldest gift, on page 2
    expect(text).toContain('۶٬۰۰۰٬۰۰۰ ریال');
    expect(text).not.toMatch(/[0-9]/);
    await shot('donation-list-page-2');
  }, 90_000);

  it('shows a donation in Persian digits, its pledge by amount, and its codes as typed', async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donation/records/${pledged.id}/show`);
    await panel.page.waitForSelector('[data-testid=money-amount]');
    const text = await panel.page.innerText('[data-css=Donation-show-drawer-content]');
    expect(text).toContain('۱۲۳۴'); // the receipt number
    expect(text).toContain('۶٬۰۰۰٬۰۰۰ ریال (۶۰۰٬۰۰۰ تومان)'); // the pledge's title, not its stored Rials
    // Trace number, card digits and the Sandogh account are copied into bank systems: kept as stored.
    const codes = [pledged.traceNumber!, pledged.cardLast4!, pledged.sandoghAccountNo!];
    for (const code of codes) expect(text).toContain(code);
    expect(codes.reduce((rest, code) => rest.replaceAll(code, ''), text)).not.toMatch(/[0-9]/);
    await shot('donation-show-digits');
  }, 90_000);

  it('writes yes and no in Persian (AdminJS writes them in English in every language)', async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donor`);
    await panel.page.waitForSelector('table tbody tr');
    const text = await panel.page.locator('[data-css=Donor-list]').innerText();
    expect(text).toMatch(/خیر|بله/); // the anonymous column
    expect(text).not.toMatch(/\b(Yes|No)\b/);
  }, 90_000);

  it("issues a trustee's one-time link code and shows it, in Persian digits, once", async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/TrusteeMembership/records/${chairMembershipId}/issueLinkCode`);
    await panel.page.click('[data-testid=confirm-submit]');
    const shown = await panel.page.innerText('[data-testid=link-code-value]');
    expect(shown).toMatch(/^[۰-۹]{10}$/);
    await shot('link-code');
    const latin = toAsciiDigits(shown);
    const stored = await panel.database.db.trusteeLinkCode.findMany({ where: { membershipId: chairMembershipId } });
    expect(stored.map((c) => c.codeHash)).toEqual([hashLinkCode(latin)]);
  }, 90_000);

  it("moves a task's due day on the Jalali calendar, through core, due at that day's end in Tehran", async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/TrusteeTask/records/${taskId}/updateTask`);
    const picker = panel.page.locator('[data-testid=core-action-dueAt]');
    await picker.locator('input').fill('۱۴۰۵/۰۹/۲۰');
    // The open calendar covers the button: leave the field as a user would, by the title above it.
    await panel.page.click('#core-action-title');
    await expect.poll(() => picker.locator('input').inputValue()).toBe('۱۴۰۵/۰۹/۲۰');
    await shot('jalali-task-due');
    const [saved] = await Promise.all([
      panel.page.waitForResponse((r) => r.url().includes(`/records/${taskId}/updateTask`) && r.request().method() === 'POST'),
      panel.page.click('[data-testid=core-action-submit]'),
    ]);
    expect(saved.status()).toBe(200);
    const task = await panel.database.db.trusteeTask.findUniqueOrThrow({ where: { id: taskId } });
    // 20 Azar 1405 ends at midnight in Tehran (UTC+3:30), though the browser is in Los Angeles.
    expect(task.dueAt.toISOString()).toBe('2026-12-11T20:29:59.999Z');
    const audit = await panel.database.db.auditLog.findFirst({ where: { entityId: taskId }, orderBy: { at: 'desc' } });
    expect(audit?.action).toBe('task.update');
  }, 90_000);

  it("filters donations by a Jalali day picked in Tehran's calendar", async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donation`);
    await panel.page.waitForSelector('table tbody tr');
    await shot('donation-list');
    await panel.page.click('[data-css=Donation-filter-button]');
    const from = panel.page.locator('[data-testid=jalali-filter-paidAt-from]');
    const to = panel.page.locator('[data-testid=jalali-filter-paidAt-to]');
    await from.locator('input').click();
    // Opening an empty picker picks nothing by itself (onOpenPickNewDate={false}).
    await from.locator('.rmdp-week .rmdp-day').first().waitFor();
    expect(await from.locator('input').inputValue()).toBe('');
    await shot('jalali-picker-open');
    const today = toJalali(seededAt); // Tehran's day, whatever the browser's zone thinks
    await pickDay(from, today);
    await panel.page.keyboard.press('Escape');
    await to.locator('input').click();
    await pickDay(to, today);
    await panel.page.keyboard.press('Escape');
    expect(await from.locator('input').inputValue()).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    await shot('jalali-filter');

    const [list] = await Promise.all([
      panel.page.waitForResponse((r) => r.url().includes('/api/resources/Donation/actions/list') && r.url().includes('paidAt')),
      panel.page.click('[data-css=Donation-filter-drawer-button-apply]'),
    ]);
    const query = new URL(list.url()).searchParams;
    const wall = tehranWallTime(seededAt);
    const dayStart = instantOfTehranWallTime({ ...wall, hour: 0, minute: 0, second: 0, millisecond: 0 });
    const dayEnd = instantOfTehranWallTime({ ...wall, hour: 23, minute: 59, second: 59, millisecond: 999 });
    expect(query.get('filters.paidAt~~from')).toBe(dayStart.toISOString());
    expect(query.get('filters.paidAt~~to')).toBe(dayEnd.toISOString());
    const body = (await list.json()) as { records: { id: string }[] };
    expect(body.records.map((r) => r.id).sort()).toHaveLength(3); // the three gifts of today, not the one of forty days ago
    await shot('jalali-filter-applied');
  }, 90_000);

  it('keeps Latin digits in the English panel', async () => {
    await panel.page.goto(`${panel.origin}/admin/resources/Donation?page=2`);
    await panel.page.waitForSelector('table tbody tr');
    // As the language menu does (admin/ui/logged-in.ts): a same-origin POST, in this session.
    const switched = await panel.page.request.post(`${panel.origin}/admin/language`, {
      form: { lang: 'en', back: '/admin/resources/Donation?page=2' },
      headers: { origin: panel.origin },
      maxRedirects: 0,
    });
    expect(switched.status()).toBe(303);
    await panel.page.goto(`${panel.origin}/admin/resources/Donation?page=2`);
    await panel.page.waitForSelector('table tbody tr');
    expect(await panel.page.getAttribute('html', 'lang')).toBe('en');
    const list = panel.page.locator('[data-css=Donation-list]');
    await expect.poll(() => list.locator('h2').first().innerText()).toMatch(/List\s*16$/);
    expect(await list.locator('[data-testid=page-2]').innerText()).toBe('2');
    const text = await list.innerText();
    expect(text).toContain('1245');
    expect(text).not.toMatch(PERSIAN_DIGIT);
    await panel.page.goto(`${panel.origin}/admin/resources/Donor`);
    await panel.page.waitForSelector('table tbody tr');
    expect(await panel.page.locator('[data-css=Donor-list]').innerText()).toMatch(/\b(Yes|No)\b/);
  }, 90_000);

  it('made no request outside localhost', () => {
    expect(panel.requested.length).toBeGreaterThan(5);
    expect(outsideLocalhost(panel.requested)).toEqual([]);
  });
});
