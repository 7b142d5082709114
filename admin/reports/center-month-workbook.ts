/** A center's Jalali month (core's getCenterMonthReport) as a spreadsheet. */
import type ExcelJS from 'exceljs';
import type { CenterMonthReport } from '../../core/reports/get-center-month-report.ts';
import { formatJalaliDate, formatJalaliDateTime } from '../../messenger/format.ts';
import type { Language } from '../../messenger/i18n.ts';
import { label, text } from './report-text.ts';
import { addDataRow, addHeader, addSectionTitle, addSheet, addTitle, jalaliMonthName, moneyCell, newWorkbook, tomanCell } from './workbook-style.ts';

export function centerMonthWorkbook(r: CenterMonthReport, lng: Language, madeAt: Date): ExcelJS.Workbook {
  const t = (key: string, vars: Record<string, string | number> = {}) => text(lng, `spreadsheet.centerMonth.${key}`, vars);
  const kind = (k: string) => text(lng, `spreadsheet.kinds.${k}`);
  const fund = (f: string) => label(lng, 'funds', f);
  const month = jalaliMonthName(r.period.year, r.period.month, lng);
  const lastDay = new Date(r.period.end.getTime() - 1);
  const wb = newWorkbook();
  const ws = addSheet(wb, t('sheet'), lng, [22, 22, 18, 22, 22, 26, 18, 24]);

  addTitle(ws, t('title', { center: r.center.name, month }), 8);
  addDataRow(ws, [t('activityCode'), r.center.activityCode ?? '']);
  addDataRow(ws, [t('period'), `${formatJalaliDate(r.period.start, lng)} – ${formatJalaliDate(lastDay, lng)}`]);
  addDataRow(ws, [t('madeAt'), lng === 'fa' ? formatJalaliDateTime(madeAt) : formatJalaliDate(madeAt, lng)]);

  addSectionTitle(ws, t('receivedTitle'));
  addHeader(ws, [t('kind'), t('fund'), t('confirmedCount'), t('confirmedRial'), t('confirmedToman'), t('estimatedRial'), t('reportedCount'), t('reportedRial')]);
  for (const l of r.received)
    addDataRow(
      ws,
      [kind(l.kind), fund(l.fund), l.confirmedCount, moneyCell(l.confirmedRial), tomanCell(l.confirmedRial), moneyCell(l.confirmedEstimatedRial), l.reportedCount, moneyCell(l.reportedRial)],
      [4, 5, 6, 8],
    );

  addSectionTitle(ws, t('distributedTitle'));
  addHeader(ws, [t('kind'), t('fund'), t('distributedCount'), t('distributedRial'), t('distributedToman'), t('estimatedRial')]);
  for (const l of r.distributed)
    addDataRow(ws, [kind(l.kind), fund(l.fund), l.count, moneyCell(l.amountRial), tomanCell(l.amountRial), moneyCell(l.estimatedRial)], [4, 5, 6]);

  addSectionTitle(ws, t('balancesTitle'));
  addHeader(ws, [t('fund'), t('balanceRial'), t('balanceToman')]);
  for (const b of r.balances) addDataRow(ws, [fund(b.fund), moneyCell(b.balanceRial), tomanCell(b.balanceRial)], [2, 3]);

  addSectionTitle(ws, t('summaryTitle'));
  const rial = text(lng, 'spreadsheet.rial');
  const toman = text(lng, 'spreadsheet.toman');
  addHeader(ws, ['', rial, toman]);
  addDataRow(ws, [t('totalConfirmed'), moneyCell(r.totals.confirmedCashRial), tomanCell(r.totals.confirmedCashRial)], [2, 3]);
  addDataRow(ws, [t('totalReported'), moneyCell(r.totals.reportedCashRial), tomanCell(r.totals.reportedCashRial)], [2, 3]);
  addDataRow(ws, [t('rejectedCount'), r.totals.rejectedCount]);
  addDataRow(ws, [t('newDonors'), r.newDonors]);
  addDataRow(ws, [t('activeVolunteers'), r.activeVolunteers]);
  return wb;
}
