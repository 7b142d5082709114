/**
 * Aid handed to households out of the centers' funds, through core: cash, goods and a
 * service recorded by the vice-chair (or by the county office for a household of another
 * center's area, rule 8) and handed over; one approved and not yet handed over; one above the
 * amount the chair must approve, waiting for the chair; one the chair refused. Each answers a
 * recorded need (or names the use) the fund may pay for, and cash never exceeds what the
 * fund holds at that moment or leaves a later spending short.
 */
import { fundAllows } from '../../core/funds/fund-rules.ts';
import type { AidKind, Fund, NeedCategory } from '../../prisma/generated/client/client.ts';
import type { Households } from './beneficiaries.ts';
import { centerId, type CenterNo, type Demo } from './context.ts';
import type { FundLedger } from './ledger.ts';
import { staffActors } from './logins.ts';
import type { People } from './people.ts';
import type { Boards } from './trustees.ts';

/** Funds whose money may meet any need, richest first when the one asked for is short. */
const UNRESTRICTED: readonly Fund[] = ['GENERAL', 'SADAQA', 'NAZR'];
/** core's default distributionApprovalAboveRial: above it, the chair approves. */
const CHAIR_APPROVES_ABOVE = 50_000_000n;

type Outcome = 'DISTRIBUTED' | 'APPROVED' | 'AWAITING_CHAIR' | 'REFUSED_BY_CHAIR';

interface Aid {
  cash?: [Fund, number];
  item?: [string, number, string, number];
  service?: [string, number];
  /** The uses the aid is for, best first: a recorded need of one of them is answered. */
  for: NeedCategory[];
}

export function buildDistributions(demo: Demo, people: People, households: Households, boards: Boards, ledger: FundLedger): void {
  const { at } = demo;
  const county = staffActors(demo, people).mashhad;
  const distribute = (from: CenterNo, beneficiaryId: string, outcome: Outcome, daysAgo: number, aid: Aid, note?: string) => {
    const createdAt = at(-daysAgo, 10);
    const kind: AidKind = aid.cash ? 'CASH' : aid.item ? 'IN_KIND' : 'SERVICE';
    let fund: Fund = aid.cash?.[0] ?? (aid.service ? 'HEALTH' : 'GENERAL');
    let amountRial: bigint | undefined;
    if (aid.cash) {
      // Spend at most 80% of what the fund can spare; when it is short, the richest unrestricted fund.
      const wanted = BigInt(aid.cash[1]);
      if (ledger.spendable(from, fund, createdAt) < wanted)
        fund = UNRESTRICTED.reduce((best, f) => (ledger.spendable(from, f, createdAt) > ledger.spendable(from, best, createdAt) ? f : best));
      const cap = ((ledger.spendable(from, fund, createdAt) * 8n) / 10n / 100_000n) * 100_000n;
      amountRial = wanted < cap ? wanted : cap;
      if (amountRial <= 0n) throw new Error(`demo: center ${from} has no ${fund} money to distribute`);
      // Approved money is spent; money waiting for the chair is kept for the day the chair approves.
      ledger.move(from, fund, outcome === 'AWAITING_CHAIR' ? demo.day(1) : createdAt, -amountRial);
    }
    const value = amountRial ?? (aid.item ? BigInt(aid.item[3]) : 0n);
    // Core alone decides whether the chair must approve: the amounts must agree with the story.
    if ((outcome === 'AWAITING_CHAIR' || outcome === 'REFUSED_BY_CHAIR') !== value > CHAIR_APPROVES_ABOVE)
      throw new Error(`demo: a distribution of ${value} Rials from center ${from} cannot end ${outcome}`);
    const allowed = (use: NeedCategory) => fundAllows(fund, use, kind);
    const open = households.needsOf(beneficiaryId).filter((n) => (n.state === 'OPEN' || n.state === 'IN_PROGRESS') && allowed(n.category));
    const need = aid.for.flatMap((use) => open.filter((n) => n.category === use))[0] ?? open[0];
    const purpose = need ? undefined : aid.for.find(allowed);
    const outOfArea = households.centerOf(beneficiaryId) !== from;
    const by = outOfArea ? county : boards.actor(from, 'VICE_CHAIR');
    const made = { id: '' };
    demo.later(createdAt, async (core) => {
      const input = {
        centerId: centerId(from),
        beneficiaryId,
        needId: need?.id,
        purpose,
        fund,
        kind,
        amountRial,
        ...(aid.item ? { itemDescription: aid.item[0], quantity: aid.item[1], unit: aid.item[2], estimatedValueRial: BigInt(aid.item[3]) } : {}),
        ...(aid.service ? { serviceDescription: aid.service[0], serviceHours: aid.service[1] } : {}),
        note,
      };
      ({ id: made.id } = await core.funds.createDistribution(by, input));
    });
    if (outcome === 'DISTRIBUTED')
      demo.later(at(-daysAgo + 2, 16), (core) => core.funds.markDistributed(by, { distributionId: made.id, needMet: kind !== 'CASH' }));
    if (outcome === 'REFUSED_BY_CHAIR')
      demo.later(at(-daysAgo + 3, 11), async (core) => {
        const chair = boards.actor(from, 'CHAIR');
        const waiting = await core.approvals.listPendingDecisions(chair);
        const request = waiting.find((w) => w.type === 'request' && w.distribution?.distributionId === made.id)!;
        return core.approvals.decide(chair, {
          requestId: request.id,
          decision: 'REJECT',
          reason: 'خانوار از سوی کمیته امداد تحت پوشش مستمری قرار گرفت',
        });
      });
  };
  const household = households.ben;
  distribute(1, household(1, 0), 'DISTRIBUTED', 40, { cash: ['GENERAL', 5_000_000], for: ['FOOD', 'HOUSING', 'DEBT_LOAN', 'CLOTHING'] });
  distribute(1, household(1, 2), 'DISTRIBUTED', 28, { cash: ['ORPHANS', 3_000_000], for: ['ORPHAN_SUPPORT'] });
  distribute(1, household(1, 3), 'DISTRIBUTED', 20, { item: ['سبد غذایی', 2, 'بسته', 5_000_000], for: ['FOOD', 'HOUSEHOLD_GOODS', 'CLOTHING'] });
  distribute(1, household(1, 4), 'APPROVED', 4, { cash: ['GENERAL', 4_000_000], for: ['FOOD', 'HOUSING', 'DEBT_LOAN', 'CLOTHING'] });
  distribute(
    1,
    household(1, 5),
    'AWAITING_CHAIR',
    2,
    { cash: ['HEALTH', 60_000_000], for: ['HEALTH'] },
    'هزینه عمل جراحی چشم سرپرست خانوار؛ بیش از سقف تأیید خودکار، منتظر تأیید رئیس هیئت امنا',
  );
  distribute(
    2,
    household(1, 6),
    'DISTRIBUTED',
    15,
    { cash: ['GENERAL', 8_000_000], for: ['FOOD', 'HOUSING', 'DEBT_LOAN', 'CLOTHING'] },
    'کمک مرکز محله برخوردار به خانوار محله کم‌برخوردار با هماهنگی اداره شهرستان (بند ۸)',
  );
  distribute(2, household(2, 0), 'DISTRIBUTED', 10, { service: ['ویزیت رایگان پزشک عمومی و نسخه دارو', 2], for: ['HEALTH', 'COUNSELING'] });
  distribute(4, household(4, 2), 'DISTRIBUTED', 35, { cash: ['GENERAL', 3_000_000], for: ['FOOD', 'HOUSING', 'DEBT_LOAN', 'CLOTHING'] });
  distribute(4, household(4, 4), 'DISTRIBUTED', 60, { item: ['بخاری گازی', 1, 'دستگاه', 8_500_000], for: ['HOUSEHOLD_GOODS'] });
  distribute(4, household(4, 5), 'REFUSED_BY_CHAIR', 25, { item: ['جهیزیه کامل (یخچال، اجاق گاز، فرش و ظروف)', 1, 'سری', 65_000_000], for: ['DOWRY_MARRIAGE', 'HOUSEHOLD_GOODS'] });
}
