/**
 * Realistic Persian demo data for Khorasan Razavi: two counties, five centers across license
 * states, full boards, donors, volunteers in the six networks, households with needs, pledges
 * and donations in every state, distributions, employment plans, tasks, minutes, archive,
 * inspections, feedback, approvals, and one staff login per admin role.
 *
 * Deterministic: a seeded PRNG (mulberry32) drives every choice, so each run builds the same
 * rows; dates are relative to the seeding day (so the demo always has upcoming installments
 * and overdue tasks). Every row has an id starting with `demo_`, and rows are written with
 * createMany(skipDuplicates), so a second run inserts nothing. Rows the app later changes
 * (a demo donation confirmed, a task done) are left as they are.
 *
 * The data is written in one transaction, one INSERT per table.
 */
import type { Db } from '../client.ts';
import {
  type AidKind,
  type Fund,
  type Gender,
  type NeedCategory,
  type NeedPriority,
  type NeedState,
  type NetworkKind,
  type PledgeState,
  Prisma,
  type StaffRole,
  type TrusteeRole,
  type VolunteerKind,
  type VolunteerState,
} from '../generated/client/client.ts';
import {
  addDays,
  addJalaliMonths,
  faDigits,
  FEMALE_FIRST_NAMES,
  formatJalali,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  mulberry32,
  nationalIdFrom,
  shebaFrom,
  utcDay,
  type Rng,
} from './values.ts';

export const DEMO_ID_PREFIX = 'demo_';
const SEED = 1403_08_15;

export interface DemoLogin {
  username: string;
  password: string;
  /** hashPassword(password), made once and kept here: the passwords are public, so a fixed
   * salt gives nothing away, and hashing the five at every first start cost 0.3-0.4 s of it
   * (scrypt is slow on purpose). Real users' passwords are hashed as always. */
  passwordHash: string;
  role: StaffRole;
}

/** The demo logins (usernames may get a `demo-` prefix when forced into a database that
 * already uses the name). */
// prettier-ignore
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'admin', password: 'demo-admin-1403', role: 'PROVINCE_ADMIN',
    passwordHash: 'scrypt$16384$8$1$ktI2kob8eTttCIkWy87tZA==$l4Lkv7dIc8bmtba+P5IXEDbP+5i/bhbCTtOJCUhX6vDz+MlgZg42paCWzPJ1qxdfWBikOfslYV0blFK9DHGf/A==' },
  { username: 'supervisor', password: 'demo-supervisor-1403', role: 'PROVINCE_SUPERVISOR',
    passwordHash: 'scrypt$16384$8$1$AmtJExuJciofRQjsUtBu0A==$HFOB5H4F7qp/fQQSURXjid8ewX6W3EtfVhYqg3Ap6b2eejH3ZwFnrGKFSAZGu83NuKAq2HakeV0WuSR4umNtFg==' },
  { username: 'mashhad', password: 'demo-mashhad-1403', role: 'COUNTY_STAFF',
    passwordHash: 'scrypt$16384$8$1$fh/gPNHjSPFq7NGyETNbTg==$QEMpG9rx4e1VKbf4Dy/kPVUKpECvH+iEX+yjRvjeZYx7tonmKtOzDZ3rP3/xAzCjD7o1+lQsw2KXlIOCZl+izw==' },
  { username: 'auditor', password: 'demo-auditor-1403', role: 'AUDITOR',
    passwordHash: 'scrypt$16384$8$1$kW+ooAIsF2GugZVzqC6jfw==$Tq+H2/o9H292v7b0HmT8OwnVeTvgWXvL4/NkzdzcPwxWf7a2FUifcRgIABDVABuF2e5hiBSyqVsEgBwb2I1KvA==' },
  { username: 'finance', password: 'demo-finance-1403', role: 'CENTER_TRUSTEE',
    passwordHash: 'scrypt$16384$8$1$chzIh70OmXbaE01fxCev/w==$Yx5OMnQM4ydc29z1zQ2ETOCwOy8wvv+zDj7K+q3HD+Dt2305LSantuegYNTF37IY+qhdy1Ia76XzbyUEzP69CA==' },
];

export class DemoSeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoSeedRefusedError';
  }
}

export interface SeedDemoOptions {
  /** Seed even though the database holds non-demo centers, donors, people or staff users. */
  force?: boolean;
  /** The day the demo is built around (default: today). */
  today?: Date;
}

export interface SeedDemoResult {
  /** One line per demo login: `admin / demo-admin-1403 (PROVINCE_ADMIN)`. */
  logins: string[];
}

const PROVINCE_NAME = 'خراسان رضوی';

// =======================================================================================
// Entry points
// =======================================================================================

export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const force = options.force ?? false;
  if (!force) {
    const foreign = await countNonDemoRows(db);
    const labels = {
      centers: ['center', 'centers'],
      donors: ['donor', 'donors'],
      people: ['person', 'people'],
      staffUsers: ['staff user', 'staff users'],
    } as const;
    const parts = (Object.keys(labels) as (keyof typeof labels)[])
      .filter((k) => foreign[k] > 0)
      .map((k) => `${foreign[k]} ${labels[k][foreign[k] === 1 ? 0 : 1]}`);
    if (parts.length) {
      throw new DemoSeedRefusedError(
        `refusing to seed demo data: the database holds non-demo data (${parts.join(', ')}); ` +
          'run `npm run seed -- --force` to add the demo data anyway',
      );
    }
  }
  const today = utcDay(options.today ?? new Date());

  // Staff logins: step aside from usernames a real user already has.
  const staffIds = DEMO_LOGINS.map((l) => staffId(l.username));
  const takenNames = new Set(
    (
      await db.staffUser.findMany({
        where: { username: { in: DEMO_LOGINS.map((l) => l.username) }, id: { notIn: staffIds } },
        select: { username: true },
      })
    ).map((r) => r.username),
  );

  await db.$transaction(
    async (tx) => {
      const provinceId = await ensureProvince(tx);
      const countyIds = {
        MSH: await ensureCounty(tx, provinceId, 'demo_county_mashhad', 'مشهد', 'MSH'),
        NSH: await ensureCounty(tx, provinceId, 'demo_county_neyshabur', 'نیشابور', 'NSH'),
      };
      const data = buildDemoData(today, { provinceId, countyIds });
      for (const u of data.staffUsers) {
        const login = DEMO_LOGINS.find((l) => staffId(l.username) === u.id)!;
        u.passwordHash = login.passwordHash;
        if (takenNames.has(login.username)) u.username = `demo-${login.username}`;
      }
      await writeDemoData(tx, data, force);
    },
    { maxWait: 20_000, timeout: 120_000 },
  );

  const users = await db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, username: true } });
  const logins = DEMO_LOGINS.flatMap((l) => {
    const user = users.find((u) => u.id === staffId(l.username));
    return user ? [`${user.username} / ${l.password} (${l.role})`] : [];
  });
  return { logins };
}

/** Seeds when the database has no center and no staff user at all (a first start); else null. */
export async function seedDemoIfEmpty(db: Db, options: Omit<SeedDemoOptions, 'force'> = {}): Promise<SeedDemoResult | null> {
  const [centers, staff] = await Promise.all([db.center.count(), db.staffUser.count()]);
  if (centers > 0 || staff > 0) return null;
  // Nothing to mix the demo with: people or donors alone do not make a working database.
  return seedDemo(db, { ...options, force: true });
}

/** Rows whose id does not start with `demo_`, per guarded table. */
export async function countNonDemoRows(db: Db): Promise<{ centers: number; donors: number; people: number; staffUsers: number }> {
  // Raw SQL: `startsWith` would be a LIKE, where '_' is a wildcard.
  const rows = await db.$queryRaw<{ centers: bigint; donors: bigint; people: bigint; staffUsers: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "Center" WHERE left("id", 5) <> ${DEMO_ID_PREFIX}) AS "centers",
      (SELECT count(*) FROM "Donor" WHERE left("id", 5) <> ${DEMO_ID_PREFIX}) AS "donors",
      (SELECT count(*) FROM "Person" WHERE left("id", 5) <> ${DEMO_ID_PREFIX}) AS "people",
      (SELECT count(*) FROM "StaffUser" WHERE left("id", 5) <> ${DEMO_ID_PREFIX}) AS "staffUsers"`;
  const r = rows[0]!;
  return { centers: Number(r.centers), donors: Number(r.donors), people: Number(r.people), staffUsers: Number(r.staffUsers) };
}

function staffId(username: string): string {
  return `demo_staff_${username}`;
}

type Tx = Prisma.TransactionClient;

/** The province by name (a real one is reused when forced into a live database). */
async function ensureProvince(tx: Tx): Promise<string> {
  const found = await tx.province.findUnique({ where: { name: PROVINCE_NAME }, select: { id: true } });
  if (found) return found.id;
  return (
    await tx.province.create({
      data: { id: 'demo_province_khorasan_razavi', name: PROVINCE_NAME, code: 'KR' },
      select: { id: true },
    })
  ).id;
}

async function ensureCounty(tx: Tx, provinceId: string, id: string, name: string, code: string): Promise<string> {
  const found = await tx.county.findUnique({ where: { provinceId_name: { provinceId, name } }, select: { id: true } });
  if (found) return found.id;
  return (await tx.county.create({ data: { id, provinceId, name, code }, select: { id: true } })).id;
}

// =======================================================================================
// Writing
// =======================================================================================

interface DemoData {
  persons: Prisma.PersonCreateManyInput[];
  chatAccounts: Prisma.ChatAccountCreateManyInput[];
  centers: Prisma.CenterCreateManyInput[];
  receiptCounters: Prisma.ReceiptCounterCreateManyInput[];
  trustees: Prisma.TrusteeMembershipCreateManyInput[];
  staffUsers: Prisma.StaffUserCreateManyInput[];
  networks: Prisma.NetworkCreateManyInput[];
  volunteers: Prisma.VolunteerCreateManyInput[];
  donors: Prisma.DonorCreateManyInput[];
  networkMemberships: Prisma.NetworkMembershipCreateManyInput[];
  pledges: Prisma.PledgeCreateManyInput[];
  installments: Prisma.PledgeInstallmentCreateManyInput[];
  donations: Prisma.DonationCreateManyInput[];
  reversals: Prisma.DonationCreateManyInput[];
  beneficiaries: Prisma.BeneficiaryCreateManyInput[];
  needs: Prisma.BeneficiaryNeedCreateManyInput[];
  approvals: Prisma.ApprovalRequestCreateManyInput[];
  distributions: Prisma.DistributionCreateManyInput[];
  employmentPlans: Prisma.EmploymentPlanCreateManyInput[];
  followUps: Prisma.EmploymentFollowUpCreateManyInput[];
  feedback: Prisma.FeedbackCreateManyInput[];
  inspections: Prisma.InspectionCreateManyInput[];
  licenseEvents: Prisma.CenterLicenseEventCreateManyInput[];
  tasks: Prisma.TrusteeTaskCreateManyInput[];
  minutes: Prisma.MinutesCreateManyInput[];
  archiveDocuments: Prisma.ArchiveDocumentCreateManyInput[];
}

/** The two calls every table's delegate shares, typed loosely enough to list them together. */
interface Table {
  createMany(args: { data: never[]; skipDuplicates: true }): Promise<{ count: number }>;
  count(args: { where: Record<string, { in: string[] }> }): Promise<number>;
}

async function writeDemoData(tx: Tx, d: DemoData, verify: boolean): Promise<void> {
  // In foreign-key order. skipDuplicates: rows already there (by id or by any unique key) are
  // left alone, which makes a second run a no-op.
  const t = (delegate: unknown) => delegate as Table;
  // prettier-ignore
  const steps: [string, Table, { id?: unknown; centerId?: unknown }[]][] = [
    ['Person', t(tx.person), d.persons],
    ['ChatAccount', t(tx.chatAccount), d.chatAccounts],
    ['Center', t(tx.center), d.centers],
    ['ReceiptCounter', t(tx.receiptCounter), d.receiptCounters],
    ['TrusteeMembership', t(tx.trusteeMembership), d.trustees],
    ['StaffUser', t(tx.staffUser), d.staffUsers],
    ['Network', t(tx.network), d.networks],
    ['Volunteer', t(tx.volunteer), d.volunteers],
    ['Donor', t(tx.donor), d.donors],
    ['NetworkMembership', t(tx.networkMembership), d.networkMemberships],
    ['Pledge', t(tx.pledge), d.pledges],
    ['PledgeInstallment', t(tx.pledgeInstallment), d.installments],
    ['Donation', t(tx.donation), d.donations],
    ['Donation', t(tx.donation), d.reversals], // after the donations they reverse
    ['Beneficiary', t(tx.beneficiary), d.beneficiaries],
    ['BeneficiaryNeed', t(tx.beneficiaryNeed), d.needs],
    ['ApprovalRequest', t(tx.approvalRequest), d.approvals],
    ['Distribution', t(tx.distribution), d.distributions],
    ['EmploymentPlan', t(tx.employmentPlan), d.employmentPlans],
    ['EmploymentFollowUp', t(tx.employmentFollowUp), d.followUps],
    ['Feedback', t(tx.feedback), d.feedback],
    ['Inspection', t(tx.inspection), d.inspections],
    ['CenterLicenseEvent', t(tx.centerLicenseEvent), d.licenseEvents],
    ['TrusteeTask', t(tx.trusteeTask), d.tasks],
    ['Minutes', t(tx.minutes), d.minutes],
    ['ArchiveDocument', t(tx.archiveDocument), d.archiveDocuments],
  ];
  for (const [name, table, rows] of steps) {
    const { count } = await table.createMany({ data: rows as never[], skipDuplicates: true });
    // Every row written: nothing to check (a first seed; one count query per table cost a
    // tenth of it).
    if (!verify || count === rows.length) continue;
    // Forced into a live database, a demo row may clash with a real one on some other unique
    // column (a national ID, an activity code, a username ...) and be skipped: say so plainly
    // instead of failing later on a foreign key. (Skipped as already there is fine.)
    const key = name === 'ReceiptCounter' ? 'centerId' : 'id';
    const ids = rows.map((r) => String(r[key]));
    const found = await table.count({ where: { [key]: { in: ids } } });
    if (found !== ids.length) {
      throw new Error(
        `demo data clashes with existing ${name} rows on a unique column (${ids.length - found} rows); nothing was written`,
      );
    }
  }
}

// =======================================================================================
// Building (pure: no database access)
// =======================================================================================

interface Refs {
  provinceId: string;
  countyIds: { MSH: string; NSH: string };
}

type CountyKey = keyof Refs['countyIds'];
type CenterNo = 1 | 2 | 3 | 4 | 5;

const MAIN_ROLES = [
  'CHAIR',
  'VICE_CHAIR',
  'ADMIN_FINANCE',
  'DONORS_MEN',
  'DONORS_WOMEN',
  'ORGANIZATIONS',
] as const satisfies readonly TrusteeRole[];

const NETWORK_DESCRIPTIONS: Record<NetworkKind, string> = {
  ENTREPRENEURSHIP_EMPLOYMENT: 'شبکه کارآفرینی و اشتغال: شناسایی فرصت‌های شغلی، آموزش مهارت و معرفی به کار («اشتغال اول»)',
  CULTURE_EDUCATION: 'شبکه فرهنگی و آموزشی: کلاس‌های تقویتی، مشاوره تحصیلی و برنامه‌های فرهنگی',
  LEGAL_SERVICES: 'شبکه خدمات حقوقی: مشاوره حقوقی رایگان و پیگیری امور ثبتی و قضایی خانوارها',
  HOUSING_CONSTRUCTION: 'شبکه مسکن و عمران: تعمیر و بازسازی منازل و کمک به تأمین مسکن',
  SUPPORT_HEALTH: 'شبکه حمایتی و سلامت: ویزیت رایگان، دارو، مددکاری و مشاوره روان‌شناسی',
  PUBLIC_PARTICIPATION: 'شبکه توسعه مشارکت‌های مردمی: جذب خیرین، واحدهای نیکوکاری و اطلاع‌رسانی',
};

const ALL_NETWORKS = Object.keys(NETWORK_DESCRIPTIONS) as NetworkKind[];

interface CenterSpec {
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
  state: 'LICENSED' | 'SUSPENDED' | 'APPLIED';
  appliedDaysAgo: number;
  licensedDaysAgo?: number;
  account?: { no: string; branch: string };
  networks: NetworkKind[];
}

const CENTERS: readonly CenterSpec[] = [
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
    state: 'LICENSED',
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
    state: 'LICENSED',
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
    state: 'SUSPENDED',
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
    state: 'LICENSED',
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
    state: 'APPLIED',
    appliedDaysAgo: 12,
    networks: [],
  },
];

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

const AVAILABILITY = [
  'عصرها، شنبه تا چهارشنبه',
  'صبح‌های پنجشنبه و جمعه',
  'دو روز در هفته',
  'تماس تلفنی در هر زمان',
  'فقط ایام تعطیل',
];

const DAY_MS = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}

export function buildDemoData(today: Date, refs: Refs): DemoData {
  const rng = mulberry32(SEED);
  const d: DemoData = {
    persons: [],
    chatAccounts: [],
    centers: [],
    receiptCounters: [],
    trustees: [],
    staffUsers: [],
    networks: [],
    volunteers: [],
    donors: [],
    networkMemberships: [],
    pledges: [],
    installments: [],
    donations: [],
    reversals: [],
    beneficiaries: [],
    needs: [],
    approvals: [],
    distributions: [],
    employmentPlans: [],
    followUps: [],
    feedback: [],
    inspections: [],
    licenseEvents: [],
    tasks: [],
    minutes: [],
    archiveDocuments: [],
  };

  // --- Time: `day` for date-only columns (UTC midnight), `at` for instants (Tehran time). --
  const day = (offset: number) => addDays(today, offset);
  const at = (offset: number, hour = 10, minute = 0) =>
    new Date(today.getTime() + offset * DAY_MS + (hour * 60 + minute - 210) * 60_000);
  const lastMoment = at(0, 0, 0); // start of the seeding day in Tehran: everything "past" is before it
  const past = (date: Date) => (date < lastMoment ? date : new Date(lastMoment.getTime() - 3_600_000));
  const jy = (date: Date) => formatJalali(utcDay(date), 'yyyy');
  const jMonth = (date: Date) => formatJalali(utcDay(date), 'MMMM yyyy');

  // --- People --------------------------------------------------------------------------
  const usedIds = new Set<string>();
  const usedNames = new Set<string>();
  const personName = new Map<string, string>();
  let personNo = 0;
  const nationalId = (county: CountyKey): string => {
    for (;;) {
      const prefix = county === 'MSH' ? rng.pick(['092', '093', '094']) : rng.pick(['106', '107']);
      const id = nationalIdFrom(prefix + rng.digits(6));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const mobile = () => rng.pick(['0915', '0935', '0912', '0901', '0937', '0917', '0919']) + rng.digits(7);
  const newName = (gender: Gender, firstName?: string, lastName?: string): [string, string] => {
    for (;;) {
      const f = firstName ?? rng.pick(gender === 'MALE' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
      const l = lastName ?? rng.pick(LAST_NAMES);
      if (!usedNames.has(`${f} ${l}`) || (firstName && lastName)) {
        usedNames.add(`${f} ${l}`);
        return [f, l];
      }
    }
  };
  const person = (
    county: CountyKey,
    gender: Gender,
    opts: { firstName?: string; lastName?: string; since?: Date } = {},
  ): string => {
    const id = `demo_person_${pad(++personNo, 3)}`;
    const [firstName, lastName] = newName(gender, opts.firstName, opts.lastName);
    personName.set(id, `${firstName} ${lastName}`);
    d.persons.push({
      id,
      firstName,
      lastName,
      gender,
      nationalId: nationalId(county),
      mobile: mobile(),
      ...(opts.since ? { createdAt: opts.since } : {}),
    });
    return id;
  };

  // Imdad staff (province and Mashhad county office).
  const staffPerson = {
    admin: person('MSH', 'MALE', { firstName: 'مهدی', lastName: 'صالحی', since: at(-800) }),
    supervisor: person('MSH', 'FEMALE', { firstName: 'زهرا', lastName: 'کامرانی', since: at(-800) }),
    mashhad: person('MSH', 'MALE', { firstName: 'حمید', lastName: 'رستمی', since: at(-800) }),
    auditor: person('MSH', 'FEMALE', { firstName: 'مریم', lastName: 'فرهادی', since: at(-800) }),
  };
  const imdadFor = (county: CountyKey) => (county === 'MSH' ? staffPerson.mashhad : staffPerson.admin);

  // --- Centers, accounts, counters, license history ------------------------------------
  const centerId = (no: CenterNo) => `demo_center_${no}`;
  const spec = (no: CenterNo) => CENTERS[no - 1]!;
  const accountOf = new Map<CenterNo, string>();
  const activityCodeSeq: Record<CountyKey, number> = { MSH: 16, NSH: 4 };
  const licenseEventNo = { n: 0 };
  const licenseEvent = (no: CenterNo, e: Omit<Prisma.CenterLicenseEventCreateManyInput, 'id' | 'centerId'>) => {
    d.licenseEvents.push({ id: `demo_license_event_${pad(++licenseEventNo.n, 2)}`, centerId: centerId(no), ...e });
  };
  const centerDates = new Map<CenterNo, { licensedAt?: Date; suspendedAt?: Date }>();
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
      licenseState: c.state,
      appliedAt,
      createdAt: appliedAt,
    };
    licenseEvent(c.no, {
      kind: 'APPLIED',
      fromState: null,
      toState: 'APPLIED',
      at: appliedAt,
      reason: 'درخواست هیئت امنای مسجد برای تأسیس مرکز',
    });
    if (c.licensedDaysAgo && c.account) {
      const licensedAt = at(-c.licensedDaysAgo, 12);
      const code = `KR-${c.county}-${jy(licensedAt)}-${pad((activityCodeSeq[c.county] += rng.int(3, 9)), 3)}`;
      const validUntil = day(-c.licensedDaysAgo + 730);
      Object.assign(row, {
        activityCode: code,
        licensedAt,
        licenseExpiresOn: validUntil,
        sandoghAccountNo: c.account.no,
        sandoghSheba: shebaFrom(`0700${pad(Number(c.account.no), 18)}`),
        sandoghBranch: c.account.branch,
        sandoghIntroLetterNo: `${jy(licensedAt)}/م/${rng.int(1000, 9999)}`,
        sandoghAccountOpenedAt: at(-c.licensedDaysAgo + 9, 10),
      } satisfies Partial<Prisma.CenterCreateManyInput>);
      accountOf.set(c.no, c.account.no);
      d.receiptCounters.push({ centerId: centerId(c.no), lastNo: 0 }); // set below, once receipts are numbered
      licenseEvent(c.no, {
        kind: 'ISSUED',
        fromState: 'APPLIED',
        toState: 'LICENSED',
        activityCode: code,
        validUntil,
        letterNo: `${jy(licensedAt)}/ص/${rng.int(10000, 99999)}`,
        actorId: imdadFor(c.county),
        at: licensedAt,
      });
      centerDates.set(c.no, { licensedAt });
    }
    d.centers.push(row);
  }
  const centerRow = (no: CenterNo) => d.centers[no - 1]!;

  // --- Boards of trustees --------------------------------------------------------------
  const holder = new Map<string, { membershipId: string; personId: string }>(); // `${no}:${role}`
  let decreeNo = 100;
  const appoint = (
    no: CenterNo,
    role: TrusteeRole,
    gender: Gender,
    opts: { appointedDaysAgo: number; firstName?: string; suffix?: string; endedDaysAgo?: number; endReason?: string } = {
      appointedDaysAgo: 0,
    },
  ): string => {
    const c = spec(no);
    const personId = person(c.county, gender, { firstName: opts.firstName, since: at(-opts.appointedDaysAgo - 40) });
    const id = `demo_trustee_${no}_${role.toLowerCase()}${opts.suffix ?? ''}`;
    const appointedAt = at(-opts.appointedDaysAgo, 11);
    const main = (MAIN_ROLES as readonly string[]).includes(role);
    const byImdad = role === 'CHAIR' || role === 'VICE_CHAIR';
    const chair = holder.get(`${no}:CHAIR`);
    decreeNo += rng.int(3, 40);
    d.trustees.push({
      id,
      centerId: centerId(no),
      personId,
      role,
      state: opts.endedDaysAgo ? 'ENDED' : 'APPOINTED',
      decreeNo: `${jy(appointedAt)}/ح/${pad(decreeNo, 4)}`,
      decreeDate: utcDay(appointedAt),
      termEndsOn: day(-opts.appointedDaysAgo + 4 * 365),
      appointedById: byImdad || !chair ? imdadFor(c.county) : chair.personId,
      approvedById: byImdad ? null : main ? imdadFor(c.county) : null,
      proposedAt: at(-opts.appointedDaysAgo - 35),
      vettingStartedAt: at(-opts.appointedDaysAgo - 30),
      selectionClearedAt: at(-opts.appointedDaysAgo - 12),
      securityClearedAt: at(-opts.appointedDaysAgo - 10),
      appointedAt,
      ...(opts.endedDaysAgo ? { endedAt: at(-opts.endedDaysAgo), endReason: opts.endReason ?? 'پایان همکاری' } : {}),
      createdAt: at(-opts.appointedDaysAgo - 35),
    });
    if (!opts.endedDaysAgo) holder.set(`${no}:${role}`, { membershipId: id, personId });
    return id;
  };
  const candidate = (
    no: CenterNo,
    role: TrusteeRole,
    gender: Gender,
    state: 'PROPOSED' | 'VETTING' | 'REJECTED',
    daysAgo: number,
    reason?: string,
  ) => {
    const personId = person(spec(no).county, gender, { since: at(-daysAgo - 5) });
    const id = `demo_trustee_${no}_${role.toLowerCase()}_${state.toLowerCase()}`;
    d.trustees.push({
      id,
      centerId: centerId(no),
      personId,
      role,
      state,
      proposedAt: at(-daysAgo),
      ...(state !== 'PROPOSED' ? { vettingStartedAt: at(-daysAgo + 3) } : {}),
      ...(state === 'REJECTED' ? { rejectedAt: at(-daysAgo + 20), rejectReason: reason ?? 'عدم تأیید از سوی دفتر گزینش' } : {}),
      createdAt: at(-daysAgo),
    });
    return { id, personId };
  };
  const CHAIR_NAMES: Record<number, string> = { 1: 'سید محمدعلی', 2: 'محمدحسن', 3: 'سید جواد', 4: 'علی‌اکبر' };
  for (const no of [1, 2, 3, 4] as const) {
    const since =
      (centerDates.get(no)?.licensedAt
        ? Math.round((today.getTime() - centerDates.get(no)!.licensedAt!.getTime()) / DAY_MS)
        : 0) + 20;
    appoint(no, 'CHAIR', 'MALE', { appointedDaysAgo: since, firstName: CHAIR_NAMES[no] });
    appoint(no, 'VICE_CHAIR', 'MALE', { appointedDaysAgo: since });
    if (no === 1) {
      // The first finance officer resigned; the current one was appointed in their place.
      appoint(1, 'ADMIN_FINANCE', 'MALE', {
        appointedDaysAgo: since,
        suffix: '_ended',
        endedDaysAgo: 300,
        endReason: 'استعفا به دلیل مهاجرت به شهرستان دیگر',
      });
      appoint(1, 'ADMIN_FINANCE', 'MALE', { appointedDaysAgo: 300 });
    } else {
      appoint(no, 'ADMIN_FINANCE', no === 4 ? 'FEMALE' : 'MALE', { appointedDaysAgo: since });
    }
    appoint(no, 'DONORS_MEN', 'MALE', { appointedDaysAgo: since });
    appoint(no, 'DONORS_WOMEN', 'FEMALE', { appointedDaysAgo: since });
    appoint(no, 'ORGANIZATIONS', 'MALE', { appointedDaysAgo: since });
  }
  appoint(1, 'SOCIAL_WORK', 'FEMALE', { appointedDaysAgo: 400 });
  appoint(1, 'EMPLOYMENT', 'MALE', { appointedDaysAgo: 380 });
  appoint(1, 'ORPHANS', 'FEMALE', { appointedDaysAgo: 250 });
  appoint(2, 'SOCIAL_WORK', 'FEMALE', { appointedDaysAgo: 250 });
  appoint(2, 'QARD_AL_HASAN', 'MALE', { appointedDaysAgo: 200 });
  appoint(4, 'SOCIAL_WORK', 'FEMALE', { appointedDaysAgo: 380 });
  appoint(4, 'HEALTH', 'MALE', { appointedDaysAgo: 300 });
  candidate(2, 'PUBLIC_RELATIONS', 'MALE', 'PROPOSED', 6);
  candidate(2, 'DOWRY_MARRIAGE', 'FEMALE', 'REJECTED', 120, 'عدم احراز شرایط از سوی دفتر گزینش');
  const c4Culture = candidate(4, 'CULTURE_EDUCATION', 'FEMALE', 'VETTING', 25);
  const c5Chair = candidate(5, 'CHAIR', 'MALE', 'VETTING', 12);
  candidate(5, 'VICE_CHAIR', 'MALE', 'PROPOSED', 12);
  const held = (no: CenterNo, role: TrusteeRole) => {
    const h = holder.get(`${no}:${role}`);
    if (!h) throw new Error(`demo: no ${role} in center ${no}`);
    return h;
  };

  // --- Staff logins --------------------------------------------------------------------
  const staff = (username: string, role: StaffRole, personId: string, scope: Partial<Prisma.StaffUserCreateManyInput>) => {
    d.staffUsers.push({
      id: staffId(username),
      username,
      role,
      personId,
      passwordHash: '',
      lastLoginAt: null,
      ...scope,
      createdAt: at(-90),
    });
  };
  staff('admin', 'PROVINCE_ADMIN', staffPerson.admin, { provinceId: refs.provinceId });
  staff('supervisor', 'PROVINCE_SUPERVISOR', staffPerson.supervisor, { provinceId: refs.provinceId });
  staff('mashhad', 'COUNTY_STAFF', staffPerson.mashhad, { countyId: refs.countyIds.MSH });
  staff('auditor', 'AUDITOR', staffPerson.auditor, { provinceId: refs.provinceId });
  const finance1 = held(1, 'ADMIN_FINANCE');
  staff('finance', 'CENTER_TRUSTEE', finance1.personId, { centerId: centerId(1), trusteeMembershipId: finance1.membershipId });

  // --- Networks and volunteers ---------------------------------------------------------
  const networkId = (no: CenterNo, kind: NetworkKind) => `demo_network_${no}_${kind.toLowerCase()}`;
  for (const c of CENTERS) {
    for (const kind of c.networks) {
      d.networks.push({
        id: networkId(c.no, kind),
        centerId: centerId(c.no),
        kind,
        description: NETWORK_DESCRIPTIONS[kind],
        createdAt: at(-(c.licensedDaysAgo ?? 0) + 30),
      });
    }
  }
  const hasNetwork = (no: CenterNo, kind: NetworkKind) => spec(no).networks.includes(kind);
  const coordinated = new Set<string>();
  let membershipNo = 0;
  const joinNetwork = (netId: string, member: { volunteerId: string } | { donorId: string }, joinedAt: Date, leftAt?: Date) => {
    const isCoordinator = 'volunteerId' in member && !leftAt && !coordinated.has(netId);
    if (isCoordinator) coordinated.add(netId);
    d.networkMemberships.push({
      id: `demo_network_member_${pad(++membershipNo, 3)}`,
      networkId: netId,
      ...member,
      isCoordinator,
      joinedAt,
      leftAt: leftAt ?? null,
      createdAt: joinedAt,
    });
  };

  type VolunteerSpec = [CenterNo, VolunteerState, VolunteerKind, Gender, NetworkKind[], string[], boolean?];
  const VOLUNTEERS: VolunteerSpec[] = [
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['ENTREPRENEURSHIP_EMPLOYMENT'], ['خیاطی', 'آموزش خیاطی']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['SUPPORT_HEALTH'], ['پرستاری', 'مددکاری اجتماعی']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['LEGAL_SERVICES'], ['مشاوره حقوقی', 'وکالت']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['HOUSING_CONSTRUCTION'], ['بنایی', 'لوله‌کشی']],
    [1, 'ACTIVE', 'HONORARY_STAFF', 'FEMALE', ['PUBLIC_PARTICIPATION'], ['ورود اطلاعات', 'تماس با خیرین']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['CULTURE_EDUCATION'], ['تدریس ریاضی', 'مشاوره تحصیلی']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['HOUSING_CONSTRUCTION', 'ENTREPRENEURSHIP_EMPLOYMENT'], ['نقاشی ساختمان'], true],
    [1, 'VETTING', 'RELIEF_VOLUNTEER', 'FEMALE', [], ['روان‌شناسی', 'مشاوره خانواده']],
    [2, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['SUPPORT_HEALTH'], ['پزشکی عمومی']],
    [2, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['CULTURE_EDUCATION'], ['تدریس زبان انگلیسی']],
    [2, 'ACTIVE', 'HONORARY_STAFF', 'FEMALE', ['PUBLIC_PARTICIPATION'], ['بایگانی', 'ورود اطلاعات']],
    [2, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['LEGAL_SERVICES'], ['امور ثبتی']],
    [2, 'INACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['ENTREPRENEURSHIP_EMPLOYMENT'], ['مشاوره کسب‌وکار', 'بازاریابی آنلاین']],
    [4, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['ENTREPRENEURSHIP_EMPLOYMENT'], ['قالی‌بافی', 'آموزش قالی‌بافی']],
    [4, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['SUPPORT_HEALTH'], ['داروسازی']],
    [4, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['HOUSING_CONSTRUCTION'], ['برق‌کاری']],
    [4, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['PUBLIC_PARTICIPATION', 'CULTURE_EDUCATION'], ['عکاسی', 'طراحی گرافیک'], true],
    [4, 'REJECTED', 'RELIEF_VOLUNTEER', 'MALE', [], ['رانندگی']],
    [3, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['SUPPORT_HEALTH'], ['مددکاری اجتماعی']],
    [5, 'APPLIED', 'HONORARY_STAFF', 'MALE', [], ['حسابداری']],
  ];
  const volunteerIds: string[] = [];
  VOLUNTEERS.forEach(([no, state, kind, gender, networks, skills, sfs], i) => {
    const id = `demo_volunteer_${pad(i + 1, 2)}`;
    volunteerIds.push(id);
    const appliedDays = state === 'APPLIED' || state === 'VETTING' ? rng.int(5, 20) : rng.int(60, 300);
    const personId = person(spec(no).county, gender, { since: at(-appliedDays) });
    const active = state === 'ACTIVE' || state === 'INACTIVE';
    const activatedAt = at(-appliedDays + 25);
    const deactivatedAt = state === 'INACTIVE' ? at(-rng.int(5, 30)) : null;
    d.volunteers.push({
      id,
      personId,
      centerId: centerId(no),
      kind,
      state,
      skills,
      availability: rng.pick(AVAILABILITY),
      serviceForService: sfs ?? false,
      appliedAt: at(-appliedDays),
      vettingStartedAt: state === 'APPLIED' ? null : at(-appliedDays + 3),
      selectionClearedAt: active ? at(-appliedDays + 18) : null,
      securityClearedAt: active ? at(-appliedDays + 20) : null,
      activatedAt: active ? activatedAt : null,
      deactivatedAt,
      rejectReason: state === 'REJECTED' ? 'عدم تأیید صلاحیت از سوی دفتر گزینش' : null,
      note: sfs ? 'خدمت به شرط خدمت: خانوار خود از خدمات مرکز بهره‌مند است' : null,
      createdAt: at(-appliedDays),
    });
    for (const kindOfNet of networks) {
      if (hasNetwork(no, kindOfNet))
        joinNetwork(networkId(no, kindOfNet), { volunteerId: id }, activatedAt, deactivatedAt ?? undefined);
    }
  });

  // --- Donors --------------------------------------------------------------------------
  const donorIds: string[] = [];
  const donorCenter = new Map<string, CenterNo>();
  const donorPerson = new Map<string, string>();
  const recruitingCenters: CenterNo[] = [1, 1, 1, 1, 2, 2, 2, 4, 4, 4, 3];
  for (let i = 1; i <= 44; i++) {
    const id = `demo_donor_${pad(i, 2)}`;
    const no = recruitingCenters[(i - 1) % recruitingCenters.length]!;
    const since = at(-rng.int(20, 500), rng.int(9, 21));
    const personId = person(spec(no).county, rng.chance(0.62) ? 'MALE' : 'FEMALE', { since });
    d.donors.push({
      id,
      type: 'NATURAL',
      personId,
      anonymous: rng.chance(0.7),
      recruitedByCenterId: centerId(no),
      note: i % 9 === 0 ? 'ترجیح می‌دهد عصرها با ایشان تماس گرفته شود' : null,
      createdAt: since,
    });
    donorIds.push(id);
    donorCenter.set(id, no);
    donorPerson.set(id, personId);
  }
  const LEGAL_DONORS: [string, string, CenterNo, NetworkKind | null][] = [
    ['شرکت تعاونی فرش دستباف توس', '18452', 1, 'ENTREPRENEURSHIP_EMPLOYMENT'],
    ['موسسه خیریه نیکوکاران کوی سجاد', '3217', 2, 'PUBLIC_PARTICIPATION'],
    ['هیئت مذهبی محبان اهل‌بیت (ع) نوغان', '946', 1, null],
    ['شرکت مصالح ساختمانی سپهر شرق', '27781', 2, 'HOUSING_CONSTRUCTION'],
    ['صندوق قرض‌الحسنه کوثر بازار نیشابور', '1588', 4, null],
    ['شرکت پخش مواد غذایی برکت خراسان', '40913', 4, 'PUBLIC_PARTICIPATION'],
  ];
  LEGAL_DONORS.forEach(([name, regNo, no, net], i) => {
    const id = `demo_donor_${pad(45 + i, 2)}`;
    const since = at(-rng.int(60, 500));
    d.donors.push({
      id,
      type: 'LEGAL',
      organizationName: name,
      organizationRegNo: regNo,
      contactPersonId: person(spec(no).county, 'MALE', { since }),
      anonymous: false,
      recruitedByCenterId: centerId(no),
      createdAt: since,
    });
    donorIds.push(id);
    donorCenter.set(id, no);
    if (net) joinNetwork(networkId(no, net), { donorId: id }, at(-rng.int(10, 50)));
  });
  // A few natural donors also serve in networks (a doctor, a lawyer, a builder ...).
  for (const [i, net] of [
    [3, 'SUPPORT_HEALTH'],
    [5, 'LEGAL_SERVICES'],
    [8, 'HOUSING_CONSTRUCTION'],
    [9, 'PUBLIC_PARTICIPATION'],
    [12, 'CULTURE_EDUCATION'],
  ] as const) {
    const donorId = donorIds[i - 1]!;
    const no = donorCenter.get(donorId)!;
    if (hasNetwork(no, net)) joinNetwork(networkId(no, net), { donorId }, at(-rng.int(10, 90)));
  }
  const donorsOf = (no: CenterNo) => donorIds.filter((id) => donorCenter.get(id) === no);

  // Messenger accounts of some donors and trustees (the bot knows them).
  const chatOf = new Map<string, string>(); // personId -> chat account id
  const chatFor = (personId: string, i: number) => {
    const platform = i % 3 === 2 ? 'BALE' : 'TELEGRAM';
    const external = String(
      platform === 'TELEGRAM' ? rng.int(100_000_000, 7_999_999_999) : rng.int(1_000_000_000, 2_099_999_999),
    );
    const id = `demo_chat_${pad(i, 2)}`;
    d.chatAccounts.push({
      id,
      platform,
      externalUserId: external,
      chatId: external,
      personId,
      displayName: personName.get(personId) ?? null,
      language: 'fa',
      lastSeenAt: at(-rng.int(1, 20), rng.int(8, 22)),
      createdAt: at(-rng.int(30, 200)),
    });
    chatOf.set(personId, id);
  };
  donorIds.slice(0, 14).forEach((donorId, i) => chatFor(donorPerson.get(donorId)!, i + 1));
  chatFor(held(1, 'ADMIN_FINANCE').personId, 15);
  chatFor(held(1, 'CHAIR').personId, 16);
  chatFor(held(4, 'VICE_CHAIR').personId, 17);

  // --- Pledges, installments and the donations that paid them --------------------------
  const confirmedBy = (no: CenterNo) => held(no, 'ADMIN_FINANCE').personId;
  let donationNo = 0;
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
  ): Prisma.DonationCreateManyInput => {
    const id = `demo_donation_${pad(++donationNo, 3)}`;
    const donorId = extra.donorId === undefined ? null : extra.donorId;
    const chat = donorId && donorPerson.has(donorId) ? chatOf.get(donorPerson.get(donorId)!) : undefined;
    const viaBot = !!chat && rng.chance(0.75);
    const createdAt = past(new Date(paidAt.getTime() + rng.int(10, 300) * 60_000));
    const row: Prisma.DonationCreateManyInput = {
      id,
      centerId: centerId(no),
      kind,
      fund,
      state,
      paidAt,
      idempotencyKey: `demo-donation-${pad(donationNo, 3)}`,
      reportedViaChatAccountId: viaBot ? chat : null,
      createdAt,
      ...extra,
    };
    if (kind === 'CASH') {
      Object.assign(row, {
        amountRial: what.amountRial!,
        sandoghAccountNo: accountOf.get(no)!,
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
    // Decided by the center's finance officer a few hours to a day and a half after the report.
    const decidedAt = past(new Date(createdAt.getTime() + rng.int(2, 40) * 3_600_000));
    if (state === 'CONFIRMED') Object.assign(row, { confirmedAt: decidedAt, confirmedById: confirmedBy(no) });
    if (state === 'REJECTED')
      Object.assign(row, { rejectedAt: decidedAt, rejectedById: confirmedBy(no), rejectReason: rng.pick(REJECT_REASONS) });
    d.donations.push(row);
    return row;
  };

  interface PledgeSpec {
    no: CenterNo;
    donor: string;
    kind: AidKind;
    fund: Fund;
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
    /** ACTIVE: what happened to the last due installment. */
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
      state: p.state,
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

    let lastPaidAt: Date | null = null;
    for (let seq = 1; seq <= p.count; seq++) {
      const due = dueOn(seq);
      const isDue = seq <= p.due;
      const inst: Prisma.PledgeInstallmentCreateManyInput = {
        id: `${id.replace('pledge', 'installment')}_${pad(seq, 2)}`,
        pledgeId: id,
        seq,
        dueOn: due,
        scheduledAmountRial: p.kind === 'CASH' ? p.per! : null,
        state: 'PENDING',
        createdAt,
      };
      const paidLimit = p.state === 'ACTIVE' || p.state === 'FULFILLED' ? p.due : (p.paid ?? 0);
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
        return paidAt;
      };
      if (isDue && seq <= paidLimit) {
        const last = seq === p.due && p.state === 'ACTIVE' ? p.lastDue : undefined;
        if (last === 'PENDING') {
          Object.assign(inst, { state: 'PENDING', reminderCount: 2, lastRemindedAt: at(-1, 9) });
        } else if (last === 'REPORTED') {
          pay(p.per, 'REPORTED');
          Object.assign(inst, { state: 'PENDING', reminderCount: 1, lastRemindedAt: at(-p.lastDueDaysAgo, 9) });
        } else if (last === 'PARTIAL') {
          const half = p.per! / 2n;
          const paidAt = pay(half, 'CONFIRMED');
          Object.assign(inst, { state: 'PARTIAL', paidAmountRial: half, paidAt, reminderCount: 1, lastRemindedAt: at(-1, 9) });
        } else {
          const paidAt = pay(p.per, 'CONFIRMED');
          Object.assign(inst, { state: 'PAID', paidAmountRial: p.kind === 'CASH' ? p.per! : 0n, paidAt });
          lastPaidAt = paidAt;
        }
      } else if (isDue && p.state === 'LAPSED') {
        Object.assign(inst, {
          state: 'MISSED',
          reminderCount: 3,
          lastRemindedAt: at(Math.round((due.getTime() - today.getTime()) / DAY_MS) + 5, 9),
        });
      } else if (p.state === 'CANCELLED' || p.state === 'LAPSED') {
        inst.state = 'CANCELLED';
      }
      d.installments.push(inst);
    }
    if (p.state === 'FULFILLED') row.fulfilledAt = lastPaidAt;
    if (p.state === 'CANCELLED') {
      // After the last paid installment, or a few days after pledging when nothing was paid.
      const cancelledAt =
        (p.paid ?? 0) > 0
          ? at(Math.round((dueOn(p.paid!).getTime() - today.getTime()) / DAY_MS) + 6, 17)
          : new Date(createdAt.getTime() + 4 * DAY_MS);
      Object.assign(row, { cancelledAt: past(cancelledAt), cancelReason: p.reason ?? 'انصراف خیر' });
    }
    if (p.state === 'LAPSED') row.lapsedAt = past(at(-p.lastDueDaysAgo + 7, 3));
    d.pledges.push(row);
  };
  const dn = (no: CenterNo, i: number) => {
    const list = donorsOf(no);
    return list[i % list.length]!;
  };
  const M = (rials: number) => BigInt(rials);
  // prettier-ignore
  const PLEDGES: PledgeSpec[] = [
    // monthly
    { no: 1, donor: dn(1, 0), kind: 'CASH', fund: 'ORPHANS', state: 'ACTIVE', count: 12, per: M(2_000_000), due: 5, lastDueDaysAgo: 4, lastDue: 'PENDING' },
    { no: 1, donor: dn(1, 1), kind: 'CASH', fund: 'GENERAL', state: 'FULFILLED', count: 6, per: M(1_000_000), due: 6, lastDueDaysAgo: 40 },
    { no: 1, donor: dn(1, 2), kind: 'CASH', fund: 'QARD_AL_HASAN', state: 'LAPSED', count: 10, per: M(5_000_000), due: 4, lastDueDaysAgo: 12, paid: 1 },
    { no: 1, donor: dn(1, 3), kind: 'CASH', fund: 'SADAQA', state: 'ACTIVE', count: 12, per: M(500_000), due: 3, lastDueDaysAgo: 2, lastDue: 'REPORTED' },
    { no: 2, donor: dn(2, 0), kind: 'CASH', fund: 'DOWRY', state: 'ACTIVE', count: 12, per: M(3_000_000), due: 2, lastDueDaysAgo: 15 },
    { no: 2, donor: dn(2, 1), kind: 'CASH', fund: 'EDUCATION', state: 'ACTIVE', count: 9, per: M(1_500_000), due: 3, lastDueDaysAgo: 8 },
    { no: 2, donor: dn(2, 2), kind: 'CASH', fund: 'GENERAL', state: 'ACTIVE', count: 12, per: M(1_000_000), due: 0, lastDueDaysAgo: -9 },
    { no: 4, donor: dn(4, 0), kind: 'CASH', fund: 'GENERAL', state: 'ACTIVE', count: 12, per: M(1_000_000), due: 6, lastDueDaysAgo: 3, lastDue: 'PARTIAL' },
    { no: 4, donor: dn(4, 1), kind: 'CASH', fund: 'HOUSING', state: 'CANCELLED', count: 6, per: M(4_000_000), due: 5, lastDueDaysAgo: 10, paid: 2, reason: 'خیر به دلیل مشکلات مالی از ادامه تعهد انصراف داد' },
    { no: 4, donor: dn(4, 2), kind: 'CASH', fund: 'EMPLOYMENT', state: 'LAPSED', count: 6, per: M(2_500_000), due: 4, lastDueDaysAgo: 9, paid: 2 },
    { no: 4, donor: dn(4, 3), kind: 'CASH', fund: 'ORPHANS', state: 'ACTIVE', count: 12, per: M(1_000_000), due: 2, lastDueDaysAgo: 20 },
    // one-time
    { no: 1, donor: dn(1, 4), kind: 'CASH', fund: 'ZAKAT', state: 'FULFILLED', count: 1, per: M(15_000_000), due: 1, lastDueDaysAgo: 33 },
    { no: 1, donor: dn(1, 5), kind: 'IN_KIND', fund: 'GENERAL', state: 'ACTIVE', count: 1, item: IN_KIND_ITEMS[6], qty: 20, due: 0, lastDueDaysAgo: -10 },
    { no: 1, donor: dn(1, 6), kind: 'SERVICE', fund: 'HEALTH', state: 'ACTIVE', count: 1, service: SERVICES[0], hours: 10, due: 0, lastDueDaysAgo: -5 },
    { no: 1, donor: dn(1, 7), kind: 'CASH', fund: 'KAFFARA', state: 'ACTIVE', count: 1, per: M(2_400_000), due: 0, lastDueDaysAgo: -3 },
    { no: 2, donor: dn(2, 3), kind: 'CASH', fund: 'RADD_MAZALEM', state: 'CANCELLED', count: 1, per: M(8_000_000), due: 0, lastDueDaysAgo: -14, reason: 'خیر ترجیح داد مبلغ را مستقیماً به حساب کمیته امداد واریز کند' },
    { no: 2, donor: donorIds[47]!, kind: 'IN_KIND', fund: 'GENERAL', state: 'FULFILLED', count: 1, item: IN_KIND_ITEMS[5], qty: 4, due: 1, lastDueDaysAgo: 50 },
    { no: 4, donor: dn(4, 4), kind: 'CASH', fund: 'FITRIYEH', state: 'FULFILLED', count: 1, per: M(4_500_000), due: 1, lastDueDaysAgo: 70 },
    { no: 4, donor: dn(4, 5), kind: 'SERVICE', fund: 'GENERAL', state: 'ACTIVE', count: 1, service: SERVICES[3], hours: 8, due: 0, lastDueDaysAgo: -12 },
    { no: 4, donor: dn(4, 6), kind: 'CASH', fund: 'SADAQA', state: 'LAPSED', count: 1, per: M(3_000_000), due: 1, lastDueDaysAgo: 45 },
    { no: 3, donor: dn(3, 0), kind: 'CASH', fund: 'NAZR', state: 'FULFILLED', count: 1, per: M(3_000_000), due: 1, lastDueDaysAgo: 60 },
  ];
  PLEDGES.forEach(pledge);

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
  const gifts: [CenterNo, 'REPORTED' | 'CONFIRMED' | 'REJECTED', AidKind, number][] = [
    // center, state, kind, how many
    [1, 'CONFIRMED', 'CASH', 9],
    [1, 'CONFIRMED', 'IN_KIND', 2],
    [1, 'CONFIRMED', 'SERVICE', 1],
    [1, 'REPORTED', 'CASH', 3],
    [1, 'REPORTED', 'IN_KIND', 1],
    [1, 'REJECTED', 'CASH', 1],
    [2, 'CONFIRMED', 'CASH', 7],
    [2, 'CONFIRMED', 'IN_KIND', 1],
    [2, 'REPORTED', 'CASH', 2],
    [2, 'REJECTED', 'CASH', 1],
    [4, 'CONFIRMED', 'CASH', 8],
    [4, 'CONFIRMED', 'IN_KIND', 2],
    [4, 'CONFIRMED', 'SERVICE', 1],
    [4, 'REPORTED', 'CASH', 2],
    [4, 'REPORTED', 'SERVICE', 1],
    [4, 'REJECTED', 'CASH', 1],
    [3, 'CONFIRMED', 'CASH', 4],
  ];
  let firstConfirmedCash1: Prisma.DonationCreateManyInput | null = null;
  for (const [no, state, kind, n] of gifts) {
    for (let i = 0; i < n; i++) {
      // Reported gifts are recent (waiting in the queue); the suspended center's are older.
      const daysAgo = state === 'REPORTED' ? rng.int(1, 5) : no === 3 ? rng.int(25, 200) : rng.int(2, 200);
      const paidAt = at(-daysAgo, rng.int(8, 22), rng.int(0, 59));
      const anonymousGift = kind === 'CASH' && state === 'CONFIRMED' && rng.chance(0.12);
      const donorId = anonymousGift ? null : rng.chance(0.75) ? rng.pick(donorsOf(no)) : rng.pick(donorIds);
      const row = donation(
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
      if (!firstConfirmedCash1 && no === 1 && state === 'CONFIRMED' && kind === 'CASH' && row.donorId) firstConfirmedCash1 = row;
    }
  }

  // Earmarked gifts of two organisations, which the distributions below draw on.
  donation(
    1,
    'CONFIRMED',
    'CASH',
    'HEALTH',
    at(-26, 18, 40),
    { amountRial: 18_000_000n },
    { donorId: donorIds[46]!, note: 'نذر هیئت برای درمان بیماران محله' },
  );
  donation(2, 'CONFIRMED', 'CASH', 'GENERAL', at(-33, 11, 15), { amountRial: 25_000_000n }, { donorId: donorIds[45]! });

  // One confirmed gift turned out to be reported twice: it is reversed by a new row.
  const reversed = firstConfirmedCash1!;
  d.reversals.push({
    id: 'demo_donation_reversal_01',
    centerId: reversed.centerId,
    donorId: reversed.donorId,
    kind: reversed.kind,
    fund: reversed.fund,
    state: 'REVERSED',
    amountRial: reversed.amountRial,
    sandoghAccountNo: reversed.sandoghAccountNo,
    traceNumber: reversed.traceNumber,
    paidAt: reversed.paidAt,
    reversesId: reversed.id,
    reversalReason: 'واریز تکراری: همین واریز با شماره پیگیری یکسان دو بار ثبت و تأیید شده بود',
    idempotencyKey: 'demo-donation-reversal-01',
    note: 'اصلاح به دستور مسئول امور اداری و مالی',
    createdAt: past(new Date((reversed.confirmedAt as Date).getTime() + 2 * DAY_MS)),
  });

  // Gap-free receipt numbers per center, in confirmation order.
  for (const counter of d.receiptCounters) {
    const confirmed = d.donations
      .filter((x) => x.centerId === counter.centerId && x.state === 'CONFIRMED')
      .sort((a, b) => (a.confirmedAt as Date).getTime() - (b.confirmedAt as Date).getTime() || a.id!.localeCompare(b.id!));
    confirmed.forEach((x, i) => (x.receiptNo = i + 1));
    counter.lastNo = confirmed.length;
  }

  // Cash balance per center and fund, so distributions never spend money a fund lacks.
  const balance = new Map<string, bigint>();
  const key = (no: CenterNo, fund: Fund) => `${no}:${fund}`;
  for (const x of [...d.donations, ...d.reversals]) {
    if (x.kind !== 'CASH' || (x.state !== 'CONFIRMED' && x.state !== 'REVERSED')) continue;
    const no = Number(x.centerId.slice('demo_center_'.length)) as CenterNo;
    const sign = x.state === 'CONFIRMED' ? 1n : -1n;
    balance.set(key(no, x.fund), (balance.get(key(no, x.fund)) ?? 0n) + sign * BigInt(x.amountRial as bigint));
  }

  // --- Beneficiary households and their needs ------------------------------------------
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
    const c = spec(no);
    for (let i = 0; i < n; i++) {
      const id = `demo_beneficiary_${pad(d.beneficiaries.length + 1, 2)}`;
      const createdDays = rng.int(20, 320);
      const createdAt = at(-createdDays, rng.int(9, 19));
      const gender: Gender = rng.chance(0.6) ? 'FEMALE' : 'MALE';
      const [first, last] = newName(gender);
      const fate = fates[`${no}:${i}`];
      const consent = fate === 'CLOSED' || rng.chance(0.93);
      const phoneKind = rng.next();
      const employable = (no === 1 && i === 1) || (no === 4 && (i === 0 || i === 2)) || rng.chance(0.45);
      d.beneficiaries.push({
        id,
        centerId: centerId(no),
        referenceCode: `B-${c.county}-${pad(++refSeq[c.county], 4)}`,
        headName: `${first} ${last}`,
        headNationalId: nationalId(c.county),
        headGender: gender,
        phone: phoneKind < 0.7 ? mobile() : phoneKind < 0.9 ? `051${rng.digits(8)}` : null,
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
        if (state === 'IN_PROGRESS' && !hasNetwork(no, net)) state = 'OPEN';
        const needAt = at(-createdDays + rng.int(0, 3), rng.int(9, 19));
        const need: Prisma.BeneficiaryNeedCreateManyInput = {
          id: `demo_need_${pad(++needNo, 3)}`,
          beneficiaryId: id,
          category,
          priority: weighted(rng, priorities),
          state,
          description: rng.pick(cat.texts),
          estimatedCostRial: cat.cost ? rng.rial(cat.cost[0], cat.cost[1], 500_000) : null,
          routedNetworkId: (state === 'IN_PROGRESS' || state === 'MET') && hasNetwork(no, net) ? networkId(no, net) : null,
          createdAt: needAt,
        };
        if (need.routedNetworkId) need.routedAt = at(-createdDays + 5, 11);
        if (state === 'MET') need.metAt = past(at(-Math.max(1, Math.floor(createdDays / 3)), 12));
        needs.push(need);
      }
      needsOf.set(id, needs);
      d.needs.push(...needs);
    }
  }
  const ben = (no: CenterNo, i: number) => beneficiaryIds[no]![i]!;
  const needFor = (beneficiaryId: string, categories: NeedCategory[]) =>
    needsOf.get(beneficiaryId)!.find((n) => categories.includes(n.category))?.id ?? needsOf.get(beneficiaryId)![0]!.id;

  // --- Distributions -------------------------------------------------------------------
  let distributionNo = 0;
  let approvalNo = 0;
  const approval = (a: Omit<Prisma.ApprovalRequestCreateManyInput, 'id'>) => {
    const id = `demo_approval_${pad(++approvalNo, 2)}`;
    d.approvals.push({ id, ...a });
    return id;
  };
  const distribute = (
    from: CenterNo,
    beneficiaryId: string,
    state: 'PENDING_APPROVAL' | 'APPROVED' | 'DISTRIBUTED' | 'CANCELLED',
    daysAgo: number,
    what: { cash?: [Fund, number]; item?: [string, number, string, number]; service?: [string, number] },
    note?: string,
  ) => {
    const id = `demo_distribution_${pad(++distributionNo, 2)}`;
    const row: Prisma.DistributionCreateManyInput = {
      id,
      centerId: centerId(from),
      beneficiaryId,
      fund: 'GENERAL',
      kind: 'CASH',
      state,
      note: note ?? null,
      createdAt: at(-daysAgo, 10),
    };
    if (what.cash) {
      // Spend at most 80% of what the fund holds; when the fund is short, use the richest of
      // the unrestricted funds instead.
      let [fund, wanted] = what.cash;
      if ((balance.get(key(from, fund)) ?? 0n) < BigInt(wanted)) {
        const unrestricted: Fund[] = ['GENERAL', 'SADAQA', 'NAZR', 'HEALTH', 'EDUCATION', 'HOUSING', 'EMPLOYMENT'];
        fund = unrestricted.reduce((best, f) =>
          (balance.get(key(from, f)) ?? 0n) > (balance.get(key(from, best)) ?? 0n) ? f : best,
        );
      }
      const available = balance.get(key(from, fund)) ?? 0n;
      const cap = ((available * 8n) / 10n / 100_000n) * 100_000n;
      const amount = BigInt(wanted) < cap ? BigInt(wanted) : cap;
      if (amount <= 0n) throw new Error(`demo: center ${from} has no ${fund} money to distribute`);
      if (state === 'APPROVED' || state === 'DISTRIBUTED') balance.set(key(from, fund), available - amount);
      Object.assign(row, { fund, amountRial: amount });
      row.needId = needFor(
        beneficiaryId,
        fund === 'ORPHANS' ? ['ORPHAN_SUPPORT'] : fund === 'HEALTH' ? ['HEALTH'] : ['FOOD', 'HOUSING', 'DEBT_LOAN', 'CLOTHING'],
      );
    } else if (what.item) {
      const [itemDescription, quantity, unit, value] = what.item;
      Object.assign(row, { kind: 'IN_KIND', itemDescription, quantity, unit, estimatedValueRial: BigInt(value) });
      row.needId = needFor(beneficiaryId, ['FOOD', 'HOUSEHOLD_GOODS', 'CLOTHING']);
    } else if (what.service) {
      Object.assign(row, { kind: 'SERVICE', fund: 'HEALTH', serviceDescription: what.service[0], serviceHours: what.service[1] });
      row.needId = needFor(beneficiaryId, ['HEALTH', 'COUNSELING']);
    }
    if (state === 'APPROVED' || state === 'DISTRIBUTED')
      Object.assign(row, { approvedById: held(from, 'CHAIR').personId, approvedAt: at(-daysAgo + 1, 12) });
    if (state === 'DISTRIBUTED')
      Object.assign(row, { distributedById: held(from, 'VICE_CHAIR').personId, distributedAt: at(-daysAgo + 2, 16) });
    if (state === 'CANCELLED')
      Object.assign(row, {
        cancelledAt: at(-daysAgo + 3, 11),
        cancelReason: 'خانوار از سوی کمیته امداد تحت پوشش مستمری قرار گرفت',
      });
    d.distributions.push(row);
    return id;
  };
  distribute(1, ben(1, 0), 'DISTRIBUTED', 40, { cash: ['GENERAL', 5_000_000] });
  distribute(1, ben(1, 2), 'DISTRIBUTED', 28, { cash: ['ORPHANS', 6_000_000] });
  distribute(1, ben(1, 3), 'DISTRIBUTED', 20, { item: ['سبد غذایی', 2, 'بسته', 5_000_000] });
  distribute(1, ben(1, 4), 'APPROVED', 4, { cash: ['GENERAL', 4_000_000] });
  const pendingDistribution = distribute(
    1,
    ben(1, 5),
    'PENDING_APPROVAL',
    2,
    { cash: ['HEALTH', 12_000_000] },
    'هزینه عمل جراحی؛ بیش از سقف تأیید خودکار، منتظر تأیید رئیس هیئت امنا',
  );
  distribute(
    2,
    ben(1, 6),
    'DISTRIBUTED',
    15,
    { cash: ['GENERAL', 8_000_000] },
    'کمک مرکز محله برخوردار به خانوار محله کم‌برخوردار با هماهنگی اداره شهرستان (بند ۸)',
  );
  distribute(2, ben(2, 0), 'DISTRIBUTED', 10, { service: ['ویزیت رایگان پزشک عمومی و نسخه دارو', 2] });
  distribute(4, ben(4, 2), 'DISTRIBUTED', 35, { cash: ['GENERAL', 3_000_000] });
  distribute(4, ben(4, 4), 'DISTRIBUTED', 60, { item: ['بخاری گازی', 1, 'دستگاه', 8_500_000] });
  distribute(4, ben(4, 5), 'CANCELLED', 25, { cash: ['GENERAL', 2_000_000] });
  approval({
    kind: 'DISTRIBUTION',
    targetEntity: 'Distribution',
    targetId: pendingDistribution,
    centerId: centerId(1),
    countyId: refs.countyIds.MSH,
    deciderTrusteeRole: 'CHAIR',
    requestedById: held(1, 'VICE_CHAIR').personId,
    requestReason: 'پرداخت هزینه عمل جراحی چشم سرپرست خانوار',
    requestedAt: at(-2, 10),
  });

  // --- Employment plans ("employment first") -------------------------------------------
  d.employmentPlans.push(
    {
      id: 'demo_employment_plan_1',
      centerId: centerId(1),
      beneficiaryId: ben(1, 1),
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
      beneficiaryId: ben(4, 0),
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
      beneficiaryId: ben(4, 2),
      kind: 'TRAINING',
      state: 'DRAFT',
      title: 'دوره آموزش قالی‌بافی و گره‌زنی',
      capitalNeededRial: 12_000_000n,
      fundingFund: 'EMPLOYMENT',
      networkId: networkId(4, 'ENTREPRENEURSHIP_EMPLOYMENT'),
      createdAt: at(-6),
    },
  );
  d.followUps.push(
    {
      id: 'demo_followup_1',
      planId: 'demo_employment_plan_1',
      followedUpAt: at(-45, 17),
      recordedById: held(1, 'EMPLOYMENT').personId,
      outcome: 'ON_TRACK',
      note: 'چرخ‌ها خریداری و نصب شد؛ اولین سفارش‌ها دریافت شده است',
    },
    {
      id: 'demo_followup_2',
      planId: 'demo_employment_plan_1',
      followedUpAt: at(-10, 17),
      recordedById: held(1, 'EMPLOYMENT').personId,
      outcome: 'NEEDS_HELP',
      note: 'برای فروش تولیدات به بازار نیاز دارد؛ معرفی به بازارچه خیریه مسجد پیشنهاد شد',
      nextFollowUpOn: day(5),
    },
    {
      id: 'demo_followup_3',
      planId: 'demo_employment_plan_2',
      followedUpAt: at(-120, 11),
      recordedById: held(4, 'SOCIAL_WORK').personId,
      outcome: 'ON_TRACK',
      note: 'دوره آزمایشی در کارگاه با رضایت کارفرما',
    },
    {
      id: 'demo_followup_4',
      planId: 'demo_employment_plan_2',
      followedUpAt: at(-40, 11),
      recordedById: held(4, 'SOCIAL_WORK').personId,
      outcome: 'EMPLOYED',
      note: 'قرارداد کار با کارگاه بسته شد و بیمه برقرار است',
    },
  );

  // --- Feedback, inspections, license decisions ----------------------------------------
  d.feedback.push(
    {
      id: 'demo_feedback_1',
      kind: 'COMPLAINT',
      countyId: refs.countyIds.MSH,
      centerId: centerId(3),
      anonymous: true,
      body: 'در این مرکز کمک نقدی خیرین بدون ثبت در سامانه و بدون رسید دریافت می‌شود و به حساب صندوق واریز نمی‌گردد.',
      state: 'RESOLVED',
      assignedToId: staffId('mashhad'),
      response: 'بازرسی انجام شد؛ تخلف تأیید و مجوز مرکز تا اصلاح روال‌ها تعلیق گردید.',
      resolvedAt: at(-21, 14),
      createdAt: at(-40, 20),
    },
    {
      id: 'demo_feedback_2',
      kind: 'SUGGESTION',
      countyId: refs.countyIds.MSH,
      centerId: centerId(1),
      authorPersonId: donorPerson.get(donorIds[0]!)!,
      authorChatAccountId: chatOf.get(donorPerson.get(donorIds[0]!)!) ?? null,
      body: 'پیشنهاد می‌کنم گزارش ماهانه کمک‌ها و هزینه‌ها برای خیرین از طریق پیام‌رسان ارسال شود.',
      state: 'IN_REVIEW',
      assignedToId: staffId('mashhad'),
      createdAt: at(-9, 21),
    },
    {
      id: 'demo_feedback_3',
      kind: 'CRITICISM',
      countyId: refs.countyIds.MSH,
      centerId: centerId(2),
      authorPersonId: donorPerson.get(donorsOf(2)[0]!)!,
      body: 'پاسخ به پیام‌های خیرین درباره تأیید واریزی‌ها چند روز طول می‌کشد.',
      state: 'NEW',
      createdAt: at(-3, 19),
    },
    {
      id: 'demo_feedback_4',
      kind: 'PRAISE',
      countyId: refs.countyIds.NSH,
      centerId: centerId(4),
      anonymous: true,
      body: 'از رسیدگی سریع و محترمانه اعضای مرکز به خانواده ما در زمستان سپاسگزاریم.',
      state: 'NEW',
      createdAt: at(-7, 12),
    },
    {
      id: 'demo_feedback_5',
      kind: 'SUCCESS_STORY',
      countyId: refs.countyIds.NSH,
      centerId: centerId(4),
      authorPersonId: held(4, 'VICE_CHAIR').personId,
      body: 'سرپرست یکی از خانوارهای تحت حمایت پس از معرفی به کارگاه فرش‌بافی شاغل شد و خانوار به خودکفایی رسید.',
      state: 'RESOLVED',
      response: 'برای انتشار در گزارش تجربه‌های موفق استان ثبت شد.',
      resolvedAt: at(-25),
      createdAt: at(-30, 10),
    },
  );
  d.inspections.push(
    {
      id: 'demo_inspection_1',
      centerId: centerId(1),
      inspectorId: staffId('supervisor'),
      kind: 'ROUTINE',
      visitedAt: at(-200, 10),
      findings:
        'اسناد مالی منظم و کامل است؛ همه کمک‌ها در سامانه ثبت شده و به حساب صندوق امداد ولایت واریز شده است. بایگانی مرتب است.',
      recommendations: 'برگزاری منظم مجمع خیرین و ارسال گزارش ماهانه به اداره شهرستان ادامه یابد.',
      outcome: 'RENEW',
      outcomeReason: 'عملکرد مطلوب در نظارت میدانی',
      concludedAt: at(-192, 12),
      createdAt: at(-200, 10),
    },
    {
      id: 'demo_inspection_2',
      centerId: centerId(3),
      inspectorId: staffId('supervisor'),
      kind: 'COMPLAINT',
      feedbackId: 'demo_feedback_1',
      visitedAt: at(-30, 11),
      findings:
        'دریافت وجه نقد خارج از سامانه و بدون صدور رسید تأیید شد (مغایر بندهای ۲ و ۳ شیوه‌نامه). دفتر صورتجلسات ناقص است.',
      recommendations: 'ثبت همه کمک‌ها در سامانه، واریز فقط به حساب صندوق امداد ولایت و آموزش مسئول مالی.',
      outcome: 'SUSPEND',
      outcomeReason: 'تخلف از قاعده ثبت همه کمک‌ها در سامانه',
      concludedAt: at(-22, 12),
      createdAt: at(-30, 11),
    },
    {
      id: 'demo_inspection_3',
      centerId: centerId(4),
      inspectorId: staffId('supervisor'),
      kind: 'ROUTINE',
      visitedAt: at(-3, 10),
      findings: 'بازدید انجام شد؛ گزارش در حال تکمیل است.',
      createdAt: at(-3, 10),
    },
  );
  // Center 1: renewed after the routine inspection.
  const renewedAt = at(-190, 11);
  const renewedUntil = day(540);
  Object.assign(centerRow(1), { lastRenewedAt: renewedAt, licenseExpiresOn: renewedUntil });
  licenseEvent(1, {
    kind: 'RENEWED',
    fromState: 'LICENSED',
    toState: 'LICENSED',
    activityCode: centerRow(1).activityCode,
    validUntil: renewedUntil,
    letterNo: `${jy(renewedAt)}/ت/${rng.int(10000, 99999)}`,
    inspectionId: 'demo_inspection_1',
    actorId: staffPerson.supervisor,
    at: renewedAt,
  });
  // Center 3: suspended on the complaint inspection, decided through an approval request.
  const suspendedAt = at(-21, 12);
  centerRow(3).suspendedAt = suspendedAt;
  const suspension = approval({
    kind: 'LICENSE_DECISION',
    state: 'APPROVED',
    targetEntity: 'Center',
    targetId: centerId(3),
    payload: { action: 'SUSPEND', inspectionId: 'demo_inspection_2' },
    centerId: centerId(3),
    countyId: refs.countyIds.MSH,
    deciderStaffRole: 'PROVINCE_SUPERVISOR',
    requestedById: staffPerson.mashhad,
    requestReason: 'پیشنهاد تعلیق مجوز بر اساس نتیجه بازرسی شکایت',
    requestedAt: at(-22, 13),
    decidedById: staffPerson.supervisor,
    decidedAt: suspendedAt,
    decisionReason: 'تعلیق تا اصلاح روال دریافت کمک‌ها و آموزش مسئول مالی',
  });
  licenseEvent(3, {
    kind: 'SUSPENDED',
    fromState: 'LICENSED',
    toState: 'SUSPENDED',
    activityCode: centerRow(3).activityCode,
    letterNo: `${jy(suspendedAt)}/ت/${rng.int(10000, 99999)}`,
    reason: 'دریافت کمک نقدی خارج از سامانه (بازرسی شکایت)',
    inspectionId: 'demo_inspection_2',
    approvalRequestId: suspension,
    actorId: staffPerson.supervisor,
    at: suspendedAt,
  });
  // Center 5: its license application and its chair's appointment wait for the county.
  approval({
    kind: 'LICENSE_DECISION',
    targetEntity: 'Center',
    targetId: centerId(5),
    payload: { action: 'ISSUE' },
    centerId: centerId(5),
    countyId: refs.countyIds.NSH,
    deciderStaffRole: 'COUNTY_STAFF',
    requestedById: c5Chair.personId,
    requestReason: 'درخواست صدور مجوز و کد فعالیت برای مرکز صنف فرش‌فروشان',
    requestedAt: at(-12, 11),
  });
  approval({
    kind: 'TRUSTEE_APPOINTMENT',
    targetEntity: 'TrusteeMembership',
    targetId: c4Culture.id,
    centerId: centerId(4),
    countyId: refs.countyIds.NSH,
    deciderStaffRole: 'COUNTY_STAFF',
    requestedById: held(4, 'CHAIR').personId,
    requestReason: 'افزودن مسئول امور فرهنگی و آموزشی به هیئت امنا',
    requestedAt: at(-24, 10),
  });

  // --- Trustee tasks -------------------------------------------------------------------
  let taskNo = 0;
  const task = (
    no: CenterNo,
    role: TrusteeRole | null,
    t: Omit<Prisma.TrusteeTaskCreateManyInput, 'id' | 'centerId'>,
    byMembership = true,
  ) => {
    const due = (t.dueAt as Date).getTime();
    d.tasks.push({
      id: `demo_task_${pad(++taskNo, 2)}`,
      centerId: centerId(no),
      assigneeRole: role,
      assigneeMembershipId: byMembership && role ? held(no, role).membershipId : (t.assigneeMembershipId ?? null),
      createdAt: new Date(Math.min(at(-15).getTime(), due - 10 * DAY_MS)),
      ...t,
    });
  };
  const lastMonth = jMonth(addJalaliMonths(today, -1));
  task(1, 'VICE_CHAIR', {
    title: `تهیه تراز مالی ${faDigits(lastMonth)}`,
    description: 'تراز دریافت‌ها و پرداخت‌ها به تفکیک صندوق‌ها برای ارسال به اداره شهرستان',
    dueAt: at(5, 18),
  });
  task(1, 'ADMIN_FINANCE', {
    title: 'بررسی و تأیید کمک‌های گزارش‌شده',
    description: 'واریزی‌های گزارش‌شده خیرین را با صورتحساب صندوق امداد ولایت تطبیق دهید',
    dueAt: at(-1, 18),
    reminderCount: 2,
    lastRemindedAt: at(-1, 9),
  });
  task(1, 'CHAIR', {
    title: 'برگزاری جلسه ماهانه هیئت امنا',
    dueAt: at(-35, 20),
    state: 'DONE',
    completedAt: at(-35, 21),
    completedById: held(1, 'CHAIR').personId,
  });
  task(1, 'DONORS_MEN', {
    title: 'برگزاری مجمع خیرین محله',
    description: 'دعوت از خیرین و ارائه گزارش شفاف کمک‌ها',
    dueAt: at(20, 19),
  });
  task(1, 'DONORS_WOMEN', {
    title: 'برگزاری مجمع بانوان کارآفرین',
    dueAt: at(2, 10),
    state: 'SNOOZED',
    snoozedUntil: at(3, 9),
    reminderCount: 1,
    lastRemindedAt: at(-1, 9),
  });
  task(2, 'ADMIN_FINANCE', {
    title: 'تدوین برنامه مالی سالانه',
    dueAt: at(-50, 18),
    state: 'DONE',
    completedAt: at(-52, 16),
    completedById: held(2, 'ADMIN_FINANCE').personId,
  });
  task(2, 'ORGANIZATIONS', { title: 'هماهنگی با پایگاه بسیج محله برای توزیع بسته‌های معیشتی', dueAt: at(7, 18) });
  task(4, 'VICE_CHAIR', {
    title: 'ارسال اسناد کمک‌های دریافتی ماه به اداره شهرستان',
    dueAt: at(9, 18),
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=25',
  });
  task(
    4,
    null,
    {
      title: 'بازدید از منزل خانوارهای جدید',
      dueAt: at(-2, 17),
      assigneeMembershipId: held(4, 'SOCIAL_WORK').membershipId,
      reminderCount: 1,
      lastRemindedAt: at(-2, 9),
    },
    false,
  );
  task(4, 'CHAIR', { title: 'پیگیری جلسه با اداره شهرستان درباره تمدید مجوز', dueAt: at(-15, 12), state: 'CANCELLED' }, false);

  // --- Minutes -------------------------------------------------------------------------
  const board = (no: CenterNo) =>
    (['CHAIR', 'VICE_CHAIR', 'ADMIN_FINANCE', 'DONORS_MEN', 'DONORS_WOMEN', 'ORGANIZATIONS'] as const)
      .map((r) => personName.get(held(no, r).personId))
      .join('، ');
  d.minutes.push(
    {
      id: 'demo_minutes_1',
      centerId: centerId(1),
      meetingAt: at(-35, 20),
      title: `جلسه ماهانه هیئت امنا — ${faDigits(jMonth(at(-35)))}`,
      location: 'دفتر مرکز، مسجد جامع گوهرشاد',
      attendees: board(1),
      agenda: '۱. گزارش مالی ماه گذشته ۲. بررسی خانوارهای جدید ۳. برنامه جشن نیکوکاری',
      decisions:
        'گزارش مالی تصویب شد. سه خانوار جدید پس از بازدید مددکار ثبت شوند. جشن نیکوکاری با مشارکت شبکه توسعه مشارکت‌ها برگزار شود.',
    },
    {
      id: 'demo_minutes_2',
      centerId: centerId(2),
      meetingAt: at(-20, 19),
      title: 'جلسه برنامه‌ریزی حمایت از محله‌های کم‌برخوردار',
      location: 'کتابخانه مسجد امام جعفر صادق (ع)',
      attendees: board(2),
      agenda: 'همکاری با مرکز مسجد جامع گوهرشاد در حمایت از خانوارهای پایین‌خیابان',
      decisions: 'با هماهنگی اداره شهرستان، ماهانه بخشی از صندوق عمومی به خانوارهای معرفی‌شده مرکز گوهرشاد اختصاص یابد.',
    },
    {
      id: 'demo_minutes_3',
      centerId: centerId(4),
      meetingAt: at(-12, 18),
      title: 'جلسه بررسی طرح‌های اشتغال',
      location: 'دفتر مرکز، مسجد جامع نیشابور',
      attendees: board(4),
      agenda: 'بررسی طرح آموزش قالی‌بافی و پیگیری اشتغال خانوارها',
      decisions: 'طرح آموزش قالی‌بافی برای دو خانوار تصویب و برای تأمین سرمایه از صندوق اشتغال اقدام شود.',
    },
  );

  // --- Archive (destruction only with Imdad's approval) --------------------------------
  const destroyApproval = approval({
    kind: 'ARCHIVE_DESTRUCTION',
    state: 'APPROVED',
    targetEntity: 'ArchiveDocument',
    targetId: 'demo_archive_3',
    centerId: centerId(1),
    countyId: refs.countyIds.MSH,
    deciderStaffRole: 'COUNTY_STAFF',
    requestedById: held(1, 'VICE_CHAIR').personId,
    requestReason: 'نسخه‌های تکراری فرم‌ها که اصل آن‌ها در پرونده‌ها بایگانی شده است',
    requestedAt: at(-60, 10),
    decidedById: staffPerson.mashhad,
    decidedAt: at(-55, 12),
    decisionReason: 'با امحای نسخه‌های تکراری موافقت می‌شود',
  });
  const pendingDestroy = approval({
    kind: 'ARCHIVE_DESTRUCTION',
    targetEntity: 'ArchiveDocument',
    targetId: 'demo_archive_4',
    centerId: centerId(4),
    countyId: refs.countyIds.NSH,
    deciderStaffRole: 'COUNTY_STAFF',
    requestedById: held(4, 'VICE_CHAIR').personId,
    requestReason: 'رونوشت‌های تکراری رسیدهای سال نخست فعالیت مرکز',
    requestedAt: at(-5, 10),
  });
  d.archiveDocuments.push(
    {
      id: 'demo_archive_1',
      centerId: centerId(1),
      kind: 'FINANCIAL',
      title: `رسیدها و اسناد کمک‌های نقدی ${faDigits(jMonth(at(-40)))}`,
      referenceNo: `م/${rng.int(100, 999)}`,
      documentDate: day(-40),
      physicalLocation: 'قفسه ۲، زونکن ۷',
      submittedToImdadAt: at(-30, 11),
    },
    {
      id: 'demo_archive_2',
      centerId: centerId(1),
      kind: 'DECREE',
      title: 'احکام انتصاب اعضای هیئت امنا',
      physicalLocation: 'قفسه ۱، پوشه احکام',
      submittedToImdadAt: at(-290, 11),
    },
    {
      id: 'demo_archive_3',
      centerId: centerId(1),
      kind: 'ADMINISTRATIVE',
      title: 'نسخه‌های تکراری فرم‌های ثبت‌نام امدادیاران',
      state: 'DESTROYED',
      destructionApprovalId: destroyApproval,
      destroyedAt: at(-50, 10),
      destroyedById: held(1, 'VICE_CHAIR').personId,
    },
    {
      id: 'demo_archive_4',
      centerId: centerId(4),
      kind: 'FINANCIAL',
      title: 'رونوشت‌های تکراری رسیدهای سال نخست فعالیت',
      physicalLocation: 'انبار مسجد، کارتن ۳',
      state: 'DESTRUCTION_REQUESTED',
      destructionApprovalId: pendingDestroy,
    },
    {
      id: 'demo_archive_5',
      centerId: centerId(4),
      kind: 'BENEFICIARY_FILE',
      title: 'پرونده‌های خانوارهای تحت حمایت (محرمانه)',
      physicalLocation: 'کمد قفل‌دار دفتر نائب رئیس',
    },
  );

  return d;
}
