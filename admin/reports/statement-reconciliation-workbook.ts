/**
 * A center's Jalali month reconciled (core's getStatementReconciliation) as a spreadsheet:
 * the totals and their difference, then the credits paired with their gifts, the credits no
 * gift accounts for, and the confirmed gifts the statement does not show.
 */
import type ExcelJS from 'exceljs';
import type { StatementReconciliation } from '../../core/statements/index.ts';
import { formatJalaliDate, formatJalaliDateTime } from '../../messenger/format.ts';
import type { Language } from '../../messenger/i18n.ts';
import { fillPlaceholders, localeString } from '../locale/index.ts';
import { addDataRow, addHeader, addSectionTitle, addSheet, addTitle, jalaliMonthName, moneyCell, newWorkbook, tomanCell } from './workbook-style.ts';

export function statementReconciliationWorkbook(r: StatementReconciliation, lng: Language, madeAt: Date): ExcelJS.Workbook {
  const t = (key: string, vars: Record<string, string | number> = {}) =>
    fillPlaceholders(localeString(lng, 'admin-statements', `spreadsheet.${key}`) ?? key, vars);
  const day = (d: Date) => formatJalaliDate(d, lng);
  const month = jalaliMonthName(r.period.year, r.period.month, lng);
  const wb = newWorkbook();
  const ws = addSheet(wb, t('sheet'), lng, [18, 22, 22, 22, 26, 18, 18, 22, 22, 30]);

  addTitle(ws, t('title', { center: r.center.name, month }), 8);
  addDataRow(ws, [t('account'), r.center.accountNo]);
  addDataRow(ws, [t('madeAt'), lng === 'fa' ? formatJalaliDateTime(madeAt) : formatJalaliDate(madeAt, lng)]);

  addSectionTitle(ws, t('totalsTitle'));
  addHeader(ws, ['', t('count'), t('rial'), t('toman')]);
  addDataRow(ws, [t('credits'), r.totals.creditCount, moneyCell(r.totals.creditRial), tomanCell(r.totals.creditRial)], [3, 4]);
  addDataRow(ws, [t('confirmed'), r.totals.confirmedCount, moneyCell(r.totals.confirmedRial), tomanCell(r.totals.confirmedRial)], [3, 4]);
  addDataRow(ws, [t('difference'), null, moneyCell(r.totals.differenceRial), tomanCell(r.totals.differenceRial)], [3, 4]);

  addSectionTitle(ws, t('matchedTitle'));
  addHeader(ws, [t('bankDay'), t('amountRial'), t('bankTrace'), t('howHeader'), t('receiptNo'), t('state'), t('giftDay'), t('giftTrace'), t('donor'), t('description')]);
  for (const m of r.matched)
    addDataRow(
      ws,
      [
        day(m.credit.bookedOn),
        moneyCell(m.credit.amountRial),
        m.credit.traceNumber,
        t(`how.${m.how}`),
        m.gift.receiptNo,
        t(`states.${m.gift.state}`),
        day(m.gift.paidAt),
        m.gift.traceNumber,
        m.gift.donorName ?? t('anonymous'),
        m.credit.description,
      ],
      [2],
    );

  addSectionTitle(ws, t('creditsWithoutGiftTitle'));
  addHeader(ws, [t('bankDay'), t('amountRial'), t('amountToman'), t('bankTrace'), t('description')]);
  for (const c of r.creditsWithoutGift) addDataRow(ws, [day(c.bookedOn), moneyCell(c.amountRial), tomanCell(c.amountRial), c.traceNumber, c.description], [2, 3]);
  if (!r.creditsWithoutGift.length) addDataRow(ws, [t('none')]);

  addSectionTitle(ws, t('giftsNotOnStatementTitle'));
  addHeader(ws, [t('giftDay'), t('amountRial'), t('amountToman'), t('receiptNo'), t('giftTrace'), t('donor')]);
  for (const g of r.giftsNotOnStatement)
    addDataRow(ws, [day(g.paidAt), moneyCell(g.amountRial), tomanCell(g.amountRial), g.receiptNo, g.traceNumber, g.donorName ?? t('anonymous')], [2, 3]);
  if (!r.giftsNotOnStatement.length) addDataRow(ws, [t('none')]);
  return wb;
}
