/**
 * The factories make valid rows with unique values, so tests can call them repeatedly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../core/security/password.ts';
import type { Db } from '../../prisma/client.ts';
import { StaffRole } from '../../prisma/generated/client/client.ts';
import {
  createBeneficiary,
  createBoard,
  createCenter,
  createCounty,
  createDonation,
  createDonor,
  createNetwork,
  createPerson,
  createPledge,
  createStaffUser,
  createTrustee,
  createVolunteer,
} from '../../fixtures/factories.ts';
import { addJalaliMonths, formatJalali, isValidNationalId, isValidSheba, nationalIdFrom } from '../../fixtures/values.ts';
import { useTestDatabase } from '../helpers/db.ts';

describe('factories', () => {
  const database = useTestDatabase();
  let db: Db;
  beforeAll(async () => {
    db = database.db;
  });

  it('national ID check digits follow the checksum rule', () => {
    // sum(d[i] * (10 - i)) mod 11 = c; check digit c when c < 2, else 11 - c.
    expect(nationalIdFrom('001234567')).toBe('0012345679');
    expect(isValidNationalId('0012345679')).toBe(true);
    expect(isValidNationalId('0012345678')).toBe(false);
    expect(isValidNationalId('1111111111')).toBe(false);
  });

  it('Jalali months: same day next month, clamped at the month end', () => {
    const d = new Date(Date.UTC(2026, 8, 22)); // 31 Shahrivar 1405
    expect(formatJalali(d, 'yyyy-MM-dd')).toBe('1405-06-31');
    expect(formatJalali(addJalaliMonths(d, 1), 'yyyy-MM-dd')).toBe('1405-07-30');
    expect(formatJalali(addJalaliMonths(new Date(Date.UTC(2026, 2, 21)), 1), 'yyyy-MM-dd')).toBe('1405-02-01');
  });

  it('20 persons: unique, valid national IDs and canonical mobiles', async () => {
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await createPerson(db));
    expect(new Set(people.map((p) => p.nationalId)).size).toBe(20);
    for (const p of people) {
      expect(isValidNationalId(p.nationalId!)).toBe(true);
      expect(p.mobile).toMatch(/^09[0-9]{9}$/);
    }
  });

  it('3 licensed centers in one county, each with a full board and a receipt counter', async () => {
    const county = await createCounty(db);
    for (let i = 0; i < 3; i++) {
      const center = await createCenter(db, { countyId: county.id });
      expect(center.licenseState).toBe('LICENSED');
      expect(center.activityCode).toBeTruthy();
      expect(center.licensedAt).toBeInstanceOf(Date);
      expect(isValidSheba(center.sandoghSheba!)).toBe(true);
      expect(await db.receiptCounter.findUnique({ where: { centerId: center.id } })).toMatchObject({ lastNo: 0 });
      const board = await createBoard(db, center.id);
      expect(Object.keys(board)).toHaveLength(6);
    }
    const applied = await createCenter(db, { countyId: county.id, licenseState: 'APPLIED' });
    expect(applied.activityCode).toBeNull();
    expect(await db.receiptCounter.findUnique({ where: { centerId: applied.id } })).toBeNull();
    const suspended = await createCenter(db, { countyId: county.id, licenseState: 'SUSPENDED' });
    expect(suspended.suspendedAt).toBeInstanceOf(Date);
  });

  it('trustees in every state, volunteers and the six networks', async () => {
    const center = await createCenter(db);
    for (const state of ['PROPOSED', 'VETTING', 'APPOINTED', 'ENDED', 'REJECTED'] as const) {
      expect((await createTrustee(db, { centerId: center.id, role: 'SOCIAL_WORK', state })).state).toBe(state);
    }
    // A second appointed chair is refused by the database.
    await createTrustee(db, { centerId: center.id, role: 'CHAIR' });
    await expect(createTrustee(db, { centerId: center.id, role: 'CHAIR' })).rejects.toThrow();
    for (const state of ['APPLIED', 'VETTING', 'ACTIVE', 'INACTIVE', 'REJECTED'] as const) {
      expect((await createVolunteer(db, { centerId: center.id, state })).state).toBe(state);
    }
    const kinds = [];
    for (let i = 0; i < 6; i++) kinds.push((await createNetwork(db, { centerId: center.id })).kind);
    expect(new Set(kinds).size).toBe(6);
    await expect(createNetwork(db, { centerId: center.id })).rejects.toThrow(/all six/);
  });

  it('donations: confirmed ones get gap-free receipt numbers, even concurrently', async () => {
    const center = await createCenter(db);
    const donor = await createDonor(db);
    await createDonation(db, { centerId: center.id, donorId: donor.id });
    await createDonation(db, { centerId: center.id, state: 'REJECTED' });
    await createDonation(db, { centerId: center.id, kind: 'IN_KIND', state: 'CONFIRMED' });
    await Promise.all(Array.from({ length: 5 }, () => createDonation(db, { centerId: center.id, state: 'CONFIRMED' })));
    const reversal = await createDonation(db, { centerId: center.id, state: 'REVERSED' });
    expect(reversal.reversesId).toBeTruthy();
    const receipts = await db.donation.findMany({
      where: { centerId: center.id, receiptNo: { not: null } },
      orderBy: { receiptNo: 'asc' },
    });
    expect(receipts.map((r) => r.receiptNo)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const r of receipts) if (r.kind === 'CASH') expect(r.sandoghAccountNo).toBe(center.sandoghAccountNo);
    expect((await db.receiptCounter.findUniqueOrThrow({ where: { centerId: center.id } })).lastNo).toBe(7);
    const applied = await createCenter(db, { licenseState: 'APPLIED' });
    await expect(createDonation(db, { centerId: applied.id })).rejects.toThrow(/no Sandogh account/);
  });

  it('pledges: monthly installments one Jalali month apart, amounts summing to the pledge', async () => {
    const center = await createCenter(db);
    const firstDueOn = new Date(Date.UTC(2026, 8, 22)); // 31 Shahrivar 1405
    const pledge = await createPledge(db, {
      centerId: center.id,
      schedule: 'MONTHLY',
      installmentCount: 7,
      amountRial: 10_000_000n,
      firstDueOn,
    });
    expect(pledge.installments.map((i) => formatJalali(i.dueOn, 'yyyy-MM-dd'))).toEqual([
      '1405-06-31',
      '1405-07-30',
      '1405-08-30',
      '1405-09-30',
      '1405-10-30',
      '1405-11-30',
      '1405-12-29',
    ]);
    expect(pledge.installments.reduce((s, i) => s + i.scheduledAmountRial!, 0n)).toBe(10_000_000n);
    const goods = await createPledge(db, { centerId: center.id, kind: 'IN_KIND' });
    expect(goods.installments).toHaveLength(1);
    expect(goods.installments[0]!.scheduledAmountRial).toBeNull();
    const legal = await createDonor(db, { type: 'LEGAL' });
    await createPledge(db, { centerId: center.id, donorId: legal.id, kind: 'SERVICE' });
  });

  it('beneficiaries get unique reference codes', async () => {
    const center = await createCenter(db);
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await createBeneficiary(db, { centerId: center.id })).referenceCode);
    expect(new Set(codes).size).toBe(5);
    for (const c of codes) expect(c).toMatch(/^B-[A-Z0-9-]+-[0-9]+$/);
  });

  it('staff users of every role, with a password that verifies', async () => {
    for (const role of Object.values(StaffRole)) {
      const user = await createStaffUser(db, { role });
      expect(user.role).toBe(role);
      expect(await verifyPassword(user.password, user.passwordHash)).toBe(true);
    }
    const center = await createCenter(db);
    const finance = await createTrustee(db, { centerId: center.id, role: 'ADMIN_FINANCE' });
    const trustee = await createStaffUser(db, {
      role: 'CENTER_TRUSTEE',
      username: 'Finance-X',
      password: 'secret-1',
      centerId: center.id,
      trusteeMembershipId: finance.id,
    });
    expect(trustee.username).toBe('finance-x');
    expect(trustee.personId).toBe(finance.personId);
    expect(await verifyPassword('secret-1', trustee.passwordHash)).toBe(true);
  });
});
