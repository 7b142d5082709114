/**
 * The five centers with their Sandogh accounts, and their licenses through core: issued by
 * the province, one renewed on a routine inspection, one suspended after a complaint (the
 * county's proposal decided by the province), one application waiting for the province's
 * decision, and an inspection still open.
 */
import { NetworkKind, Prisma } from '../../prisma/generated/client/client.ts';
import { shebaFrom } from '../../fixtures/values.ts';
import { centerId, pad, type CenterNo, type CountyKey, type Demo } from './context.ts';
import { staffActors } from './logins.ts';
import type { People } from './people.ts';

const ALL_NETWORKS = Object.values(NetworkKind);

export interface CenterSpec {
  no: CenterNo;
  county: CountyKey;
  name: string;
  hostType: 'MOSQUE' | 'SCHOOL' | 'OFFICE' | 'BUSINESS' | 'CLINIC' | 'UNIVERSITY' | 'OTHER';
  hostName: string;
  address: string;
  phone: string | null;
  activityArea: string;
  streets: string[];
  areaKind: 'ADVANTAGED' | 'LESS_PRIVILEGED' | null;
  lat: number;
  lon: number;
  boundary?: [number, number][];
  appliedDaysAgo: number;
  licensedDaysAgo?: number;
  account?: { no: string; branch: string };
  networks: NetworkKind[];
}

export const CENTERS: readonly CenterSpec[] = [
  {
    no: 1,
    county: 'MSH',
    name: 'مرکز نیکوکاری مسجد جامع گوهرشاد',
    hostType: 'MOSQUE',
    hostName: 'مسجد جامع گوهرشاد',
    address: 'مشهد، حرم مطهر رضوی، صحن مسجد جامع گوهرشاد، دفتر کانون خدمات مسجد',
    phone: '05132001410',
    activityArea: 'محله‌های پایین‌خیابان، نوغان و سراب در بافت پیرامون حرم مطهر',
    streets: ['خیابان نوغان', 'پایین‌خیابان، کوچه شهید رجایی', 'خیابان سراب', 'خیابان شیرازی', 'بازارچه سراب'],
    areaKind: 'LESS_PRIVILEGED',
    lat: 36.2876,
    lon: 59.6152,
    boundary: [
      [59.608, 36.292],
      [59.624, 36.292],
      [59.626, 36.281],
      [59.607, 36.28],
      [59.608, 36.292],
    ],
    appliedDaysAgo: 620,
    licensedDaysAgo: 560,
    account: { no: '070110045217', branch: 'صندوق امداد ولایت، شعبه حرم مطهر مشهد' },
    networks: ALL_NETWORKS,
  },
  {
    no: 2,
    county: 'MSH',
    name: 'مرکز نیکوکاری مسجد امام جعفر صادق (ع)',
    hostType: 'MOSQUE',
    hostName: 'مسجد امام جعفر صادق (ع)',
    address: 'مشهد، بلوار سجاد، خیابان بزرگمهر جنوبی، مسجد امام جعفر صادق (ع)',
    phone: '05137681220',
    activityArea: 'بلوار سجاد، خیابان‌های بزرگمهر و حامد؛ با تعهد حمایت از محله‌های کم‌برخوردار حاشیه شهر',
    streets: ['بلوار سجاد', 'خیابان بزرگمهر جنوبی', 'خیابان حامد شمالی', 'بلوار سجاد، خیابان منظریه'],
    areaKind: 'ADVANTAGED',
    lat: 36.3235,
    lon: 59.5498,
    appliedDaysAgo: 330,
    licensedDaysAgo: 300,
    account: { no: '070110083964', branch: 'صندوق امداد ولایت، شعبه بلوار سجاد مشهد' },
    networks: ALL_NETWORKS,
  },
  {
    no: 3,
    county: 'MSH',
    name: 'مرکز نیکوکاری مسجد حضرت ابوالفضل (ع) طلاب',
    hostType: 'MOSQUE',
    hostName: 'مسجد حضرت ابوالفضل (ع)',
    address: 'مشهد، محله طلاب، خیابان ابوذر غفاری، مسجد حضرت ابوالفضل (ع)',
    phone: null,
    activityArea: 'محله طلاب و کوی‌های اطراف خیابان ابوذر غفاری',
    streets: ['محله طلاب، خیابان ابوذر غفاری', 'محله طلاب، کوچه گلستان', 'خیابان بهمن'],
    areaKind: 'LESS_PRIVILEGED',
    lat: 36.2968,
    lon: 59.6411,
    appliedDaysAgo: 700,
    licensedDaysAgo: 650,
    account: { no: '070110027730', branch: 'صندوق امداد ولایت، شعبه طلاب مشهد' },
    networks: ['SUPPORT_HEALTH', 'ENTREPRENEURSHIP_EMPLOYMENT'],
  },
  {
    no: 4,
    county: 'NSH',
    name: 'مرکز نیکوکاری مسجد جامع نیشابور',
    hostType: 'MOSQUE',
    hostName: 'مسجد جامع نیشابور',
    address: 'نیشابور، خیابان امام خمینی (ره)، جنب مسجد جامع',
    phone: '05142225310',
    activityArea: 'بافت مرکزی نیشابور: محله‌های بازار، سرچشمه و خیابان عطار',
    streets: ['خیابان عطار', 'محله سرچشمه', 'بازار نیشابور، کوچه مسجد جامع', 'خیابان امام خمینی (ره)', 'بلوار خیام'],
    areaKind: 'LESS_PRIVILEGED',
    lat: 36.2133,
    lon: 58.7958,
    boundary: [
      [58.787, 36.219],
      [58.804, 36.219],
      [58.805, 36.207],
      [58.786, 36.207],
      [58.787, 36.219],
    ],
    appliedDaysAgo: 450,
    licensedDaysAgo: 410,
    account: { no: '070120051148', branch: 'صندوق امداد ولایت، شعبه مرکزی نیشابور' },
    networks: ALL_NETWORKS,
  },
  {
    no: 5,
    county: 'NSH',
    name: 'مرکز نیکوکاری صنف فرش‌فروشان نیشابور',
    hostType: 'BUSINESS',
    hostName: 'سرای فرش‌فروشان بازار نیشابور',
    address: 'نیشابور، بازار سرپوشیده، سرای فرش‌فروشان، طبقه اول',
    phone: '05142231877',
    activityArea: 'صنف فرش‌فروشان و بافندگان فرش دستباف نیشابور',
    streets: ['بازار نیشابور'],
    areaKind: null,
    lat: 36.2149,
    lon: 58.7931,
    appliedDaysAgo: 12,
    networks: [],
  },
];

export interface Centers {
  spec(no: CenterNo): CenterSpec;
  /** The center's Sandogh account number (licensed centers only). */
  accountOf(no: CenterNo): string | undefined;
  /** When the center was licensed (licensed centers only). */
  licensedAt(no: CenterNo): Date | undefined;
}

/**
 * Each center as it applied, with its Sandogh account, and the province issuing the
 * licenses. A center applies through core's applyForLicense, which gives it an id of its
 * own; the demo's centers keep fixed ids (demo_center_N, which the playground and tests look
 * for), so the center and its application are written as rows, and everything after goes
 * through core.
 */
export function buildCenters(demo: Demo, people: People): Centers {
  const { rng, rows, refs, at, jy } = demo;
  const imdad = staffActors(demo, people);
  const accountOf = new Map<CenterNo, string>();
  const licensedAtOf = new Map<CenterNo, Date>();
  for (const c of CENTERS) {
    const appliedAt = at(-c.appliedDaysAgo, 11);
    const row: Prisma.CenterCreateManyInput = {
      id: centerId(c.no),
      countyId: refs.countyIds[c.county],
      name: c.name,
      hostType: c.hostType,
      hostName: c.hostName,
      address: c.address,
      phone: c.phone,
      activityArea: c.activityArea,
      activityAreaBoundary: c.boundary ? { type: 'Polygon', coordinates: [c.boundary] } : Prisma.DbNull,
      latitude: c.lat,
      longitude: c.lon,
      areaKind: c.areaKind,
      licenseState: 'APPLIED',
      appliedAt,
      createdAt: appliedAt,
    };
    rows.licenseEvents.push({
      id: `demo_license_event_${c.no}`,
      centerId: centerId(c.no),
      kind: 'APPLIED',
      fromState: null,
      toState: 'APPLIED',
      at: appliedAt,
      actorId: people.imdadFor(c.county),
      reason: 'درخواست هیئت امنای مسجد برای تأسیس مرکز',
    });
    if (c.licensedDaysAgo && c.account) {
      const licensedAt = at(-c.licensedDaysAgo, 12);
      // The account Imdad introduced the center to, a few days after its license.
      Object.assign(row, {
        sandoghAccountNo: c.account.no,
        sandoghSheba: shebaFrom(`0700${pad(Number(c.account.no), 18)}`),
        sandoghBranch: c.account.branch,
        sandoghIntroLetterNo: `${jy(licensedAt)}/م/${rng.int(1000, 9999)}`,
        sandoghAccountOpenedAt: at(-c.licensedDaysAgo + 9, 10),
      } satisfies Partial<Prisma.CenterCreateManyInput>);
      accountOf.set(c.no, c.account.no);
      licensedAtOf.set(c.no, licensedAt);
      const letterNo = `${jy(licensedAt)}/ص/${rng.int(10000, 99999)}`;
      demo.later(licensedAt, (core) => core.centers.issueLicense(imdad.admin, { centerId: centerId(c.no), validityMonths: 24, letterNo }));
    }
    rows.centers.push(row);
  }
  return {
    spec: (no) => CENTERS[no - 1]!,
    accountOf: (no) => accountOf.get(no),
    licensedAt: (no) => licensedAtOf.get(no),
  };
}

/**
 * Imdad's inspections and the license decisions on them: center 1 renewed on a routine
 * inspection; center 3 warned on a complaint, then suspended on the county's proposal by the
 * province; center 4 visited, its report still open; center 5's application proposed by the
 * province admin (Neyshabur has no county login in the demo), waiting for the supervisor.
 */
export function decideLicenses(demo: Demo, people: People): void {
  const { at } = demo;
  const imdad = staffActors(demo, people);
  demo.later(at(-192, 12), (core) =>
    core.centers.recordInspection(imdad.supervisor, {
      centerId: centerId(1),
      kind: 'ROUTINE',
      findings:
        'اسناد مالی منظم و کامل است؛ همه کمک‌ها در سامانه ثبت شده و به حساب صندوق امداد ولایت واریز شده است. بایگانی مرتب است.',
      recommendations: 'برگزاری منظم مجمع خیرین و ارسال گزارش ماهانه به اداره شهرستان ادامه یابد.',
      outcome: 'RENEW',
      outcomeReason: 'عملکرد مطلوب در نظارت میدانی',
      validityMonths: 12,
    }),
  );
  demo.later(at(-30, 11), (core) =>
    core.centers.recordInspection(imdad.mashhad, {
      centerId: centerId(3),
      kind: 'COMPLAINT',
      feedbackId: 'demo_feedback_1',
      findings:
        'دریافت وجه نقد خارج از سامانه و بدون صدور رسید تأیید شد (مغایر بندهای ۲ و ۳ شیوه‌نامه). دفتر صورتجلسات ناقص است.',
      recommendations: 'ثبت همه کمک‌ها در سامانه، واریز فقط به حساب صندوق امداد ولایت و آموزش مسئول مالی.',
      outcome: 'WARN',
      outcomeReason: 'تخلف از قاعده ثبت همه کمک‌ها در سامانه',
    }),
  );
  let suspension = '';
  demo.later(at(-22, 13), async (core) => {
    const reason = 'دریافت کمک نقدی خارج از سامانه (بازرسی شکایت)';
    ({ requestId: suspension } = await core.centers.proposeLicenseDecision(imdad.mashhad, { centerId: centerId(3), decision: 'SUSPENDED', reason }));
  });
  demo.later(at(-21, 12), (core) =>
    core.approvals.decide(imdad.supervisor, {
      requestId: suspension,
      decision: 'APPROVE',
      reason: 'تعلیق تا اصلاح روال دریافت کمک‌ها و آموزش مسئول مالی',
    }),
  );
  demo.later(at(-12, 11), (core) =>
    core.centers.proposeLicenseDecision(imdad.admin, {
      centerId: centerId(5),
      decision: 'ISSUED',
      reason: 'درخواست صدور مجوز و کد فعالیت برای مرکز صنف فرش‌فروشان',
    }),
  );
  demo.later(at(-3, 10), (core) =>
    core.centers.recordInspection(imdad.supervisor, {
      centerId: centerId(4),
      kind: 'ROUTINE',
      findings: 'بازدید انجام شد؛ گزارش در حال تکمیل است.',
    }),
  );
}
