/**
 * Beneficiary households of four centers with their needs (some routed to a network, some
 * met), two of them self-sufficient and two closed; and "employment first": plans with
 * their follow-ups, one ending in a job.
 */
import type { Gender, NeedCategory, NeedPriority, NeedState, NetworkKind, Prisma } from '../../prisma/generated/client/client.ts';
import { faDigits } from '../../fixtures/values.ts';
import type { Centers } from './centers.ts';
import { centerId, pad, weighted, type CenterNo, type CountyKey, type Demo } from './context.ts';
import type { People } from './people.ts';
import type { Boards } from './trustees.ts';
import { networkId, type Networks } from './volunteers.ts';

const NEED_CATALOG: Record<NeedCategory, { texts: string[]; cost: [number, number] | null }> = {
  FOOD: { texts: ['سبد غذایی ماهانه', 'تأمین اقلام غذایی ماه رمضان', 'شیرخشک نوزاد'], cost: [3_000_000, 12_000_000] },
  CLOTHING: { texts: ['پوشاک زمستانی کودکان', 'کفش و لباس مدرسه'], cost: [2_000_000, 8_000_000] },
  HOUSEHOLD_GOODS: { texts: ['یخچال', 'بخاری گازی', 'فرش و پتو', 'ماشین لباسشویی'], cost: [8_000_000, 45_000_000] },
  HOUSING: { texts: ['کمک به ودیعه مسکن', 'تعمیر سقف و عایق‌کاری منزل', 'اجاره‌بهای معوق'], cost: [20_000_000, 50_000_000] },
  HEALTH: {
    texts: ['هزینه عمل جراحی چشم', 'داروی ماهانه بیماری دیابت', 'سمعک برای سالمند خانواده', 'هزینه دندانپزشکی'],
    cost: [5_000_000, 50_000_000],
  },
  EDUCATION: {
    texts: ['لوازم‌التحریر و شهریه مدرسه', 'کلاس تقویتی کنکور', 'لپ‌تاپ برای دانشجوی خانواده'],
    cost: [2_000_000, 30_000_000],
  },
  EMPLOYMENT: {
    texts: ['تهیه چرخ خیاطی صنعتی', 'معرفی سرپرست خانوار به کار', 'ابزار کار برای شروع کسب‌وکار خانگی'],
    cost: [10_000_000, 50_000_000],
  },
  DOWRY_MARRIAGE: { texts: ['جهیزیه دختر خانواده', 'کمک هزینه مراسم ازدواج'], cost: [30_000_000, 50_000_000] },
  ORPHAN_SUPPORT: { texts: ['حمایت ماهانه از فرزندان یتیم', 'هزینه تحصیل فرزند یتیم'], cost: [3_000_000, 10_000_000] },
  DEBT_LOAN: {
    texts: ['وام قرض‌الحسنه برای بازپرداخت بدهی', 'آزادی زندانی جرائم غیرعمد سرپرست خانوار'],
    cost: [20_000_000, 50_000_000],
  },
  LEGAL: { texts: ['مشاوره حقوقی پرونده حضانت', 'پیگیری حقوقی مستمری همسر متوفی'], cost: null },
  COUNSELING: { texts: ['مشاوره روان‌شناسی نوجوان خانواده', 'مشاوره خانواده'], cost: null },
  OTHER: { texts: ['تهیه ویلچر', 'هزینه رفت‌وآمد درمانی'], cost: [2_000_000, 15_000_000] },
};

const NEED_NETWORK: Record<NeedCategory, NetworkKind> = {
  FOOD: 'PUBLIC_PARTICIPATION',
  CLOTHING: 'PUBLIC_PARTICIPATION',
  HOUSEHOLD_GOODS: 'PUBLIC_PARTICIPATION',
  HOUSING: 'HOUSING_CONSTRUCTION',
  HEALTH: 'SUPPORT_HEALTH',
  EDUCATION: 'CULTURE_EDUCATION',
  EMPLOYMENT: 'ENTREPRENEURSHIP_EMPLOYMENT',
  DOWRY_MARRIAGE: 'PUBLIC_PARTICIPATION',
  ORPHAN_SUPPORT: 'PUBLIC_PARTICIPATION',
  DEBT_LOAN: 'PUBLIC_PARTICIPATION',
  LEGAL: 'LEGAL_SERVICES',
  COUNSELING: 'SUPPORT_HEALTH',
  OTHER: 'SUPPORT_HEALTH',
};

const CAPABILITIES = [
  'خیاطی با چرخ خانگی',
  'رانندگی پایه دو',
  'آشپزی و تهیه غذای خانگی',
  'قالی‌بافی',
  'کارگری ساختمانی',
  'آرایشگری زنانه',
  'بافتنی و صنایع دستی',
  'فروشندگی',
  'کشاورزی و نگهداری دام',
];

export interface Households {
  /** The i-th household of a center. */
  ben(no: CenterNo, i: number): string;
  /** The center a household belongs to. */
  centerOf(beneficiaryId: string): CenterNo;
  /** A household's needs as recorded. */
  needsOf(beneficiaryId: string): Prisma.BeneficiaryNeedCreateManyInput[];
}

export function buildHouseholds(demo: Demo, people: People, centers: Centers, networks: Networks): Households {
  const { rng, rows, at, past } = demo;
  const refSeq: Record<CountyKey, number> = { MSH: 0, NSH: 0 };
  const beneficiaryIds: Record<number, string[]> = { 1: [], 2: [], 3: [], 4: [] };
  const beneficiaryCenter = new Map<string, CenterNo>();
  const needsOf = new Map<string, Prisma.BeneficiaryNeedCreateManyInput[]>();
  const households: [CenterNo, number][] = [
    [1, 10],
    [2, 5],
    [3, 4],
    [4, 11],
  ];
  // Hand-picked fates: [center, index] -> state.
  const fates: Record<string, 'SELF_SUFFICIENT' | 'CLOSED'> = {
    '1:8': 'SELF_SUFFICIENT',
    '4:0': 'SELF_SUFFICIENT',
    '2:4': 'CLOSED',
    '3:3': 'CLOSED',
  };
  const categories: readonly (readonly [NeedCategory, number])[] = [
    ['FOOD', 14],
    ['CLOTHING', 6],
    ['HOUSEHOLD_GOODS', 8],
    ['HOUSING', 8],
    ['HEALTH', 10],
    ['EDUCATION', 8],
    ['EMPLOYMENT', 10],
    ['DOWRY_MARRIAGE', 4],
    ['ORPHAN_SUPPORT', 5],
    ['DEBT_LOAN', 4],
    ['LEGAL', 3],
    ['COUNSELING', 3],
    ['OTHER', 2],
  ];
  const priorities: readonly (readonly [NeedPriority, number])[] = [
    ['LOW', 15],
    ['MEDIUM', 40],
    ['HIGH', 30],
    ['URGENT', 15],
  ];
  let needNo = 0;
  for (const [no, n] of households) {
    const c = centers.spec(no);
    for (let i = 0; i < n; i++) {
      const id = `demo_beneficiary_${pad(rows.beneficiaries.length + 1, 2)}`;
      const createdDays = rng.int(20, 320);
      const createdAt = at(-createdDays, rng.int(9, 19));
      const gender: Gender = rng.chance(0.6) ? 'FEMALE' : 'MALE';
      const [first, last] = people.newName(gender);
      const fate = fates[`${no}:${i}`];
      const consent = fate === 'CLOSED' || rng.chance(0.93);
      const phoneKind = rng.next();
      const employable = (no === 1 && i === 1) || (no === 4 && (i === 0 || i === 2)) || rng.chance(0.45);
      rows.beneficiaries.push({
        id,
        centerId: centerId(no),
        referenceCode: `B-${c.county}-${pad(++refSeq[c.county], 4)}`,
        headName: `${first} ${last}`,
        headNationalId: people.nationalId(c.county),
        headGender: gender,
        phone: phoneKind < 0.7 ? people.mobile() : phoneKind < 0.9 ? `051${rng.digits(8)}` : null,
        address: `${c.county === 'MSH' ? 'مشهد' : 'نیشابور'}، ${rng.pick(c.streets)}، کوچه ${faDigits(rng.int(1, 40))}، پلاک ${faDigits(rng.int(1, 120))}`,
        membersCount: rng.int(1, 7),
        employmentCapabilities: employable
          ? no === 1 && i === 1
            ? 'خیاطی با چرخ خانگی'
            : no === 4 && i < 3
              ? 'قالی‌بافی'
              : rng.pick(CAPABILITIES)
          : null,
        consentGiven: consent,
        consentAt: consent ? createdAt : null,
        imdadCaseNo: rng.chance(0.3) ? `${c.county === 'MSH' ? '0951' : '0952'}${rng.digits(7)}` : null,
        state: fate ?? 'ACTIVE',
        selfSufficientAt: fate === 'SELF_SUFFICIENT' ? at(-rng.int(10, 30)) : null,
        closedAt: fate === 'CLOSED' ? at(-rng.int(5, 15)) : null,
        closeReason:
          fate === 'CLOSED'
            ? no === 3
              ? 'خانوار تحت پوشش کامل کمیته امداد قرار گرفت'
              : 'خانوار به شهرستان دیگری مهاجرت کرد'
            : null,
        createdAt,
      });
      beneficiaryIds[no]!.push(id);
      beneficiaryCenter.set(id, no);
      const needs: Prisma.BeneficiaryNeedCreateManyInput[] = [];
      const needCount = rng.int(1, 3);
      const cats = new Set<NeedCategory>();
      if (employable && !fate) cats.add('EMPLOYMENT');
      while (cats.size < needCount) cats.add(weighted(rng, categories));
      for (const category of cats) {
        const cat = NEED_CATALOG[category];
        let state: NeedState = fate
          ? rng.chance(0.8)
            ? 'MET'
            : 'CANCELLED'
          : weighted(rng, [
              ['OPEN', 50],
              ['IN_PROGRESS', 25],
              ['MET', 20],
              ['CANCELLED', 5],
            ] as const);
        const net = NEED_NETWORK[category];
        if (state === 'IN_PROGRESS' && !networks.hasNetwork(no, net)) state = 'OPEN';
        const needAt = at(-createdDays + rng.int(0, 3), rng.int(9, 19));
        const need: Prisma.BeneficiaryNeedCreateManyInput = {
          id: `demo_need_${pad(++needNo, 3)}`,
          beneficiaryId: id,
          category,
          priority: weighted(rng, priorities),
          state,
          description: rng.pick(cat.texts),
          estimatedCostRial: cat.cost ? rng.rial(cat.cost[0], cat.cost[1], 500_000) : null,
          routedNetworkId: (state === 'IN_PROGRESS' || state === 'MET') && networks.hasNetwork(no, net) ? networkId(no, net) : null,
          createdAt: needAt,
        };
        if (need.routedNetworkId) need.routedAt = at(-createdDays + 5, 11);
        if (state === 'MET') need.metAt = past(at(-Math.max(1, Math.floor(createdDays / 3)), 12));
        needs.push(need);
      }
      needsOf.set(id, needs);
      rows.needs.push(...needs);
    }
  }
  return {
    ben: (no, i) => beneficiaryIds[no]![i]!,
    centerOf: (id) => beneficiaryCenter.get(id)!,
    needsOf: (id) => needsOf.get(id)!,
  };
}

export function buildEmploymentPlans(demo: Demo, households: Households, boards: Boards, volunteerIds: string[]): void {
  const { rows, at, day } = demo;
  rows.employmentPlans.push(
    {
      id: 'demo_employment_plan_1',
      centerId: centerId(1),
      beneficiaryId: households.ben(1, 1),
      kind: 'HOME_BUSINESS',
      state: 'ACTIVE',
      title: 'راه‌اندازی کارگاه خیاطی خانگی',
      description: 'خرید چرخ خیاطی صنعتی و سردوز با وام قرض‌الحسنه و دوخت سفارشی لباس مدارس محله',
      capitalNeededRial: 80_000_000n,
      fundingFund: 'QARD_AL_HASAN',
      mentorVolunteerId: volunteerIds[0]!,
      networkId: networkId(1, 'ENTREPRENEURSHIP_EMPLOYMENT'),
      startedAt: at(-60),
      createdAt: at(-70),
    },
    {
      id: 'demo_employment_plan_2',
      centerId: centerId(4),
      beneficiaryId: households.ben(4, 0),
      kind: 'JOB_PLACEMENT',
      state: 'COMPLETED',
      title: 'اشتغال در کارگاه فرش دستباف',
      description: 'معرفی سرپرست خانوار به کارگاه فرش‌بافی عضو صنف و پیگیری بیمه',
      mentorVolunteerId: volunteerIds[13]!,
      networkId: networkId(4, 'ENTREPRENEURSHIP_EMPLOYMENT'),
      startedAt: at(-150),
      completedAt: at(-40),
      createdAt: at(-160),
    },
    {
      id: 'demo_employment_plan_3',
      centerId: centerId(4),
      beneficiaryId: households.ben(4, 2),
      kind: 'TRAINING',
      state: 'DRAFT',
      title: 'دوره آموزش قالی‌بافی و گره‌زنی',
      capitalNeededRial: 12_000_000n,
      fundingFund: 'EMPLOYMENT',
      networkId: networkId(4, 'ENTREPRENEURSHIP_EMPLOYMENT'),
      createdAt: at(-6),
    },
  );
  rows.followUps.push(
    {
      id: 'demo_followup_1',
      planId: 'demo_employment_plan_1',
      followedUpAt: at(-45, 17),
      recordedById: boards.held(1, 'EMPLOYMENT').personId,
      outcome: 'ON_TRACK',
      note: 'چرخ‌ها خریداری و نصب شد؛ اولین سفارش‌ها دریافت شده است',
    },
    {
      id: 'demo_followup_2',
      planId: 'demo_employment_plan_1',
      followedUpAt: at(-10, 17),
      recordedById: boards.held(1, 'EMPLOYMENT').personId,
      outcome: 'NEEDS_HELP',
      note: 'برای فروش تولیدات به بازار نیاز دارد؛ معرفی به بازارچه خیریه مسجد پیشنهاد شد',
      nextFollowUpOn: day(5),
    },
    {
      id: 'demo_followup_3',
      planId: 'demo_employment_plan_2',
      followedUpAt: at(-120, 11),
      recordedById: boards.held(4, 'SOCIAL_WORK').personId,
      outcome: 'ON_TRACK',
      note: 'دوره آزمایشی در کارگاه با رضایت کارفرما',
    },
    {
      id: 'demo_followup_4',
      planId: 'demo_employment_plan_2',
      followedUpAt: at(-40, 11),
      recordedById: boards.held(4, 'SOCIAL_WORK').personId,
      outcome: 'EMPLOYED',
      note: 'قرارداد کار با کارگاه بسته شد و بیمه برقرار است',
    },
  );

}
