import { describe, expect, it } from 'vitest';
import { FUND_USES, RESTRICTED_FUNDS, fundAllows } from '../../../core/funds/fund-rules.ts';
import { Fund, NeedCategory } from '../../../prisma/generated/client/enums.ts';

describe('fund rules', () => {
  it('every fund has a rule', () => {
    for (const f of Object.values(Fund)) expect(FUND_USES[f].length).toBeGreaterThan(0);
  });

  it('restricted funds go only to their uses', () => {
    expect(fundAllows('KAFFARA', 'FOOD', 'CASH')).toBe(true);
    expect(fundAllows('KAFFARA', 'CLOTHING', 'IN_KIND')).toBe(true);
    expect(fundAllows('KAFFARA', 'HOUSING', 'CASH')).toBe(false);
    expect(fundAllows('FITRIYEH', 'HEALTH', 'CASH')).toBe(false);
    expect(fundAllows('ORPHANS', 'ORPHAN_SUPPORT', 'CASH')).toBe(true);
    expect(fundAllows('ORPHANS', 'DOWRY_MARRIAGE', 'CASH')).toBe(false);
    expect(fundAllows('DOWRY', 'DOWRY_MARRIAGE', 'IN_KIND')).toBe(true);
    expect(fundAllows('DOWRY', 'FOOD', 'CASH')).toBe(false);
    expect(fundAllows('ZAKAT', 'DEBT_LOAN', 'CASH')).toBe(true);
    expect(fundAllows('ZAKAT', 'OTHER', 'CASH')).toBe(false);
    expect(fundAllows('RADD_MAZALEM', 'COUNSELING', 'SERVICE')).toBe(false);
    // A loan fund lends money: no goods or services out of it.
    expect(fundAllows('QARD_AL_HASAN', 'DEBT_LOAN', 'CASH')).toBe(true);
    expect(fundAllows('QARD_AL_HASAN', 'DEBT_LOAN', 'IN_KIND')).toBe(false);
    expect(fundAllows('QARD_AL_HASAN', 'FOOD', 'CASH')).toBe(false);
  });

  it('no restricted fund allows every use; general funds do', () => {
    const all = Object.values(NeedCategory);
    for (const f of RESTRICTED_FUNDS) expect(all.every((c) => FUND_USES[f].includes(c))).toBe(false);
    for (const f of ['GENERAL', 'SADAQA'] as const) expect(all.every((c) => fundAllows(f, c, 'CASH'))).toBe(true);
  });
});
