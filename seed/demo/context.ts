/**
 * What every area of the demo builds on: the rows being collected, the use-case calls that
 * move them through their history, the seeded random numbers, the day the demo is built
 * around, and the demo's ids.
 *
 * Rows are what the demo starts from: people, centers as they applied, boards already
 * appointed, donors, gifts as reported, households, ... (written in one INSERT per table,
 * seed/demo/write.ts). Steps are what happened to them afterwards, each a call of one of
 * core's use-cases at a moment of the demo's past: a license issued, a gift confirmed with
 * its receipt number, an approval asked for and decided (run in time order on a clock set to
 * that moment, seed/demo/replay.ts). So every state the demo leaves for people to act on is
 * one core itself produced, and core can take it from there.
 *
 * Deterministic: one seeded PRNG (mulberry32) drives every choice, so each run builds the
 * same rows as long as the areas draw from it in the same order (seed/demo/build.ts); dates
 * are relative to the seeding day, so the demo always has upcoming installments and overdue
 * tasks.
 */
import type { Core } from '../../core/index.ts';
import type { Prisma } from '../../prisma/generated/client/client.ts';
import { addDays, formatJalali, mulberry32, utcDay, type Rng } from '../../fixtures/values.ts';

const SEED = 1403_08_15;
export const DAY_MS = 86_400_000;

export interface Refs {
  provinceId: string;
  countyIds: { MSH: string; NSH: string };
}

export type CountyKey = keyof Refs['countyIds'];
export type CenterNo = 1 | 2 | 3 | 4 | 5;

/** The rows of every table, in the shape createMany takes. */
export interface DemoRows {
  persons: Prisma.PersonCreateManyInput[];
  chatAccounts: Prisma.ChatAccountCreateManyInput[];
  centers: Prisma.CenterCreateManyInput[];
  trustees: Prisma.TrusteeMembershipCreateManyInput[];
  clearances: Prisma.TrusteeClearanceCreateManyInput[];
  staffUsers: Prisma.StaffUserCreateManyInput[];
  networks: Prisma.NetworkCreateManyInput[];
  volunteers: Prisma.VolunteerCreateManyInput[];
  donors: Prisma.DonorCreateManyInput[];
  networkMemberships: Prisma.NetworkMembershipCreateManyInput[];
  pledges: Prisma.PledgeCreateManyInput[];
  installments: Prisma.PledgeInstallmentCreateManyInput[];
  donations: Prisma.DonationCreateManyInput[];
  beneficiaries: Prisma.BeneficiaryCreateManyInput[];
  needs: Prisma.BeneficiaryNeedCreateManyInput[];
  employmentPlans: Prisma.EmploymentPlanCreateManyInput[];
  followUps: Prisma.EmploymentFollowUpCreateManyInput[];
  feedback: Prisma.FeedbackCreateManyInput[];
  licenseEvents: Prisma.CenterLicenseEventCreateManyInput[];
  tasks: Prisma.TrusteeTaskCreateManyInput[];
  minutes: Prisma.MinutesCreateManyInput[];
  archiveDocuments: Prisma.ArchiveDocumentCreateManyInput[];
}

/** A use-case call of the demo's history. */
export type Step = (core: Core) => Promise<unknown>;

export interface TimedStep {
  at: Date;
  run: Step;
}

export interface Demo {
  rng: Rng;
  today: Date;
  refs: Refs;
  rows: DemoRows;
  steps: TimedStep[];
  /** Calls a use-case at that moment of the demo's past (steps of the same moment keep their order). */
  later(at: Date, run: Step): void;
  /** A date-only column's value `offset` days from today (UTC midnight). */
  day(offset: number): Date;
  /** An instant `offset` days from today at hour:minute in Tehran. */
  at(offset: number, hour?: number, minute?: number): Date;
  /** The date, or an hour before the seeding day began when it would fall on or after it. */
  past(date: Date): Date;
  /** The Jalali year of a date, and its month and year in words. */
  jy(date: Date): string;
  jMonth(date: Date): string;
}

export function createDemo(today: Date, refs: Refs): Demo {
  const rows: DemoRows = {
    persons: [],
    chatAccounts: [],
    centers: [],
    trustees: [],
    clearances: [],
    staffUsers: [],
    networks: [],
    volunteers: [],
    donors: [],
    networkMemberships: [],
    pledges: [],
    installments: [],
    donations: [],
    beneficiaries: [],
    needs: [],
    employmentPlans: [],
    followUps: [],
    feedback: [],
    licenseEvents: [],
    tasks: [],
    minutes: [],
    archiveDocuments: [],
  };
  // `day` for date-only columns (UTC midnight), `at` for instants (Tehran time).
  const at = (offset: number, hour = 10, minute = 0) =>
    new Date(today.getTime() + offset * DAY_MS + (hour * 60 + minute - 210) * 60_000);
  const lastMoment = at(0, 0, 0); // start of the seeding day in Tehran: everything "past" is before it
  const steps: TimedStep[] = [];
  return {
    rng: mulberry32(SEED),
    today,
    refs,
    rows,
    steps,
    later: (when, run) => void steps.push({ at: when, run }),
    day: (offset) => addDays(today, offset),
    at,
    past: (date) => (date < lastMoment ? date : new Date(lastMoment.getTime() - 3_600_000)),
    jy: (date) => formatJalali(utcDay(date), 'yyyy'),
    jMonth: (date) => formatJalali(utcDay(date), 'MMMM yyyy'),
  };
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}

export const centerId = (no: CenterNo) => `demo_center_${no}`;
export const staffId = (username: string) => `demo_staff_${username}`;
/** Whole days from `from` to `to`. */
export const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);
