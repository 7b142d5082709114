/**
 * Exact row counts of the panel's donation list when it is filtered to booked gifts
 * (state CONFIRMED or REVERSED; optionally also by center, fund and whole Jalali months of
 * paidAt), read from DonationMonthTotal -- which the database keeps in step with every
 * donation write (prisma/schema/giving.prisma) -- instead of count(*) over the matching
 * rows: "state = CONFIRMED" matches nine gifts in ten, so on 1,000,000 donations every page
 * view would count about 900,000 rows (benchmark 3, bench/admin-list.ts). Any other filter
 * (or scope) returns null and the list counts the rows as before.
 */
import { startsJalaliMonth } from '../../core/reports/shared.ts';
import type { Db } from '../../prisma/client.ts';
import type { Fund, Prisma } from '../../prisma/generated/client/client.ts';

type Where = Record<string, unknown>;
type Condition = Prisma.DonationMonthTotalWhereInput;

const BOOKED = new Set(['CONFIRMED', 'REVERSED']);

function isRecord(v: unknown): v is Where {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** A paidAt range of whole Jalali months as a monthStartsAt condition (null: not whole months). */
function monthsOf(range: unknown): Condition | null {
  if (!isRecord(range) || Object.keys(range).some((k) => k !== 'gte' && k !== 'lte')) return null;
  const { gte, lte } = range;
  if ((gte !== undefined && !(gte instanceof Date)) || (lte !== undefined && !(lte instanceof Date))) return null;
  // The panel's date filter sends the last millisecond of the last day as `lte`.
  const end = lte ? new Date(lte.getTime() + 1) : undefined;
  if ((gte && !startsJalaliMonth(gte)) || (end && !startsJalaliMonth(end))) return null;
  return { monthStartsAt: { ...(gte ? { gte } : {}), ...(end ? { lt: end } : {}) } };
}

/** One part of the list's filter (or of the login's scope) as a condition on the totals. */
function conditionOf(part: Where): Condition | null {
  const keys = Object.keys(part);
  if (keys.length !== 1) return null;
  const key = keys[0]!;
  const value = part[key];
  switch (key) {
    case 'state':
      return typeof value === 'string' && BOOKED.has(value) ? { state: value as 'CONFIRMED' | 'REVERSED' } : null;
    case 'centerId':
      return typeof value === 'string' ? { centerId: value } : null;
    case 'fund':
      return typeof value === 'string' ? { fund: value as Fund } : null; // checked against the enum by the list's filter
    case 'paidAt':
      return monthsOf(value);
    case 'center': {
      // A county's scope: { center: { countyId } }.
      if (!isRecord(value) || Object.keys(value).length !== 1 || typeof value.countyId !== 'string') return null;
      return { center: { countyId: value.countyId } };
    }
    default:
      return null;
  }
}

/**
 * The count of donations matching the login's `scope` and the list's `filters` ({ AND: [...] }),
 * or null when the totals cannot answer it exactly (no booked-state filter, or another filter).
 */
export async function countFromMonthTotals(db: Db, scope: Where | null, filters: Where): Promise<number | null> {
  const parts = Array.isArray(filters.AND) ? (filters.AND as unknown[]) : [filters];
  const conditions: Condition[] = [];
  for (const part of [...(scope ? [scope] : []), ...parts]) {
    const condition = isRecord(part) ? conditionOf(part) : null;
    if (!condition) return null;
    conditions.push(condition);
  }
  if (!conditions.some((c) => 'state' in c)) return null;
  const total = await db.donationMonthTotal.aggregate({ where: { AND: conditions }, _sum: { count: true } });
  return total._sum.count ?? 0;
}
