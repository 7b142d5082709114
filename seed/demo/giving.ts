/**
 * Pledges in every state (monthly and one-time; paid, partly paid, reported, missed,
 * cancelled, lapsed), the gifts that paid them, gifts without a pledge (cash, goods and
 * services; confirmed, waiting for review, rejected; some anonymous), two organisations'
 * earmarked gifts, and a confirmed gift reversed.
 *
 * Pledges, their installments and the gifts are written as rows as they were made and
 * reported (a gift names the installment it pays, so both are rows; through core each gift
 * would be another use-case call on the first start). Everything that happened to them is
 * core's: the finance officer confirms or rejects each gift at its moment (receipt numbers,
 * installments paid or partly paid, pledges fulfilled), donors cancel, the daily job marks
 * missed installments and lapses pledges, staff reverse a gift.
 */
import type { DonorActor, SystemActor } from '../../core/actor.ts';
import type { AidKind, Fund, PledgeState, Prisma } from '../../prisma/generated/client/client.ts';
import { addJalaliMonths } from '../../fixtures/values.ts';
import type { Centers } from './centers.ts';
import { centerId, DAY_MS, pad, weighted, type CenterNo, type Demo } from './context.ts';
import type { Donors } from './donors.ts';
import { createLedger, type FundLedger } from './ledger.ts';
import { staffActors } from './logins.ts';
import type { People } from './people.ts';
import type { Boards } from './trustees.ts';

const IN_KIND_ITEMS = [
  { item: 'برنج ایرانی', unit: 'کیسه ۱۰ کیلویی', unitPrice: 1_500_000, qty: [10, 40] },
  { item: 'روغن خوراکی', unit: 'بطری ۱.۵ لیتری', unitPrice: 200_000, qty: [20, 60] },
  { item: 'پتو', unit: 'عدد', unitPrice: 900_000, qty: [10, 30] },
  { item: 'لوازم‌التحریر دانش‌آموزی', unit: 'بسته', unitPrice: 400_000, qty: [20, 50] },
  { item: 'پوشاک زمستانی کودکان', unit: 'دست', unitPrice: 1_200_000, qty: [10, 30] },
  { item: 'بخاری گازی', unit: 'دستگاه', unitPrice: 8_500_000, qty: [2, 5] },
  { item: 'سبد غذایی', unit: 'بسته', unitPrice: 2_500_000, qty: [10, 40] },
] as const;

const SERVICES = [
  { text: 'ویزیت رایگان بیماران نیازمند در مطب', hours: [4, 8] },
  { text: 'ترمیم دندان کودکان خانوارهای تحت حمایت', hours: [3, 6] },
  { text: 'کلاس تقویتی ریاضی پایه نهم', hours: [8, 16] },
  { text: 'مشاوره حقوقی خانواده', hours: [3, 6] },
  { text: 'لوله‌کشی و تعمیر آبگرمکن منزل مددجو', hours: [2, 4] },
] as const;

const REJECT_REASONS = [
  'مبلغ اعلام‌شده با واریزی حساب صندوق امداد ولایت مطابقت ندارد.',
  'شماره پیگیری نامعتبر است و واریزی در صورتحساب صندوق یافت نشد.',
  'تصویر رسید خوانا نیست؛ لطفاً رسید واضح‌تری ارسال کنید.',
];

/** The daily job that marks missed installments and lapses pledges (jobs/reminders). */
const INSTALLMENTS_JOB: SystemActor = { kind: 'system', job: 'installments' };

/** Returns the cash the centers' funds hold over time (confirmed gifts, the reversal). */
export function buildGiving(demo: Demo, people: People, centers: Centers, boards: Boards, donors: Donors, chatOf: Map<string, string>): FundLedger {
  const { rng, rows, today, at, day, past } = demo;
  const ledger = createLedger();
  let donationNo = 0;
  /** A gift as reported; confirmed or rejected through core by the center's finance officer at its moment. */
  const donation = (
    no: CenterNo,
    state: 'REPORTED' | 'CONFIRMED' | 'REJECTED',
    kind: AidKind,
    fund: Fund,
    paidAt: Date,
    what: {
      amountRial?: bigint;
      item?: (typeof IN_KIND_ITEMS)[number];
      qty?: number;
      service?: (typeof SERVICES)[number];
      hours?: number;
    },
    extra: Partial<Prisma.DonationCreateManyInput> = {},
  ) => {
    const id = `demo_donation_${pad(++donationNo, 3)}`;
    const donorId = extra.donorId === undefined ? null : extra.donorId;
    const chat = donorId && donors.personOf(donorId) ? chatOf.get(donors.personOf(donorId)!) : undefined;
    const viaBot = !!chat && rng.chance(0.75);
    const createdAt = past(new Date(paidAt.getTime() + rng.int(10, 300) * 60_000));
    const row: Prisma.DonationCreateManyInput = {
      id,
      centerId: centerId(no),
      kind,
      fund,
      state: 'REPORTED',
      paidAt,
      idempotencyKey: `demo-donation-${pad(donationNo, 3)}`,
      reportedViaChatAccountId: viaBot ? chat : null,
      createdAt,
      ...extra,
    };
    if (kind === 'CASH') {
      Object.assign(row, {
        amountRial: what.amountRial!,
        sandoghAccountNo: centers.accountOf(no)!,
        traceNumber: extra.traceNumber === undefined ? rng.digits(12) : extra.traceNumber,
        cardLast4: extra.cardLast4 === undefined ? rng.digits(4) : extra.cardLast4,
      });
    } else if (kind === 'IN_KIND') {
      const item = what.item!;
      const qty = what.qty ?? rng.int(item.qty[0], item.qty[1]);
      Object.assign(row, {
        itemDescription: item.item,
        quantity: qty,
        unit: item.unit,
        estimatedValueRial: BigInt(item.unitPrice * qty),
      });
    } else {
      const service = what.service!;
      Object.assign(row, {
        serviceDescription: service.text,
        serviceHours: what.hours ?? rng.int(service.hours[0], service.hours[1]),
      });
    }
    rows.donations.push(row);
    // Decided by the center's finance officer a few hours to a day and a half after the report.
    const decidedAt = past(new Date(createdAt.getTime() + rng.int(2, 40) * 3_600_000));
    const officer = boards.actor(no, 'ADMIN_FINANCE');
    if (state === 'CONFIRMED') {
      demo.later(decidedAt, (core) => core.giving.confirmDonation(officer, { donationId: id }));
      if (kind === 'CASH') ledger.move(no, fund, decidedAt, what.amountRial!);
    }
    if (state === 'REJECTED') {
      const reason = rng.pick(REJECT_REASONS);
      demo.later(decidedAt, (core) => core.giving.rejectDonation(officer, { donationId: id, reason }));
    }
    return { id, decidedAt, row };
  };

  interface PledgeSpec {
    no: CenterNo;
    donor: string;
    kind: AidKind;
    fund: Fund;
    /** What the pledge comes to (core's doing: the confirmations fulfil it, the daily job lapses it). */
    state: PledgeState;
    /** Installments; 1 for a one-time pledge. */
    count: number;
    /** CASH: per installment. */
    per?: bigint;
    item?: (typeof IN_KIND_ITEMS)[number];
    qty?: number;
    service?: (typeof SERVICES)[number];
    hours?: number;
    /** Installments already due, and how many days ago the last of them fell due. */
    due: number;
    lastDueDaysAgo: number;
    /** CANCELLED / LAPSED: installments paid before it stopped. */
    paid?: number;
    /** ACTIVE: what happened to the last due installment (left unpaid, it is missed the day after). */
    lastDue?: 'PENDING' | 'PARTIAL' | 'REPORTED';
    reason?: string;
  }
  let pledgeNo = 0;
  const pledge = (p: PledgeSpec) => {
    const id = `demo_pledge_${pad(++pledgeNo, 2)}`;
    const monthly = p.count > 1;
    // The last installment already due fell `lastDueDaysAgo` days ago; earlier ones one Jalali
    // month apart before it (a negative lastDueDaysAgo with due = 0: the first is still ahead).
    const anchorDay = day(-p.lastDueDaysAgo);
    const firstDueOn = p.due > 0 ? addJalaliMonths(anchorDay, -(p.due - 1)) : anchorDay;
    const dueOn = (seq: number) => addJalaliMonths(firstDueOn, seq - 1);
    const createdAt = at(Math.round((firstDueOn.getTime() - today.getTime()) / DAY_MS) - rng.int(3, 15), rng.int(9, 21));
    const row: Prisma.PledgeCreateManyInput = {
      id,
      donorId: p.donor,
      centerId: centerId(p.no),
      kind: p.kind,
      fund: p.fund,
      schedule: monthly ? 'MONTHLY' : 'ONE_TIME',
      installmentCount: p.count,
      firstDueOn,
      state: 'ACTIVE',
      createdAt,
    };
    if (p.kind === 'CASH') row.amountRial = p.per! * BigInt(p.count);
    if (p.kind === 'IN_KIND')
      Object.assign(row, {
        itemDescription: p.item!.item,
        quantity: p.qty!,
        unit: p.item!.unit,
        estimatedValueRial: BigInt(p.item!.unitPrice * p.qty!),
      });
    if (p.kind === 'SERVICE') Object.assign(row, { serviceDescription: p.service!.text, serviceHours: p.hours! });
    rows.pledges.push(row);

    for (let seq = 1; seq <= p.count; seq++) {
      const due = dueOn(seq);
      const inst: Prisma.PledgeInstallmentCreateManyInput = {
        id: `${id.replace('pledge', 'installment')}_${pad(seq, 2)}`,
        pledgeId: id,
        seq,
        dueOn: due,
        scheduledAmountRial: p.kind === 'CASH' ? p.per! : null,
        state: 'PENDING',
        createdAt,
      };
      rows.installments.push(inst);
      const paidLimit = p.state === 'ACTIVE' || p.state === 'FULFILLED' ? p.due : (p.paid ?? 0);
      if (seq > p.due) continue;
      // The reminders the job sent about it, as the reminders job keeps them.
      const reminded = (count: number, when: Date) => Object.assign(inst, { reminderCount: count, lastRemindedAt: when });
      if (seq > paidLimit) {
        if (p.state === 'LAPSED') reminded(3, at(Math.round((due.getTime() - today.getTime()) / DAY_MS) + 5, 9));
        continue;
      }
      const pay = (amount: bigint | undefined, state: 'CONFIRMED' | 'REPORTED') => {
        const paidAt = past(
          at(Math.round((due.getTime() - today.getTime()) / DAY_MS) + rng.int(0, 2), rng.int(8, 22), rng.int(0, 59)),
        );
        donation(
          p.no,
          state,
          p.kind,
          p.fund,
          paidAt,
          { amountRial: amount, item: p.item, qty: p.qty, service: p.service, hours: p.hours },
          { donorId: p.donor, pledgeId: id, installmentId: inst.id },
        );
      };
      const last = seq === p.due && p.state === 'ACTIVE' ? p.lastDue : undefined;
      if (last === 'PENDING') {
        reminded(2, at(-1, 9));
      } else if (last === 'REPORTED') {
        pay(p.per, 'REPORTED');
        reminded(1, at(-p.lastDueDaysAgo, 9));
      } else if (last === 'PARTIAL') {
        pay(p.per! / 2n, 'CONFIRMED');
        reminded(1, at(-1, 9));
      } else {
        pay(p.per, 'CONFIRMED');
      }
    }
    const donor: DonorActor = { kind: 'donor', donorId: p.donor };
    if (p.state === 'CANCELLED') {
      // After the last paid installment, or a few days after pledging when nothing was paid.
      const cancelledAt =
        (p.paid ?? 0) > 0
          ? at(Math.round((dueOn(p.paid!).getTime() - today.getTime()) / DAY_MS) + 6, 17)
          : new Date(createdAt.getTime() + 4 * DAY_MS);
      demo.later(past(cancelledAt), (core) => core.giving.cancelPledge(donor, { pledgeId: id, reason: p.reason ?? 'انصراف خیر' }));
    }
    // The daily job's run the night after the last installment was missed: the pledge lapses.
    if (p.state === 'LAPSED') demo.later(past(at(-p.lastDueDaysAgo + 1, 3)), (core) => core.giving.markMissedInstallments(INSTALLMENTS_JOB));
  };
  const dn = (no: CenterNo, i: number) => {
    const list = donors.of(no);
    return list[i % list.length]!;
  };
  const M = (rials: number) => BigInt(rials);
  // Three missed installments in a row lapse a pledge (core's pledgeLapseAfterMissed).
  // prettier-ignore
  const PLEDGES: PledgeSpec[] = [
    // monthly
    { no: 1, donor: dn(1, 0), kind: 'CASH', fund: 'ORPHANS', state: 'ACTIVE', count: 12, per: M(2_000_000), due: 3, lastDueDaysAgo: 4, lastDue: 'PENDING' },
    { no: 1, donor: dn(1, 1), kind: 'CASH', fund: 'GENERAL', state: 'FULFILLED', count: 3, per: M(2_000_000), due: 3, lastDueDaysAgo: 40 },
    { no: 1, donor: dn(1, 2), kind: 'CASH', fund: 'QARD_AL_HASAN', state: 'LAPSED', count: 10, per: M(5_000_000), due: 4, lastDueDaysAgo: 12, paid: 1 },
    { no: 1, donor: dn(1, 3), kind: 'CASH', fund: 'SADAQA', state: 'ACTIVE', count: 12, per: M(500_000), due: 3, lastDueDaysAgo: 2, lastDue: 'REPORTED' },
    { no: 2, donor: dn(2, 0), kind: 'CASH', fund: 'DOWRY', state: 'ACTIVE', count: 12, per: M(3_000_000), due: 1, lastDueDaysAgo: 15 },
    { no: 2, donor: dn(2, 1), kind: 'CASH', fund: 'EDUCATION', state: 'ACTIVE', count: 9, per: M(1_500_000), due: 1, lastDueDaysAgo: 8 },
    { no: 2, donor: dn(2, 2), kind: 'CASH', fund: 'GENERAL', state: 'ACTIVE', count: 12, per: M(1_000_000), due: 0, lastDueDaysAgo: -9 },
    { no: 4, donor: dn(4, 0), kind: 'CASH', fund: 'GENERAL', state: 'ACTIVE', count: 12, per: M(1_000_000), due: 3, lastDueDaysAgo: 3, lastDue: 'PARTIAL' },
    { no: 4, donor: dn(4, 1), kind: 'CASH', fund: 'HOUSING', state: 'CANCELLED', count: 6, per: M(4_000_000), due: 5, lastDueDaysAgo: 10, paid: 1, reason: 'خیر به دلیل مشکلات مالی از ادامه تعهد انصراف داد' },
    { no: 4, donor: dn(4, 2), kind: 'CASH', fund: 'EMPLOYMENT', state: 'LAPSED', count: 6, per: M(2_500_000), due: 4, lastDueDaysAgo: 9, paid: 1 },
    { no: 4, donor: dn(4, 3), kind: 'CASH', fund: 'ORPHANS', state: 'ACTIVE', count: 12, per: M(1_000_000), due: 1, lastDueDaysAgo: 20 },
    // one-time
    { no: 1, donor: dn(1, 4), kind: 'CASH', fund: 'ZAKAT', state: 'FULFILLED', count: 1, per: M(15_000_000), due: 1, lastDueDaysAgo: 33 },
    { no: 1, donor: dn(1, 5), kind: 'IN_KIND', fund: 'GENERAL', state: 'ACTIVE', count: 1, item: IN_KIND_ITEMS[6], qty: 20, due: 0, lastDueDaysAgo: -10 },
    { no: 1, donor: dn(1, 6), kind: 'SERVICE', fund: 'HEALTH', state: 'ACTIVE', count: 1, service: SERVICES[0], hours: 10, due: 0, lastDueDaysAgo: -5 },
    { no: 1, donor: dn(1, 7), kind: 'CASH', fund: 'KAFFARA', state: 'ACTIVE', count: 1, per: M(2_400_000), due: 0, lastDueDaysAgo: -3 },
    { no: 2, donor: dn(2, 3), kind: 'CASH', fund: 'RADD_MAZALEM', state: 'CANCELLED', count: 1, per: M(8_000_000), due: 0, lastDueDaysAgo: -14, reason: 'خیر ترجیح داد مبلغ را مستقیماً به حساب کمیته امداد واریز کند' },
    { no: 2, donor: donors.ids[47]!, kind: 'IN_KIND', fund: 'GENERAL', state: 'FULFILLED', count: 1, item: IN_KIND_ITEMS[5], qty: 4, due: 1, lastDueDaysAgo: 50 },
    { no: 4, donor: dn(4, 4), kind: 'CASH', fund: 'FITRIYEH', state: 'FULFILLED', count: 1, per: M(4_500_000), due: 1, lastDueDaysAgo: 70 },
    { no: 4, donor: dn(4, 5), kind: 'SERVICE', fund: 'GENERAL', state: 'ACTIVE', count: 1, service: SERVICES[3], hours: 8, due: 0, lastDueDaysAgo: -12 },
    { no: 4, donor: dn(4, 6), kind: 'CASH', fund: 'SADAQA', state: 'ACTIVE', count: 1, per: M(3_000_000), due: 1, lastDueDaysAgo: 45, lastDue: 'PENDING' },
    { no: 3, donor: dn(3, 0), kind: 'CASH', fund: 'NAZR', state: 'FULFILLED', count: 1, per: M(3_000_000), due: 1, lastDueDaysAgo: 60 },
  ];
  PLEDGES.forEach(pledge);
  // The job's run at the start of today: what fell due before it and is unpaid is missed.
  demo.later(at(0, 0, 0), (core) => core.giving.markMissedInstallments(INSTALLMENTS_JOB));

  // --- Gifts without a pledge ----------------------------------------------------------
  const cashAmount = () => (rng.chance(0.2) ? rng.rial(10_000_000, 50_000_000, 1_000_000) : rng.rial(500_000, 5_000_000));
  const giftFunds: readonly (readonly [Fund, number])[] = [
    ['GENERAL', 30],
    ['SADAQA', 15],
    ['ZAKAT', 10],
    ['NAZR', 8],
    ['ORPHANS', 10],
    ['RADD_MAZALEM', 5],
    ['KAFFARA', 4],
    ['HEALTH', 6],
    ['EDUCATION', 6],
    ['DOWRY', 3],
    ['QARD_AL_HASAN', 3],
  ];
  // Enough for each center's books and reports: every confirmation is a use-case call on the
  // first start (some 15 statements), the bulk of the seed's time.
  const gifts: [CenterNo, 'REPORTED' | 'CONFIRMED' | 'REJECTED', AidKind, number][] = [
    // center, state, kind, how many
    [1, 'CONFIRMED', 'CASH', 3],
    [1, 'CONFIRMED', 'IN_KIND', 1],
    [1, 'CONFIRMED', 'SERVICE', 1],
    [1, 'REPORTED', 'CASH', 3],
    [1, 'REPORTED', 'IN_KIND', 1],
    [1, 'REJECTED', 'CASH', 1],
    [2, 'CONFIRMED', 'CASH', 2],
    [2, 'REPORTED', 'CASH', 2],
    [2, 'REJECTED', 'CASH', 1],
    [4, 'CONFIRMED', 'CASH', 2],
    [4, 'CONFIRMED', 'SERVICE', 1],
    [4, 'REPORTED', 'CASH', 2],
    [4, 'REPORTED', 'SERVICE', 1],
    [4, 'REJECTED', 'CASH', 1],
    [3, 'CONFIRMED', 'CASH', 1],
  ];
  let toReverse: { id: string; decidedAt: Date; row: Prisma.DonationCreateManyInput } | null = null;
  for (const [no, state, kind, n] of gifts) {
    for (let i = 0; i < n; i++) {
      // Reported gifts are recent (waiting in the queue); the suspended center's are older.
      const daysAgo = state === 'REPORTED' ? rng.int(1, 5) : no === 3 ? rng.int(25, 200) : rng.int(2, 200);
      const paidAt = at(-daysAgo, rng.int(8, 22), rng.int(0, 59));
      const anonymousGift = kind === 'CASH' && state === 'CONFIRMED' && rng.chance(0.12);
      const donorId = anonymousGift ? null : rng.chance(0.75) ? rng.pick(donors.of(no)) : rng.pick(donors.ids);
      const gift = donation(
        no,
        state,
        kind,
        kind === 'CASH' ? weighted(rng, giftFunds) : kind === 'SERVICE' ? 'HEALTH' : 'GENERAL',
        paidAt,
        { amountRial: cashAmount(), item: rng.pick(IN_KIND_ITEMS), service: rng.pick(SERVICES) },
        anonymousGift
          ? {
              donorId: null,
              traceNumber: null,
              cardLast4: null,
              note: 'وجه نقد صندوق صدقات مسجد که به حساب صندوق امداد ولایت واریز شد',
            }
          : { donorId },
      );
      if (!toReverse && no === 1 && state === 'CONFIRMED' && kind === 'CASH' && gift.row.donorId) toReverse = gift;
    }
  }

  // Gifts of the organisations, which the distributions draw on (the heyat's vow pays for an
  // operation above the amount the chair must approve).
  donation(1, 'CONFIRMED', 'CASH', 'GENERAL', at(-90, 12, 30), { amountRial: 30_000_000n }, { donorId: donors.ids[44]! });
  donation(
    4,
    'CONFIRMED',
    'CASH',
    'GENERAL',
    at(-75, 9, 45),
    { amountRial: 30_000_000n },
    { donorId: donors.ids[49]!, note: 'کمک شرکت برای سبد غذایی و نیازهای فوری خانوارهای محله' },
  );
  donation(
    1,
    'CONFIRMED',
    'CASH',
    'HEALTH',
    at(-26, 18, 40),
    { amountRial: 90_000_000n },
    { donorId: donors.ids[46]!, note: 'نذر هیئت برای درمان بیماران محله' },
  );
  donation(2, 'CONFIRMED', 'CASH', 'GENERAL', at(-33, 11, 15), { amountRial: 25_000_000n }, { donorId: donors.ids[45]! });

  // One confirmed gift turned out to be reported twice: the county office reverses it.
  const reversed = toReverse!;
  const reversedAt = past(new Date(reversed.decidedAt.getTime() + 2 * DAY_MS));
  ledger.move(1, reversed.row.fund, reversedAt, -BigInt(reversed.row.amountRial as bigint));
  const county = staffActors(demo, people).mashhad;
  demo.later(reversedAt, (core) =>
    core.giving.reverseDonation(county, {
      donationId: reversed.id,
      reason: 'واریز تکراری: همین واریز با شماره پیگیری یکسان دو بار ثبت و تأیید شده بود',
    }),
  );
  return ledger;
}
