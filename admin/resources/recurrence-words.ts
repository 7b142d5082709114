/**
 * A duty's iCalendar RRULE (`FREQ=MONTHLY;BYMONTHDAY=25`, read on the Jalali calendar) in
 * words («ماهانه، روز ۲۵ هر ماه»): staff read when a duty comes round, not its rule.
 */
import type { Language } from '../../messenger/i18n.ts';
import { fillPlaceholders, localDigits, localeString } from '../locale/index.ts';

function words(lng: Language, key: string): string {
  return localeString(lng, 'admin-resources', `recurrence.${key}`) ?? '';
}

export function recurrenceInWords(rrule: string, lng: Language): string {
  const parts = new Map(rrule.split(';').map((p) => p.split('=') as [string, string]));
  const day = parts.get('BYMONTHDAY');
  const month = parts.get('BYMONTH');
  switch (parts.get('FREQ')) {
    case 'DAILY':
      return words(lng, 'daily');
    case 'WEEKLY':
      return words(lng, 'weekly');
    case 'MONTHLY':
      return day && /^\d+$/.test(day) ? fillPlaceholders(words(lng, 'monthlyOnDay'), { day: localDigits(lng, day) }) : words(lng, 'monthly');
    case 'YEARLY':
      return day && month && /^\d+$/.test(day) && words(lng, `months.m${Number(month)}`)
        ? fillPlaceholders(words(lng, 'yearlyOnDay'), { day: localDigits(lng, day), month: words(lng, `months.m${Number(month)}`) })
        : words(lng, 'yearly');
    default:
      return words(lng, 'other');
  }
}
