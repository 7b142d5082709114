/**
 * A board member reads a specialized network's members from the bot (core's
 * listNetworkMembers): the coordinator first and marked, skills, and the members' mobiles
 * only for the officers who coordinate the networks -- the finance officer reads names and
 * skills, is told why there are no numbers, and no number reaches the chat. An empty network
 * says so; a press made in a role the person no longer holds is answered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../messenger/i18n.ts';
import { createCenter, createDonor, createNetwork, createNetworkMembership, createPerson, createTrustee, createVolunteer } from '../../fixtures/factories.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { fakeClock } from '../helpers/work.ts';
import { persianDigits } from '../../messenger/digits.ts';

const fa = translator('fa');
const en = translator('en');

const database = useTestDatabase();
let h: BotHarness;
let center: Awaited<ReturnType<typeof createCenter>>;
const people = { coordinator: { name: '', mobile: '' }, member: { name: '', mobile: '' }, donor: { name: '', mobile: '' } };
/** A volunteer who left the network. */
let leftName = '';

beforeAll(async () => {
  const db = database.db;
  center = await createCenter(db, { name: 'مرکز نیکوکاری مسجد الزهرا' });
  h = createBotHarness({ database, clock: fakeClock() });
  const legal = await createNetwork(db, { centerId: center.id, kind: 'LEGAL_SERVICES' });
  await createNetwork(db, { centerId: center.id, kind: 'HOUSING_CONSTRUCTION' });
  const member = await createVolunteer(db, { centerId: center.id });
  const coordinator = await createVolunteer(db, { centerId: center.id });
  await db.volunteer.update({ where: { id: coordinator.id }, data: { skills: ['وکالت پایه یک', 'مشاورهٔ حقوقی'] } });
  const donorPerson = await createPerson(db);
  const donor = await createDonor(db, { personId: donorPerson.id });
  // The member joined first; the coordinator is still listed first.
  await createNetworkMembership(db, { networkId: legal.id, volunteerId: member.id, joinedAt: new Date('2026-01-01T08:00:00Z') });
  await createNetworkMembership(db, { networkId: legal.id, volunteerId: coordinator.id, isCoordinator: true, joinedAt: new Date('2026-02-01T08:00:00Z') });
  await createNetworkMembership(db, { networkId: legal.id, donorId: donor.id, joinedAt: new Date('2026-03-01T08:00:00Z') });
  // Someone who left is no longer listed.
  const left = await createVolunteer(db, { centerId: center.id });
  await createNetworkMembership(db, { networkId: legal.id, volunteerId: left.id, leftAt: new Date('2026-04-01T08:00:00Z') });
  for (const [key, personId] of [['coordinator', coordinator.personId], ['member', member.personId], ['donor', donorPerson.id]] as const) {
    const p = await db.person.findUniqueOrThrow({ where: { id: personId } });
    people[key] = { name: `${p.firstName} ${p.lastName}`, mobile: p.mobile! };
  }
  const leftPerson = await db.person.findUniqueOrThrow({ where: { id: left.personId } });
  leftName = `${leftPerson.firstName} ${leftPerson.lastName}`;
});

async function boardChat(userId: number, role: 'CHAIR' | 'VICE_CHAIR' | 'DONORS_MEN' | 'ADMIN_FINANCE', languageCode: 'fa' | 'en') {
  const membership = await createTrustee(database.db, { centerId: center.id, role });
  const u = h.user({ id: userId, languageCode });
  await h.linkPerson(u, membership.personId);
  return { u, membership };
}

describe("a network's members (fa)", () => {
  it('the chair reads them with their mobiles, the coordinator first; an empty network says so', async () => {
    const { u } = await boardChat(36001, 'CHAIR', 'fa');
    await u.send('/menu');
    await u.press(fa('trustee:menu.networks'));
    expect(u.lastText()).toBe('اعضای کدام شبکهٔ تخصصی «مرکز نیکوکاری مسجد الزهرا» را می‌خواهید ببینید؟ (رئیس هیئت امنا)');
    expect(u.buttons()).toHaveLength(6);

    await u.press(fa('volunteer:networkKinds.LEGAL_SERVICES'));
    const text = u.lastText()!;
    expect(text.split('\n')[0]).toBe('شبکهٔ خدمات حقوقی «مرکز نیکوکاری مسجد الزهرا»: ۳ عضو');
    expect(text).toContain(`۱. ${people.coordinator.name} ⭐ هماهنگ‌کنندهٔ شبکه\n   مهارت‌ها: وکالت پایه یک، مشاورهٔ حقوقی\n   تلفن همراه: ${persianDigits(people.coordinator.mobile)}`);
    expect(text).toContain(`۲. ${people.member.name}\n`);
    expect(text).toContain(`۳. ${people.donor.name} (خیّر)\n   تلفن همراه: ${persianDigits(people.donor.mobile)}`);
    expect(text).toContain(persianDigits(people.member.mobile));
    expect(text).not.toContain(leftName);
    expect(text).not.toContain(fa('trustee:networks.noContact'));

    await u.send('/members');
    await u.press(fa('volunteer:networkKinds.HOUSING_CONSTRUCTION'));
    expect(u.lastText()).toBe('شبکهٔ مسکن و عمران «مرکز نیکوکاری مسجد الزهرا» هنوز عضوی ندارد.');
  });

  it('the finance officer reads names and skills but no mobile, and is told why', async () => {
    const { u } = await boardChat(36002, 'ADMIN_FINANCE', 'fa');
    await u.send('/members');
    await u.press(fa('volunteer:networkKinds.LEGAL_SERVICES'));
    const text = u.lastText()!;
    expect(text).toContain(people.coordinator.name);
    expect(text).toContain('مهارت‌ها: وکالت پایه یک');
    expect(text).not.toContain('تلفن همراه');
    for (const p of [people.coordinator, people.member, people.donor]) {
      expect(text).not.toContain(persianDigits(p.mobile));
      expect(text).not.toContain(p.mobile);
    }
    expect(text.endsWith(fa('trustee:networks.noContact'))).toBe(true);
  });

  it('a press in a role that has ended is answered; a chat without a board role is told how to link', async () => {
    const { u, membership } = await boardChat(36003, 'VICE_CHAIR', 'fa');
    await u.send('/members');
    await database.db.trusteeMembership.update({ where: { id: membership.id }, data: { state: 'ENDED', endedAt: new Date() } });
    await u.press(fa('volunteer:networkKinds.LEGAL_SERVICES'));
    expect(u.callbackAnswers().at(-1)).toBe(fa('trustee:networks.notYours'));
    const stranger = h.user({ id: 36004, languageCode: 'fa' });
    await stranger.send('/members');
    expect(stranger.lastText()).toBe(fa('trustee:link.notTrustee'));
  });
});

describe("a network's members (en)", () => {
  it('a donors officer (who coordinates networks) reads them in English, mobiles in Latin digits', async () => {
    const { u } = await boardChat(36005, 'DONORS_MEN', 'en');
    await u.send('/menu');
    await u.press(en('trustee:menu.networks'));
    await u.press(en('volunteer:networkKinds.LEGAL_SERVICES'));
    expect(u.lastText()!.split('\n')[0]).toBe(`The ${en('volunteer:networkKinds.LEGAL_SERVICES')} network of "مرکز نیکوکاری مسجد الزهرا": 3 member(s)`);
    expect(u.lastText()).toContain(`Mobile: ${people.coordinator.mobile}`);
  });
});
