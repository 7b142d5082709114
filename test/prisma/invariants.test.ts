/**
 * Every database-level invariant of the data model, tested by trying to break
 * it on a real database (PGlite or PostgreSQL, whichever the run is on).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../prisma/client.ts';
import {
  createCenter,
  createDonation,
  createDonor,
  createPerson,
  createPledge,
  createStaffUser,
  createTrustee,
  uniqueKey,
} from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';

const database = useTestDatabase();
let db: Db;
beforeAll(async () => {
  db = database.db;
});

/** The database refuses the write, naming the constraint (or the text) that forbids it. */
async function expectRefused(write: Promise<unknown>, name: RegExp): Promise<void> {
  const error = await write.then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, `expected the database to refuse (${name})`).not.toBeNull();
  const text = `${error?.message} ${JSON.stringify((error as { meta?: unknown })?.meta ?? '')}`;
  expect(text).toMatch(name);
}

describe('identities', () => {
  it('a messenger account is unique per platform and external id, but the same id may exist on both platforms', async () => {
    await db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: '42' } });
    await expectRefused(db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: '42' } }), /Unique constraint|platform/);
    await expect(db.chatAccount.create({ data: { platform: 'BALE', externalUserId: '42' } })).resolves.toBeTruthy();
  });

  it('national ids are unique and stored as 10 ASCII digits; mobiles only as 09xxxxxxxxx', async () => {
    const p = await createPerson(db);
    await expectRefused(createPerson(db, { nationalId: p.nationalId }), /Unique constraint|nationalId/);
    await expectRefused(createPerson(db, { nationalId: '۰۰۱۲۳۴۵۶۷۸' }), /Person_nationalId_format/);
    await expectRefused(createPerson(db, { nationalId: '12345' }), /Person_nationalId_format/);
    await expectRefused(createPerson(db, { mobile: '+989121234567' }), /Person_mobile_format/);
    await expectRefused(createPerson(db, { mobile: '9121234567' }), /Person_mobile_format/);
  });
});

describe('centers and trustees', () => {
  it('an activity code is unique, and present exactly when the center has been licensed', async () => {
    const c = await createCenter(db);
    await expectRefused(createCenter(db, { activityCode: c.activityCode }), /Unique constraint|activityCode/);
    await expectRefused(createCenter(db, { licenseState: 'APPLIED', activityCode: 'X-1' }), /Center_activityCode_iff_licensed/);
    await expectRefused(db.center.update({ where: { id: c.id }, data: { activityCode: null } }), /Center_activityCode_iff_licensed/);
  });

  it('the Sandogh account is the only one: Sheba is IR + 24 digits and no two centers share it', async () => {
    const c = await createCenter(db);
    await expectRefused(db.center.update({ where: { id: c.id }, data: { sandoghSheba: 'IR12' } }), /Center_sandoghSheba_format/);
    await expectRefused(createCenter(db, { sandoghAccountNo: c.sandoghAccountNo }), /Unique constraint|sandoghAccountNo/);
  });

  it('at most one appointed holder of each main role per center; ending the old one frees the seat', async () => {
    const c = await createCenter(db);
    const chair = await createTrustee(db, { centerId: c.id, role: 'CHAIR' });
    await expectRefused(createTrustee(db, { centerId: c.id, role: 'CHAIR' }), /TrusteeMembership_one_appointed_main_role|Unique constraint/);
    // another center's chair and a second optional officer are fine
    await createTrustee(db, { centerId: (await createCenter(db)).id, role: 'CHAIR' });
    await createTrustee(db, { centerId: c.id, role: 'SOCIAL_WORK' });
    await createTrustee(db, { centerId: c.id, role: 'SOCIAL_WORK' });
    // replacing: end the previous appointment and appoint the new one in one transaction
    await db.$transaction(async (tx) => {
      await tx.trusteeMembership.update({ where: { id: chair.id }, data: { state: 'ENDED', endedAt: new Date() } });
      await createTrustee(tx as Db, { centerId: c.id, role: 'CHAIR' });
    });
    expect(await db.trusteeMembership.count({ where: { centerId: c.id, role: 'CHAIR', state: 'APPOINTED' } })).toBe(1);
  });

  it('an appointment is dated', async () => {
    const c = await createCenter(db);
    const t = await createTrustee(db, { centerId: c.id, role: 'VICE_CHAIR', state: 'VETTING' });
    await expectRefused(db.trusteeMembership.update({ where: { id: t.id }, data: { state: 'APPOINTED' } }), /TrusteeMembership_state_dates/);
  });
});

describe('money', () => {
  it('keeps Rial amounts beyond 2^53 exactly (BigInt, never a float)', async () => {
    const c = await createCenter(db);
    const amount = 9_007_199_254_740_993n; // 2^53 + 1: a float would round it
    const d = await createDonation(db, { centerId: c.id, amountRial: amount });
    expect((await db.donation.findUniqueOrThrow({ where: { id: d.id } })).amountRial).toBe(amount);
  });

  it('amounts are positive; cash goes only to the center\'s Sandogh account', async () => {
    const c = await createCenter(db);
    await expectRefused(createDonation(db, { centerId: c.id, amountRial: 0n }), /Donation_amounts_positive/);
    await expectRefused(createDonation(db, { centerId: c.id, amountRial: -5n }), /Donation_amounts_positive/);
    await expectRefused(createDonation(db, { centerId: c.id, sandoghAccountNo: null }), /Donation_kind_fields/);
    const donor = await createDonor(db);
    await expectRefused(createPledge(db, { centerId: c.id, donorId: donor.id, amountRial: 0n }), /Pledge_amounts_positive/);
  });

  it('a receipt number exists exactly for confirmed donations, unique per center', async () => {
    const c = await createCenter(db);
    const first = await createDonation(db, { centerId: c.id, state: 'CONFIRMED' });
    expect(first.receiptNo).toBe(1);
    await expectRefused(createDonation(db, { centerId: c.id, state: 'REPORTED', receiptNo: 7 }), /Donation_receiptNo_iff_confirmed/);
    await expectRefused(
      db.donation.create({
        data: { centerId: c.id, kind: 'CASH', fund: 'GENERAL', state: 'CONFIRMED', amountRial: 1n, sandoghAccountNo: c.sandoghAccountNo, idempotencyKey: uniqueKey(), confirmedAt: new Date() },
      }),
      /Donation_receiptNo_iff_confirmed/,
    );
    await expectRefused(createDonation(db, { centerId: c.id, state: 'CONFIRMED', receiptNo: 1, confirmedAt: new Date() }), /Unique constraint|receiptNo/);
    const other = await createCenter(db); // numbering is per center
    expect((await createDonation(db, { centerId: other.id, state: 'CONFIRMED' })).receiptNo).toBe(1);
  });

  it('the same payment reported twice (same idempotency key) cannot make two rows', async () => {
    const c = await createCenter(db);
    const d = await createDonation(db, { centerId: c.id });
    await expectRefused(createDonation(db, { centerId: c.id, idempotencyKey: d.idempotencyKey }), /Unique constraint|idempotencyKey/);
  });

  it('a confirmed donation is frozen: no edit of its amount, fund or state, no delete — only a reversal', async () => {
    const c = await createCenter(db);
    const d = await createDonation(db, { centerId: c.id, state: 'CONFIRMED' });
    await expectRefused(db.donation.update({ where: { id: d.id }, data: { amountRial: 1n } }), /cannot be edited/);
    await expectRefused(db.donation.update({ where: { id: d.id }, data: { fund: 'ZAKAT' } }), /cannot be edited/);
    await expectRefused(db.donation.update({ where: { id: d.id }, data: { state: 'REJECTED', rejectReason: 'x', rejectedAt: new Date() } }), /cannot be edited/);
    await expectRefused(db.donation.delete({ where: { id: d.id } }), /cannot be deleted/);
    await db.donation.update({ where: { id: d.id }, data: { note: 'یادداشت' } }); // remarks may be added
    const reversal = await createDonation(db, { centerId: c.id, state: 'REVERSED', reversesId: d.id });
    expect(reversal.amountRial).toBe(d.amountRial);
    await expectRefused(createDonation(db, { centerId: c.id, state: 'REVERSED', reversesId: d.id }), /Unique constraint|reversesId/);
  });

  it('a reversing entry points at another donation, and only reversals point', async () => {
    const c = await createCenter(db);
    const d = await createDonation(db, { centerId: c.id, state: 'CONFIRMED' });
    await expectRefused(createDonation(db, { centerId: c.id, state: 'REPORTED', reversesId: d.id }), /Donation_reversal_link/);
  });

  it('only the last four digits of a card are kept', async () => {
    const c = await createCenter(db);
    await expectRefused(createDonation(db, { centerId: c.id, cardLast4: '12345' }), /Donation_cardLast4_format/);
    await expectRefused(createDonation(db, { centerId: c.id, cardLast4: '6037991234567890' }), /Donation_cardLast4_format/);
  });

  it('a rejection carries its reason', async () => {
    const c = await createCenter(db);
    await expectRefused(createDonation(db, { centerId: c.id, state: 'REJECTED', rejectReason: null }), /Donation_rejected_has_reason/);
  });
});

describe('platform', () => {
  it('the audit log is append-only', async () => {
    const row = await db.auditLog.create({ data: { actorType: 'SYSTEM', action: 'test.write', entity: 'Center', entityId: 'x' } });
    await expectRefused(db.auditLog.update({ where: { id: row.id }, data: { action: 'forged' } }), /append-only/);
    await expectRefused(db.auditLog.delete({ where: { id: row.id } }), /append-only/);
  });

  it('an update is recorded once per platform and bot', async () => {
    await db.processedUpdate.create({ data: { platform: 'TELEGRAM', botId: '1', updateId: 10n } });
    await expectRefused(db.processedUpdate.create({ data: { platform: 'TELEGRAM', botId: '1', updateId: 10n } }), /Unique constraint/);
    await db.processedUpdate.create({ data: { platform: 'BALE', botId: '1', updateId: 10n } });
  });

  it('a staff login\'s scope matches its role, and usernames are lower-case', async () => {
    const c = await createCenter(db);
    await expectRefused(createStaffUser(db, { role: 'COUNTY_STAFF', username: 'x1', centerId: c.id }), /StaffUser_scope_matches_role/);
    const user = await createStaffUser(db, { role: 'COUNTY_STAFF', username: 'mashhad2', countyId: c.countyId });
    await expectRefused(db.staffUser.update({ where: { id: user.id }, data: { username: 'Mashhad2' } }), /StaffUser_username_lowercase/);
  });

  it('no field anywhere records an employment contract or a salary (volunteers only)', async () => {
    const columns = await db.$queryRawUnsafe<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    expect(columns.map((c) => c.column_name).filter((n) => /contract|salary|wage/i.test(n))).toEqual([]);
  });
});
