/** Donors: registration, chat linking, duplicates and merging (every pledge and donation kept, undoable from the audit). */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { registerDonor, type RegisterDonorInput } from '../../../core/giving/register-donor.ts';
import { linkChatAccount } from '../../../core/giving/link-chat-account.ts';
import { findDuplicateDonors } from '../../../core/giving/find-duplicate-donors.ts';
import { mergeDonors } from '../../../core/giving/merge-donors.ts';
import {
  createCenter,
  createDonation,
  createDonor,
  createNetwork,
  createNetworkMembership,
  createPerson,
  createPledge,
  uniqueMobile,
  uniqueNationalId,
} from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { type GivingWorld, openGivingWorld } from '../../helpers/giving.ts';
import { persianDigits } from '../../../messenger/digits.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

const code = (c: string) => expect.objectContaining({ code: c });
const chat = () => database.db.chatAccount.create({ data: { platform: 'BALE', externalUserId: randomUUID() } });

describe('registerDonor', () => {
  it('registers a natural donor from Persian-typed input, recruited by the officer’s center, audited', async () => {
    const officer = await trusteeActor(database.db, w.center.id, 'DONORS_MEN');
    const nid = uniqueNationalId();
    const donor = await registerDonor(ctx, officer, {
      type: 'NATURAL',
      firstName: 'علي',
      lastName: 'كريمي',
      mobile: '+98 ' + persianDigits(uniqueMobile().slice(1)),
      nationalId: persianDigits(nid),
    });
    const person = await database.db.person.findUniqueOrThrow({ where: { id: donor.personId! } });
    expect(person).toMatchObject({ firstName: 'علی', lastName: 'کریمی', nationalId: nid });
    expect(person.mobile).toMatch(/^09\d{9}$/);
    expect(donor.recruitedByCenterId).toBe(w.center.id);
    expect(await database.db.auditLog.count({ where: { entityId: donor.id, action: 'donor.register' } })).toBe(1);
    await expect(
      registerDonor(ctx, officer, { type: 'NATURAL', firstName: 'x', lastName: 'y', mobile: uniqueMobile(), nationalId: nid }),
    ).rejects.toThrow(code('DONOR_ALREADY_REGISTERED'));
  });

  it('registers a legal donor with its contact person; the registration number is unique', async () => {
    const regNo = `R${Date.now()}`;
    const input: RegisterDonorInput = {
      type: 'LEGAL',
      organizationName: 'شرکت نیکوکار',
      organizationRegNo: regNo,
      recruitedByCenterId: w.center.id,
      contactPerson: { firstName: 'مریم', lastName: 'احمدی', mobile: uniqueMobile() },
    };
    const donor = await registerDonor(ctx, w.staff, input);
    expect(donor).toMatchObject({ type: 'LEGAL', organizationName: 'شرکت نیکوکار', personId: null });
    expect(donor.contactPersonId).toBeTruthy();
    await expect(registerDonor(ctx, w.staff, input)).rejects.toThrow(code('DONOR_ALREADY_REGISTERED'));
  });

  it('validates: bad national ID, bad mobile, missing organisation name', async () => {
    await expect(registerDonor(ctx, w.staff, { type: 'NATURAL', firstName: 'a', lastName: 'b', mobile: uniqueMobile(), nationalId: '1234567890' })).rejects.toThrow(
      code('INVALID_NATIONAL_ID'),
    );
    await expect(registerDonor(ctx, w.staff, { type: 'NATURAL', firstName: 'a', lastName: 'b', mobile: '0212222' })).rejects.toThrow(code('INVALID_MOBILE'));
    // @ts-expect-error -- no organisation name: what is tested is the run-time refusal
    await expect(registerDonor(ctx, w.staff, { type: 'LEGAL', organizationRegNo: '1' })).rejects.toThrow(code('REQUIRED'));
  });

  it('denies a wrong role, another center’s officer, staff of another county, a suspended center’s officer', async () => {
    const input: RegisterDonorInput = { type: 'NATURAL', firstName: 'a', lastName: 'b', mobile: uniqueMobile(), recruitedByCenterId: w.center.id };
    const other = await createCenter(database.db);
    await expect(registerDonor(ctx, w.finance, input)).rejects.toThrow(code('FORBIDDEN'));
    await expect(registerDonor(ctx, await trusteeActor(database.db, other.id, 'DONORS_MEN'), input)).rejects.toThrow(code('FORBIDDEN'));
    await expect(registerDonor(ctx, await staffActor(database.db, 'COUNTY_STAFF', { countyId: other.countyId }), input)).rejects.toThrow(code('FORBIDDEN'));
    await expect(registerDonor(ctx, w.donor, input)).rejects.toThrow(code('FORBIDDEN'));
    const suspended = await createCenter(database.db, { countyId: w.county.id, licenseState: 'SUSPENDED' });
    const officer = await trusteeActor(database.db, suspended.id, 'DONORS_WOMEN');
    await expect(registerDonor(ctx, officer, { ...input, recruitedByCenterId: suspended.id })).rejects.toThrow(code('CENTER_READ_ONLY'));
  });

  it('a person on the bot registers themself and their chat is linked', async () => {
    const c = await chat();
    const donor = await registerDonor(ctx, { kind: 'chat', chatAccountId: c.id }, { type: 'NATURAL', firstName: 'رضا', lastName: 'نوری', mobile: uniqueMobile() });
    expect((await database.db.chatAccount.findUniqueOrThrow({ where: { id: c.id } })).personId).toBe(donor.personId);
  });

  it('from the bot, never takes over an existing person by national ID; a linked chat registers its own person once', async () => {
    const someone = await createPerson(database.db);
    const c = await chat();
    const self = { kind: 'chat', chatAccountId: c.id } as const;
    const input: RegisterDonorInput = { type: 'NATURAL', firstName: 'x', lastName: 'y', mobile: uniqueMobile(), nationalId: someone.nationalId! };
    await expect(registerDonor(ctx, self, input)).rejects.toThrow(code('CONFLICT'));
    expect((await database.db.chatAccount.findUniqueOrThrow({ where: { id: c.id } })).personId).toBeNull();

    const trustee = await trusteeActor(database.db, w.center.id, 'ORGANIZATIONS');
    const linked = await database.db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: randomUUID(), personId: trustee.personId } });
    const asChat = { kind: 'chat', chatAccountId: linked.id, personId: trustee.personId } as const;
    const donor = await registerDonor(ctx, asChat, { type: 'NATURAL', firstName: 'x', lastName: 'y', mobile: uniqueMobile() });
    expect(donor.personId).toBe(trustee.personId);
    await expect(registerDonor(ctx, asChat, { type: 'NATURAL', firstName: 'x', lastName: 'y', mobile: uniqueMobile() })).rejects.toThrow(
      code('DONOR_ALREADY_REGISTERED'),
    );
  });
});

describe('linkChatAccount', () => {
  it('links a chat to the donor’s person; the donor themself may; another donor may not; a taken chat conflicts', async () => {
    const c = await chat();
    const linked = await linkChatAccount(ctx, w.donor, { donorId: w.donor.donorId, chatAccountId: c.id });
    expect(linked.personId).toBe(w.donor.personId);
    expect(await database.db.auditLog.count({ where: { entityId: c.id, action: 'donor.linkChat' } })).toBe(1);

    const other = await createDonor(database.db);
    const c2 = await chat();
    await expect(linkChatAccount(ctx, w.donor, { donorId: other.id, chatAccountId: c2.id })).rejects.toThrow(code('FORBIDDEN'));
    await expect(linkChatAccount(ctx, w.staff, { donorId: other.id, chatAccountId: c.id })).rejects.toThrow(code('FORBIDDEN')); // no county
    const admin = await staffActor(database.db, 'PROVINCE_ADMIN');
    await expect(linkChatAccount(ctx, admin, { donorId: other.id, chatAccountId: c.id })).rejects.toThrow(code('CONFLICT'));
    expect((await linkChatAccount(ctx, admin, { donorId: other.id, chatAccountId: c2.id })).personId).toBe(other.personId);
  });
});

describe('duplicates and merge', () => {
  it('finds donors with the same mobile and merges them keeping every pledge, donation and membership', async () => {
    const mobile = uniqueMobile();
    const keep = await createDonor(database.db, { personId: (await createPerson(database.db, { mobile })).id, recruitedByCenterId: w.center.id });
    const dup = await createDonor(database.db, {
      personId: (await createPerson(database.db, { mobile, nationalId: null })).id,
      recruitedByCenterId: w.center.id,
    });
    const older = await createDonor(database.db, { mergedIntoId: dup.id, mergedAt: new Date() });

    const groups = await findDuplicateDonors(ctx, w.staff, { donorId: keep.id });
    expect(groups).toEqual([{ by: 'mobile', value: mobile, donorIds: [keep.id, dup.id], donors: [{ id: keep.id, name: expect.any(String) }, { id: dup.id, name: expect.any(String) }] }]);
    const admin = await staffActor(database.db, 'PROVINCE_ADMIN', { provinceId: w.county.provinceId });
    expect((await findDuplicateDonors(ctx, admin, {})).some((g) => g.value === mobile)).toBe(true);
    // County staff: the groups among donors their county's centers found; not another county's.
    expect((await findDuplicateDonors(ctx, w.staff, {})).some((g) => g.value === mobile)).toBe(true);
    const otherStaff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: (await createCenter(database.db)).countyId });
    expect((await findDuplicateDonors(ctx, otherStaff, {})).some((g) => g.value === mobile)).toBe(false);
    await expect(findDuplicateDonors(ctx, w.finance, {})).rejects.toThrow(code('FORBIDDEN'));
    await expect(findDuplicateDonors(ctx, w.donor, { donorId: keep.id })).rejects.toThrow(code('FORBIDDEN'));

    const p1 = await createPledge(database.db, { centerId: w.center.id, donorId: dup.id });
    const p2 = await createPledge(database.db, { centerId: w.center.id, donorId: dup.id, schedule: 'MONTHLY', installmentCount: 3 });
    const confirmed = await createDonation(database.db, { centerId: w.center.id, donorId: dup.id, state: 'CONFIRMED' });
    const reported = await createDonation(database.db, { centerId: w.center.id, donorId: dup.id });
    const keptOwn = await createDonation(database.db, { centerId: w.center.id, donorId: keep.id, state: 'CONFIRMED' });
    const n1 = await createNetwork(database.db, { centerId: w.center.id });
    const n2 = await createNetwork(database.db, { centerId: w.center.id });
    const moved = await createNetworkMembership(database.db, { networkId: n1.id, donorId: dup.id });
    const clash = await createNetworkMembership(database.db, { networkId: n2.id, donorId: dup.id });
    await createNetworkMembership(database.db, { networkId: n2.id, donorId: keep.id });

    // Denials: not staff, a county staff of another county.
    const otherCounty = (await createCenter(database.db)).countyId;
    await expect(mergeDonors(ctx, w.finance, { keepDonorId: keep.id, duplicateDonorId: dup.id })).rejects.toThrow(code('FORBIDDEN'));
    await expect(
      mergeDonors(ctx, await staffActor(database.db, 'COUNTY_STAFF', { countyId: otherCounty }), { keepDonorId: keep.id, duplicateDonorId: dup.id }),
    ).rejects.toThrow(code('FORBIDDEN'));

    const result = await mergeDonors(ctx, w.staff, { keepDonorId: keep.id, duplicateDonorId: dup.id, reason: 'یک نفر' });
    expect(result.moved).toEqual({ pledges: 2, donations: 2, networkMemberships: 1 });

    const db = database.db;
    expect((await db.pledge.findMany({ where: { donorId: keep.id } })).map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort());
    expect((await db.donation.findMany({ where: { donorId: keep.id } })).map((d) => d.id).sort()).toEqual([confirmed.id, reported.id, keptOwn.id].sort());
    expect(await db.donation.findUniqueOrThrow({ where: { id: confirmed.id } })).toMatchObject({ state: 'CONFIRMED', receiptNo: confirmed.receiptNo });
    expect(await db.pledge.count({ where: { donorId: dup.id } })).toBe(0);
    expect(await db.donation.count({ where: { donorId: dup.id } })).toBe(0);
    expect((await db.networkMembership.findUniqueOrThrow({ where: { id: moved.id } })).donorId).toBe(keep.id);
    expect((await db.networkMembership.findUniqueOrThrow({ where: { id: clash.id } })).leftAt).not.toBeNull();
    expect((await db.donor.findUniqueOrThrow({ where: { id: older.id } })).mergedIntoId).toBe(keep.id);
    expect(await db.donor.findUniqueOrThrow({ where: { id: dup.id } })).toMatchObject({ mergedIntoId: keep.id });

    const log = await db.auditLog.findFirstOrThrow({ where: { entityId: dup.id, action: 'donor.merge' } });
    const before = log.before as Record<string, string[]>;
    expect(before.pledgeIds!.sort()).toEqual([p1.id, p2.id].sort());
    expect(before.donationIds!.sort()).toEqual([confirmed.id, reported.id].sort());
    expect(before.networkMembershipIds).toEqual([moved.id]);
    expect(before.closedNetworkMembershipIds).toEqual([clash.id]);
    expect(before.mergedFromDonorIds).toEqual([older.id]);

    await expect(mergeDonors(ctx, w.staff, { keepDonorId: keep.id, duplicateDonorId: dup.id })).rejects.toThrow(code('DONOR_MERGED'));
    expect(await findDuplicateDonors(ctx, w.staff, { donorId: keep.id })).toEqual([]);
  });
});
