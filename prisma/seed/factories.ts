/**
 * Test fixtures: each factory creates one row (plus what it cannot exist without) with
 * sensible, valid defaults, and takes overrides for any column. Unique values (national IDs
 * with a valid checksum, mobiles, codes, account numbers, idempotency keys, usernames) are
 * generated here, so a test can call a factory as often as it likes without collisions.
 *
 * Generated values never collide with the demo seed's: factory national IDs start with 9
 * (demo ones with 0 or 1), codes carry a "T" or "fx-" marker, reference numbers have 9 digits.
 */
import { randomInt, randomUUID } from 'node:crypto';
import {
  Prisma,
  type AidKind,
  type Beneficiary,
  type BeneficiaryNeed,
  type Center,
  type County,
  type Distribution,
  type Donation,
  type Donor,
  type LicenseState,
  type Network,
  NetworkKind,
  type NetworkMembership,
  type Person,
  type Pledge,
  type PledgeInstallment,
  type Province,
  type StaffRole,
  type StaffUser,
  type TrusteeMembership,
  type TrusteeRole,
  type TrusteeState,
  type Volunteer,
  type VolunteerState,
} from '../generated/client/client.ts';
import type { Db } from '../client.ts';
import { hashPassword } from '../../core/security/password.ts';
import {
  addDays,
  addJalaliMonths,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  nationalIdFrom,
  shebaFrom,
  utcDay,
} from './values.ts';

// ---------------------------------------------------------------------------------------
// Unique values
// ---------------------------------------------------------------------------------------

/** Random per process, so two processes sharing a database are unlikely to collide too. */
const RUN = randomInt(1000, 10000);
let seq = 0;

/** A number unique within this process: 9 digits (RUN, then a counter). */
export function uniqueNumber(): number {
  return RUN * 100_000 + ++seq;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A valid national ID (checksum included) starting with 9, unique within the process. */
export function uniqueNationalId(): string {
  return nationalIdFrom(`9${pad(uniqueNumber() % 100_000_000, 8)}`);
}

/** A canonical mobile 09xxxxxxxxx, unique within the process. */
export function uniqueMobile(): string {
  return `0990${pad(uniqueNumber() % 10_000_000, 7)}`;
}

export function uniqueKey(prefix = 'fx'): string {
  return `${prefix}-${randomUUID()}`;
}

function pickOf<T>(items: readonly T[], n: number): T {
  return items[n % items.length]!;
}

const MAIN_ROLES: readonly TrusteeRole[] = [
  'CHAIR',
  'VICE_CHAIR',
  'ADMIN_FINANCE',
  'DONORS_MEN',
  'DONORS_WOMEN',
  'ORGANIZATIONS',
];
const NETWORK_KINDS = Object.values(NetworkKind);
/** States in which a center holds (or held) a license: activity code, account, counter. */
const EVER_LICENSED: readonly LicenseState[] = ['LICENSED', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'DISSOLVED'];

function daysFromNow(days: number): Date {
  return addDays(new Date(), days);
}

// ---------------------------------------------------------------------------------------
// Geography and centers
// ---------------------------------------------------------------------------------------

export async function createProvince(db: Db, overrides: Partial<Prisma.ProvinceUncheckedCreateInput> = {}): Promise<Province> {
  const n = uniqueNumber();
  return db.province.create({ data: { name: `استان آزمون ${n}`, code: `T${n}`, ...overrides } });
}

export async function createCounty(db: Db, overrides: Partial<Prisma.CountyUncheckedCreateInput> = {}): Promise<County> {
  const provinceId = overrides.provinceId ?? (await createProvince(db)).id;
  const n = uniqueNumber();
  return db.county.create({ data: { name: `شهرستان آزمون ${n}`, code: `T${n}`, ...overrides, provinceId } });
}

/**
 * A center, LICENSED unless `licenseState` says otherwise. A center that holds or held a
 * license (LICENSED, SUSPENDED, REVOKED, EXPIRED, DISSOLVED) gets an activity code,
 * licensedAt, a Sandogh Emdad Velayat account with a valid Sheba, the date of its state and
 * a ReceiptCounter row at 0. Without `countyId` a county (and province) is created.
 */
export async function createCenter(db: Db, overrides: Partial<Prisma.CenterUncheckedCreateInput> = {}): Promise<Center> {
  const countyId = overrides.countyId ?? (await createCounty(db)).id;
  const licenseState = overrides.licenseState ?? 'LICENSED';
  const n = uniqueNumber();
  const licensed = EVER_LICENSED.includes(licenseState);
  const data: Prisma.CenterUncheckedCreateInput = {
    countyId,
    name: `مرکز نیکوکاری مسجد آزمون ${n}`,
    hostType: 'MOSQUE',
    hostName: `مسجد آزمون ${n}`,
    address: `خیابان آزمون، کوچه ${n}`,
    activityArea: `محله آزمون ${n}`,
    licenseState,
    appliedAt: daysFromNow(-400),
  };
  if (licensed) {
    Object.assign(data, {
      activityCode: `T-${n}`,
      licensedAt: daysFromNow(-365),
      licenseExpiresOn: utcDay(daysFromNow(licenseState === 'EXPIRED' ? -1 : 365)),
      sandoghAccountNo: `9${n}`,
      sandoghSheba: shebaFrom(`0700${pad(n, 18)}`),
      sandoghBranch: 'شعبه آزمون',
      sandoghAccountOpenedAt: daysFromNow(-360),
      receiptCounter: { create: { lastNo: 0 } },
    } satisfies Partial<Prisma.CenterUncheckedCreateInput>);
    if (licenseState === 'SUSPENDED') data.suspendedAt = daysFromNow(-10);
    if (licenseState === 'REVOKED') data.revokedAt = daysFromNow(-10);
    if (licenseState === 'EXPIRED') data.expiredAt = daysFromNow(0);
    if (licenseState === 'DISSOLVED') data.dissolvedAt = daysFromNow(-10);
  }
  return db.center.create({ data: { ...data, ...overrides, countyId, licenseState } });
}

// ---------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------

export async function createPerson(db: Db, overrides: Partial<Prisma.PersonUncheckedCreateInput> = {}): Promise<Person> {
  const n = uniqueNumber();
  const gender = overrides.gender ?? (n % 2 === 0 ? 'FEMALE' : 'MALE');
  return db.person.create({
    data: {
      firstName: pickOf(gender === 'FEMALE' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES, n),
      lastName: pickOf(LAST_NAMES, Math.floor(n / 7)),
      gender,
      nationalId: uniqueNationalId(),
      mobile: uniqueMobile(),
      ...overrides,
    },
  });
}

// ---------------------------------------------------------------------------------------
// Trustees, volunteers, networks
// ---------------------------------------------------------------------------------------

export type TrusteeOverrides = Partial<Prisma.TrusteeMembershipUncheckedCreateInput> & {
  centerId: string;
  role: TrusteeRole;
  state?: TrusteeState;
};

/** A board membership, APPOINTED (with decree and clearances) unless `state` says otherwise. */
export async function createTrustee(db: Db, overrides: TrusteeOverrides): Promise<TrusteeMembership> {
  const personId =
    overrides.personId ?? (await createPerson(db, { gender: overrides.role === 'DONORS_WOMEN' ? 'FEMALE' : 'MALE' })).id;
  const state = overrides.state ?? 'APPOINTED';
  const n = uniqueNumber();
  const data: Prisma.TrusteeMembershipUncheckedCreateInput = {
    centerId: overrides.centerId,
    personId,
    role: overrides.role,
    state,
    proposedAt: daysFromNow(-60),
  };
  if (state !== 'PROPOSED') data.vettingStartedAt = daysFromNow(-55);
  if (state === 'APPOINTED' || state === 'ENDED') {
    Object.assign(data, {
      selectionClearedAt: daysFromNow(-45),
      securityClearedAt: daysFromNow(-44),
      decreeNo: `T/${n}`,
      decreeDate: utcDay(daysFromNow(-40)),
      appointedAt: daysFromNow(-40),
    });
  }
  if (state === 'ENDED') Object.assign(data, { endedAt: daysFromNow(-1), endReason: 'پایان دوره' });
  if (state === 'REJECTED') Object.assign(data, { rejectedAt: daysFromNow(-30), rejectReason: 'عدم تأیید گزینش' });
  return db.trusteeMembership.create({ data: { ...data, ...overrides, personId, state } });
}

/** The six main roles, all APPOINTED, in one center. */
export async function createBoard(db: Db, centerId: string): Promise<Record<(typeof MAIN_ROLES)[number], TrusteeMembership>> {
  const entries = [];
  for (const role of MAIN_ROLES) entries.push([role, await createTrustee(db, { centerId, role })] as const);
  return Object.fromEntries(entries) as Record<(typeof MAIN_ROLES)[number], TrusteeMembership>;
}

export type VolunteerOverrides = Partial<Prisma.VolunteerUncheckedCreateInput> & { centerId: string; state?: VolunteerState };

/** A volunteer, ACTIVE unless `state` says otherwise; creates the person unless given. */
export async function createVolunteer(db: Db, overrides: VolunteerOverrides): Promise<Volunteer> {
  const personId = overrides.personId ?? (await createPerson(db)).id;
  const state = overrides.state ?? 'ACTIVE';
  const data: Prisma.VolunteerUncheckedCreateInput = {
    centerId: overrides.centerId,
    personId,
    state,
    skills: ['ورود اطلاعات'],
    availability: 'عصرها و جمعه‌ها',
    appliedAt: daysFromNow(-30),
  };
  if (state !== 'APPLIED') data.vettingStartedAt = daysFromNow(-25);
  if (state === 'ACTIVE' || state === 'INACTIVE') {
    Object.assign(data, {
      selectionClearedAt: daysFromNow(-20),
      securityClearedAt: daysFromNow(-20),
      activatedAt: daysFromNow(-19),
    });
  }
  if (state === 'INACTIVE') data.deactivatedAt = daysFromNow(-1);
  if (state === 'REJECTED') data.rejectReason = 'عدم تأیید گزینش';
  return db.volunteer.create({ data: { ...data, ...overrides, personId, state } });
}

/** A specialized network; without `kind`, the first of the six the center does not have yet. */
export async function createNetwork(
  db: Db,
  overrides: Partial<Prisma.NetworkUncheckedCreateInput> & { centerId: string },
): Promise<Network> {
  let kind = overrides.kind;
  if (!kind) {
    const taken = new Set(
      (await db.network.findMany({ where: { centerId: overrides.centerId }, select: { kind: true } })).map((r) => r.kind),
    );
    kind = NETWORK_KINDS.find((k) => !taken.has(k));
    if (!kind) throw new Error(`center ${overrides.centerId} already has all six networks`);
  }
  return db.network.create({ data: { ...overrides, kind } });
}

export async function createNetworkMembership(
  db: Db,
  overrides: Partial<Prisma.NetworkMembershipUncheckedCreateInput> & { networkId: string } & (
      | { volunteerId: string }
      | { donorId: string }
    ),
): Promise<NetworkMembership> {
  return db.networkMembership.create({ data: overrides });
}

// ---------------------------------------------------------------------------------------
// Giving
// ---------------------------------------------------------------------------------------

/** A donor, NATURAL (with a new person unless `personId`) unless `type: 'LEGAL'`. */
export async function createDonor(db: Db, overrides: Partial<Prisma.DonorUncheckedCreateInput> = {}): Promise<Donor> {
  const type = overrides.type ?? 'NATURAL';
  if (type === 'LEGAL') {
    const n = uniqueNumber();
    return db.donor.create({
      data: { type, organizationName: `موسسه خیریه آزمون ${n}`, organizationRegNo: `T${n}`, anonymous: false, ...overrides },
    });
  }
  const personId = overrides.personId ?? (await createPerson(db)).id;
  return db.donor.create({ data: { type, ...overrides, personId } });
}

export type PledgeOverrides = Partial<Omit<Prisma.PledgeUncheckedCreateInput, 'firstDueOn'>> & {
  centerId: string;
  firstDueOn?: Date;
};

/**
 * A pledge with its installments. CASH by default (5,000,000 Rials one-time; 12 x 1,000,000
 * for MONTHLY). A MONTHLY pledge gets installmentCount installments one Jalali month apart
 * on the same Jalali day (clamped to the month's end); a cash amount is split evenly, the
 * remainder on the last installment.
 */
export async function createPledge(db: Db, overrides: PledgeOverrides): Promise<Pledge & { installments: PledgeInstallment[] }> {
  const donorId = overrides.donorId ?? (await createDonor(db)).id;
  const kind: AidKind = overrides.kind ?? 'CASH';
  const schedule = overrides.schedule ?? 'ONE_TIME';
  const installmentCount = overrides.installmentCount ?? (schedule === 'MONTHLY' ? 12 : 1);
  const firstDueOn = utcDay(overrides.firstDueOn ?? daysFromNow(7));
  const data: Prisma.PledgeUncheckedCreateInput = {
    donorId,
    centerId: overrides.centerId,
    kind,
    fund: 'GENERAL',
    schedule,
    installmentCount,
    firstDueOn,
  };
  if (kind === 'CASH') data.amountRial = schedule === 'MONTHLY' ? 1_000_000n * BigInt(installmentCount) : 5_000_000n;
  if (kind === 'IN_KIND')
    Object.assign(data, { itemDescription: 'سبد غذایی', quantity: 5, unit: 'بسته', estimatedValueRial: 25_000_000n });
  if (kind === 'SERVICE') Object.assign(data, { serviceDescription: 'مشاوره حقوقی رایگان', serviceHours: 4 });
  Object.assign(data, overrides, { donorId, kind, schedule, installmentCount, firstDueOn });

  const amount = data.kind === 'CASH' && data.amountRial != null ? BigInt(data.amountRial) : null;
  const share = amount === null ? null : amount / BigInt(installmentCount);
  const installments: Prisma.PledgeInstallmentCreateManyPledgeInput[] = [];
  for (let i = 1; i <= installmentCount; i++) {
    installments.push({
      seq: i,
      dueOn: addJalaliMonths(firstDueOn, i - 1),
      scheduledAmountRial:
        amount === null || share === null ? null : i < installmentCount ? share : amount - share * BigInt(installmentCount - 1),
    });
  }
  return db.pledge.create({
    data: { ...data, installments: { createMany: { data: installments } } },
    include: { installments: { orderBy: { seq: 'asc' } } },
  });
}

function withoutReversal(o: DonationOverrides): DonationOverrides {
  const { reversesId: _r, reversalReason: _rr, idempotencyKey: _k, ...rest } = o;
  return rest;
}

export type DonationOverrides = Partial<Prisma.DonationUncheckedCreateInput> & { centerId: string };

/**
 * A donation, REPORTED unless `state` says otherwise; CASH of 2,000,000 Rials into the
 * center's Sandogh account by default (the center must have one). CONFIRMED takes the
 * center's next receipt number (UPDATE ... RETURNING on its ReceiptCounter, in the same
 * transaction as the insert); REJECTED carries a reason; REVERSED reverses `reversesId`,
 * or a CONFIRMED donation created for the purpose.
 */
export async function createDonation(db: Db, overrides: DonationOverrides): Promise<Donation> {
  const state = overrides.state ?? 'REPORTED';
  const kind: AidKind = overrides.kind ?? 'CASH';

  if (state === 'REVERSED') {
    const target = overrides.reversesId
      ? await db.donation.findUniqueOrThrow({ where: { id: overrides.reversesId } })
      : await createDonation(db, { ...withoutReversal(overrides), state: 'CONFIRMED' });
    const { state: _s, reversesId: _r, centerId: _c, idempotencyKey, ...rest } = overrides;
    return db.donation.create({
      data: {
        centerId: target.centerId,
        donorId: target.donorId,
        kind: target.kind,
        fund: target.fund,
        amountRial: target.amountRial,
        sandoghAccountNo: target.sandoghAccountNo,
        itemDescription: target.itemDescription,
        quantity: target.quantity,
        unit: target.unit,
        estimatedValueRial: target.estimatedValueRial,
        serviceDescription: target.serviceDescription,
        serviceHours: target.serviceHours,
        paidAt: target.paidAt,
        reversalReason: 'ثبت تکراری',
        ...rest,
        state: 'REVERSED',
        reversesId: target.id,
        idempotencyKey: idempotencyKey ?? uniqueKey(),
      },
    });
  }

  const data: Prisma.DonationUncheckedCreateInput = {
    centerId: overrides.centerId,
    kind,
    fund: 'GENERAL',
    state,
    idempotencyKey: uniqueKey(),
    paidAt: daysFromNow(-1),
  };
  if (kind === 'CASH') {
    let account = overrides.sandoghAccountNo;
    if (account === undefined) {
      const center = await db.center.findUniqueOrThrow({ where: { id: overrides.centerId }, select: { sandoghAccountNo: true } });
      if (!center.sandoghAccountNo)
        throw new Error(`center ${overrides.centerId} has no Sandogh account: it cannot receive cash`);
      account = center.sandoghAccountNo;
    }
    Object.assign(data, {
      amountRial: 2_000_000n,
      sandoghAccountNo: account,
      traceNumber: String(uniqueNumber()),
      cardLast4: pad(uniqueNumber() % 10_000, 4),
    });
  }
  if (kind === 'IN_KIND')
    Object.assign(data, {
      itemDescription: 'برنج ایرانی',
      quantity: 10,
      unit: 'کیسه ۱۰ کیلویی',
      estimatedValueRial: 30_000_000n,
    });
  if (kind === 'SERVICE') Object.assign(data, { serviceDescription: 'ویزیت رایگان پزشک عمومی', serviceHours: 4 });
  if (state === 'REJECTED') Object.assign(data, { rejectedAt: new Date(), rejectReason: 'شماره پیگیری در حساب صندوق یافت نشد.' });
  Object.assign(data, overrides, { kind, state });

  if (state !== 'CONFIRMED' || overrides.receiptNo != null) return db.donation.create({ data });
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ lastNo: number }[]>`
      UPDATE "ReceiptCounter" SET "lastNo" = "lastNo" + 1 WHERE "centerId" = ${overrides.centerId} RETURNING "lastNo"`;
    const receiptNo = rows[0]?.lastNo;
    if (receiptNo === undefined) throw new Error(`center ${overrides.centerId} has no ReceiptCounter: it is not licensed`);
    return tx.donation.create({ data: { ...data, receiptNo, confirmedAt: data.confirmedAt ?? new Date() } });
  });
}

// ---------------------------------------------------------------------------------------
// Beneficiaries
// ---------------------------------------------------------------------------------------

/** A household with consent, reference code `B-<county code>-<n>` (n: 9 digits, unique). */
export async function createBeneficiary(
  db: Db,
  overrides: Partial<Prisma.BeneficiaryUncheckedCreateInput> & { centerId: string },
): Promise<Beneficiary> {
  let referenceCode = overrides.referenceCode;
  if (!referenceCode) {
    const center = await db.center.findUniqueOrThrow({
      where: { id: overrides.centerId },
      select: { county: { select: { code: true } } },
    });
    referenceCode = `B-${center.county.code ?? 'X'}-${uniqueNumber()}`;
  }
  const n = uniqueNumber();
  return db.beneficiary.create({
    data: {
      headName: `${pickOf(FEMALE_FIRST_NAMES, n)} ${pickOf(LAST_NAMES, Math.floor(n / 3))}`,
      headNationalId: uniqueNationalId(),
      headGender: 'FEMALE',
      phone: uniqueMobile(),
      address: `کوچه آزمون ${n}`,
      membersCount: 3,
      consentGiven: true,
      consentAt: new Date(),
      ...overrides,
      referenceCode,
    },
  });
}

export async function createNeed(
  db: Db,
  overrides: Partial<Prisma.BeneficiaryNeedUncheckedCreateInput> & { beneficiaryId: string },
): Promise<BeneficiaryNeed> {
  return db.beneficiaryNeed.create({
    data: { category: 'FOOD', priority: 'MEDIUM', description: 'سبد غذایی ماهانه', ...overrides },
  });
}

/**
 * A distribution, PENDING_APPROVAL unless `state` says otherwise; CASH 3,000,000 Rials from
 * the GENERAL fund by default (the fund balance is core's business, not checked here).
 */
export async function createDistribution(
  db: Db,
  overrides: Partial<Prisma.DistributionUncheckedCreateInput> & { centerId: string; beneficiaryId: string },
): Promise<Distribution> {
  const kind: AidKind = overrides.kind ?? 'CASH';
  const state = overrides.state ?? 'PENDING_APPROVAL';
  const data: Prisma.DistributionUncheckedCreateInput = {
    centerId: overrides.centerId,
    beneficiaryId: overrides.beneficiaryId,
    fund: 'GENERAL',
    kind,
    state,
  };
  if (kind === 'CASH') data.amountRial = 3_000_000n;
  if (kind === 'IN_KIND')
    Object.assign(data, { itemDescription: 'سبد غذایی', quantity: 1, unit: 'بسته', estimatedValueRial: 5_000_000n });
  if (kind === 'SERVICE') Object.assign(data, { serviceDescription: 'ویزیت رایگان', serviceHours: 1 });
  if (state === 'APPROVED' || state === 'DISTRIBUTED') data.approvedAt = new Date();
  if (state === 'DISTRIBUTED') data.distributedAt = new Date();
  if (state === 'CANCELLED') Object.assign(data, { cancelledAt: new Date(), cancelReason: 'انصراف' });
  return db.distribution.create({ data: { ...data, ...overrides, kind, state } });
}

// ---------------------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------------------

export type StaffUserOverrides = Partial<Omit<Prisma.StaffUserUncheckedCreateInput, 'passwordHash'>> & {
  role: StaffRole;
  /** Plain password to hash; returned with the row. */
  password?: string;
};

/**
 * A staff login with a hashed password. Without a scope one is created to fit the role:
 * a province (PROVINCE_ADMIN, PROVINCE_SUPERVISOR, AUDITOR), a county (COUNTY_STAFF), or a
 * licensed center (CENTER_TRUSTEE). The person is the membership's, or a new one.
 */
export async function createStaffUser(db: Db, overrides: StaffUserOverrides): Promise<StaffUser & { password: string }> {
  const { password = `test-password-${uniqueNumber()}`, ...rest } = overrides;
  const scope: Pick<Prisma.StaffUserUncheckedCreateInput, 'provinceId' | 'countyId' | 'centerId'> = {};
  if (rest.provinceId === undefined && rest.countyId === undefined && rest.centerId === undefined) {
    if (rest.role === 'COUNTY_STAFF') scope.countyId = (await createCounty(db)).id;
    else if (rest.role === 'CENTER_TRUSTEE') scope.centerId = (await createCenter(db)).id;
    else scope.provinceId = (await createProvince(db)).id;
  }
  let personId = rest.personId;
  if (!personId && rest.trusteeMembershipId) {
    personId = (await db.trusteeMembership.findUniqueOrThrow({ where: { id: rest.trusteeMembershipId } })).personId;
  }
  personId ??= (await createPerson(db)).id;
  const user = await db.staffUser.create({
    data: {
      ...scope,
      ...rest,
      username: (rest.username ?? `user_${uniqueNumber()}`).toLowerCase(),
      personId,
      passwordHash: await hashPassword(password),
    },
  });
  return { ...user, password };
}
