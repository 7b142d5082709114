/** The province's or a county's overview (core's getOverview) as a spreadsheet. */
import type ExcelJS from 'exceljs';
import type { Overview } from '../../core/reports/get-overview.ts';
import { formatJalaliDate, formatJalaliDateTime } from '../../messenger/format.ts';
import type { Language } from '../../messenger/i18n.ts';
import { label, text } from './report-text.ts';
import { addDataRow, addHeader, addSectionTitle, addSheet, addTitle, jalaliMonthName, moneyCell, newWorkbook, tomanCell } from './workbook-style.ts';

/** The order people read license states in: the living centers first. */
const LICENSE_ORDER = ['LICENSED', 'APPLIED', 'SUSPENDED', 'EXPIRED', 'REVOKED', 'REJECTED', 'DISSOLVED'];

export function overviewWorkbook(o: Overview, scopeName: string, lng: Language, madeAt: Date): ExcelJS.Workbook {
  const t = (key: string, vars: Record<string, string | number> = {}) => text(lng, `spreadsheet.overview.${key}`, vars);
  const month = jalaliMonthName(o.month.year, o.month.month, lng);
  const wb = newWorkbook();
  const ws = addSheet(wb, t('sheet'), lng, [30, 22, 22]);

  addTitle(ws, t('title', { scope: scopeName, month }), 3);
  addDataRow(ws, [t('madeAt'), lng === 'fa' ? formatJalaliDateTime(madeAt) : formatJalaliDate(madeAt, lng)]);

  addSectionTitle(ws, t('centersTitle'));
  addHeader(ws, [t('licenseState'), t('count')]);
  const states = Object.entries(o.centersByLicenseState).sort(([a], [b]) => LICENSE_ORDER.indexOf(a) - LICENSE_ORDER.indexOf(b));
  for (const [state, count] of states) addDataRow(ws, [label(lng, 'licenseStates', state), count]);

  addSectionTitle(ws, t('approvalsTitle'));
  addHeader(ws, [t('approvalKind'), t('count')]);
  for (const [kind, count] of Object.entries(o.pendingApprovalsByKind)) addDataRow(ws, [label(lng, 'approvalKinds', kind), count]);

  addSectionTitle(ws, t('cashTitle'));
  addHeader(ws, [t('fund'), t('amountRial'), t('amountToman')]);
  const funds = Object.entries(o.confirmedCashByFund).sort(([, a], [, b]) => (a === b ? 0 : a > b ? -1 : 1));
  for (const [fund, rial] of funds) addDataRow(ws, [label(lng, 'funds', fund), moneyCell(rial), tomanCell(rial)], [2, 3]);

  addSectionTitle(ws, t('overdueTasks'));
  addDataRow(ws, [t('overdueTasks'), o.overdueTasks]);
  return wb;
}
