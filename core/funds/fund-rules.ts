/**
 * Which uses each fund may pay for. A gift given as zakat, kaffara, … is a trust
 * whose use the Sharia (or the donor's stated intent) fixes; the center may not
 * spend it elsewhere. A use is the NeedCategory the aid answers.
 *
 * The lists follow the common rulings of the maraji' as applied by Imdad; where
 * a ruling leaves room (e.g. zakat "in the way of God"), only uses that are aid
 * to a needy household are allowed, since that is all a center distributes.
 */
import type { AidKind, Fund, NeedCategory } from '../../prisma/generated/client/client.ts';

/** Everything a needy (faqir/miskin) household may receive for its living. */
const LIVING_OF_THE_POOR: readonly NeedCategory[] = [
  'FOOD',
  'CLOTHING',
  'HOUSEHOLD_GOODS',
  'HOUSING',
  'HEALTH',
  'EDUCATION',
  'EMPLOYMENT',
  'DOWRY_MARRIAGE',
  'ORPHAN_SUPPORT',
];

const ANY_USE: readonly NeedCategory[] = [...LIVING_OF_THE_POOR, 'DEBT_LOAN', 'LEGAL', 'COUNSELING', 'OTHER'];

export const RESTRICTED_FUNDS: readonly Fund[] = ['ZAKAT', 'FITRIYEH', 'KAFFARA', 'RADD_MAZALEM', 'ORPHANS', 'DOWRY', 'QARD_AL_HASAN'];

export const FUND_USES: Record<Fund, readonly NeedCategory[]> = {
  // Zakat goes to the eight groups of Quran 9:60; a center reaches the poor and the needy
  // (their living) and the indebted (gharimin, DEBT_LOAN). Not to services without a
  // recipient (LEGAL, COUNSELING) or unspecified uses (OTHER).
  ZAKAT: [...LIVING_OF_THE_POOR, 'DEBT_LOAN'],
  // Zakat al-fitr is the poor's sustenance at Eid: food first, then clothing and basic goods.
  FITRIYEH: ['FOOD', 'CLOTHING', 'HOUSEHOLD_GOODS'],
  // Kaffara (expiation) is discharged only by feeding or clothing the poor (Quran 5:89).
  KAFFARA: ['FOOD', 'CLOTHING'],
  // Radd al-mazalem (property of unknown owners) is given as alms to the poor on the owner's
  // behalf, with the marja's permission: the poor's living, not services or other uses.
  RADD_MAZALEM: [...LIVING_OF_THE_POOR],
  // Earmarked by the donor (intent binds the trustee): orphans' sponsorship only.
  ORPHANS: ['ORPHAN_SUPPORT'],
  // Earmarked: dowry and marriage of needy young people only.
  DOWRY: ['DOWRY_MARRIAGE'],
  // Interest-free loans: the money must come back to the fund, so it only lends (cash) for
  // debts and for starting work; never a grant for consumption.
  QARD_AL_HASAN: ['DEBT_LOAN', 'EMPLOYMENT'],
  // Unrestricted: general gifts and voluntary alms (sadaqa) may meet any need.
  GENERAL: ANY_USE,
  SADAQA: ANY_USE,
  // A vow binds to its wording; a vow without a stated use goes to any good cause. The
  // wording is on the donation's note, which the board must honour: not checkable here.
  NAZR: ANY_USE,
  // Thematic funds: the donor's stated theme.
  EMPLOYMENT: ['EMPLOYMENT'],
  HEALTH: ['HEALTH'],
  HOUSING: ['HOUSING'],
  EDUCATION: ['EDUCATION'],
};

/** Aid kinds a fund may pay out as: a loan fund lends money, it does not hand out goods. */
const FUND_KINDS: Partial<Record<Fund, readonly AidKind[]>> = {
  QARD_AL_HASAN: ['CASH'],
};

export function isRestrictedFund(fund: Fund): boolean {
  return RESTRICTED_FUNDS.includes(fund);
}

export function fundAllows(fund: Fund, use: NeedCategory, kind: AidKind): boolean {
  const kinds = FUND_KINDS[fund];
  if (kinds && !kinds.includes(kind)) return false;
  return FUND_USES[fund].includes(use);
}
