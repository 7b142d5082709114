/**
 * The center's money and households in the panel, each step as the person takes it: the
 * finance officer confirms a donor's report from the review queue and records goods handed
 * in; the vice-chair registers a household and its need; county staff record aid for the need,
 * which the vice-chair hands over; county staff try to reverse a gift; anyone allowed reads the funds on the center's page and downloads
 * the month's spreadsheet. Amounts are typed in Toman, in Persian digits.
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { uniqueNationalId } from '../../fixtures/factories.ts';
import { createdId } from './administration-steps.ts';
import { persianDigits } from '../../messenger/digits.ts';
import type { Panel } from './panel-steps.ts';
import { built, type World } from './world.ts';

const centerOf = (w: World) => built(w.story.centerId, 'center');

/** A gift on the review queue's screen, as the reviewer sees it. */
export interface GiftToReview {
  id: string;
  donorName: string | null;
  amountRial: string | null;
  traceNumber: string | null;
  cardLast4: string | null;
  hasReceipt: boolean;
}

/** The finance officer opens the review queue: how many wait, and the oldest first. */
export async function financeOfficerOpensTheReviewQueue(w: World): Promise<{ total: number; items: GiftToReview[] }> {
  const body = await built(w.panels.finance, 'finance officer login').get('Donation/actions/reviewQueue');
  return body.data?.queue as { total: number; items: GiftToReview[] };
}

/** …checks the proof against the account and confirms the gift; the queue moves on. */
export async function financeOfficerConfirmsTheGift(w: World, donationId: string): Promise<void> {
  const { status, body } = await built(w.panels.finance, 'finance officer login').post('Donation/actions/reviewQueue', { donationId, decision: 'confirm' });
  expect(status).toBe(200);
  expect(body.notice?.type, body.notice?.message).toBe('success');
  w.story.donationId = donationId;
}

/** Twenty bags of rice left at the mosque, recorded by the finance officer with their estimated value. */
export async function financeOfficerRecordsAnInKindGift(w: World): Promise<string> {
  const body = await built(w.panels.finance, 'finance officer login').act('Donation/actions/recordDonation', {
    centerId: centerOf(w),
    kind: 'IN_KIND',
    fund: 'GENERAL',
    itemDescription: 'کیسهٔ برنج ده کیلویی',
    quantity: '۲۰',
    unit: 'کیسه',
    estimatedValueToman: '۱۸٬۰۰۰٬۰۰۰',
  });
  return createdId(body);
}

/** The vice-chair registers a household met at the mosque, with its consent. */
export async function viceChairRegistersAHousehold(w: World): Promise<void> {
  const body = await built(w.panels.viceChair, 'vice-chair login').act('Beneficiary/actions/registerBeneficiary', {
    centerId: centerOf(w),
    headName: 'فاطمه نوری',
    headNationalId: persianDigits(uniqueNationalId()),
    membersCount: '۴',
    address: 'مشهد، محلهٔ سرشور، کوچهٔ ۷',
    consentGiven: 'true',
  });
  w.story.beneficiaryId = createdId(body);
}

/** …and records what it needs: rent it cannot pay, urgent. */
export async function viceChairRecordsANeed(w: World): Promise<void> {
  const body = await built(w.panels.viceChair, 'vice-chair login').act(`Beneficiary/records/${built(w.story.beneficiaryId, 'household')}/recordNeed`, {
    category: 'HOUSING',
    priority: 'HIGH',
    description: 'اجارهٔ سه ماه عقب افتاده',
  });
  w.story.needId = createdId(body);
}

/** County staff open the need and record cash aid for it from the general fund (the need names the household and the use). */
export async function countyStaffRecordAidForTheNeed(w: World, toman: string): Promise<void> {
  const body = await built(w.panels.staff, 'county staff login').act(`BeneficiaryNeed/records/${built(w.story.needId, 'need')}/answerNeed`, {
    fund: 'GENERAL',
    kind: 'CASH',
    amountToman: toman,
  });
  w.story.distributionId = createdId(body);
}

/** The vice-chair hands the approved aid over and marks the need met. */
export async function viceChairMarksTheAidHandedOver(w: World): Promise<void> {
  await built(w.panels.viceChair, 'vice-chair login').act(`Distribution/records/${built(w.story.distributionId, 'distribution')}/markDistributed`, {
    needMet: 'true',
    note: 'تحویل به سرپرست خانوار در دفتر مرکز',
  });
}

/** The funds' line on the center's page, as this login reads it. */
export async function fundsOnTheCentersPage(w: World, panel: Panel): Promise<string> {
  const center = await panel.get(`Center/records/${centerOf(w)}/show`);
  return String(center.record?.params?.fundBalances ?? '');
}

/** County staff try to reverse the confirmed gift (its money already given out); returns the panel's answer. */
export async function countyStaffTryToReverseTheGift(w: World) {
  return built(w.panels.staff, 'county staff login').post(`Donation/records/${built(w.story.donationId, 'confirmed gift')}/reverseDonation`, {
    reason: 'واریز تکراری گزارش شده بود',
  });
}

/** The center's spreadsheet of this Jalali month as read back: its title, and the rows of a section under its header. */
export interface MonthReport {
  title: string;
  section(title: string): ExcelJS.CellValue[][];
}

export async function downloadTheCentersMonthReport(w: World, panel: Panel): Promise<MonthReport> {
  const res = await panel.download(`/admin/reports/center-month.xlsx?centerId=${centerOf(w)}`);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
  const rows: ExcelJS.CellValue[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  // A section is its title row (one cell), a header row, then data rows up to the next title.
  const isTitle = (r: ExcelJS.CellValue[]) => r.filter((c) => c !== null && c !== undefined && c !== '').length === 1 && typeof r[0] === 'string';
  return {
    title: String(rows[0]?.[0] ?? ''),
    section(title) {
      const start = rows.findIndex((r) => isTitle(r) && r[0] === title);
      if (start < 0) throw new Error(`no section "${title}" in the report`);
      const end = rows.findIndex((r, i) => i > start + 1 && isTitle(r));
      return rows.slice(start + 2, end < 0 ? undefined : end);
    },
  };
}
