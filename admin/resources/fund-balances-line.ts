/** A center's fund balances as one line people read: each fund by name, in Toman. */
import type { FundBalance } from '../../core/funds/fund-balance.ts';
import { formatToman } from '../../messenger/format.ts';
import type { Language } from '../../messenger/i18n.ts';
import { valueLabel } from './messages.ts';

export function fundBalancesLine(funds: readonly FundBalance[], lng: Language): string {
  // A center whose funds were never touched has nothing in them.
  if (funds.length === 0) return formatToman(0n, lng);
  const separator = lng === 'fa' ? '؛ ' : '; ';
  return funds.map((f) => `${valueLabel(lng, 'Distribution', 'fund', f.fund)}: ${formatToman(f.balanceRial, lng)}`).join(separator);
}
