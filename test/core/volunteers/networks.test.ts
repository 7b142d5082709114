/** Networks: join (active volunteers only, network created on first use), leave, member lists. */
import { describe, expect, it } from 'vitest';
import { joinNetwork } from '../../../core/volunteers/join-network.ts';
import { leaveNetwork } from '../../../core/volunteers/leave-network.ts';
import { listNetworkMembers, type ListNetworkMembersInput } from '../../../core/volunteers/list-network-members.ts';
import { listMyNetworks } from '../../../core/volunteers/list-my-networks.ts';
import { createCenter, createDonor, createNetwork, createNetworkMembership, createVolunteer } from '../../../fixtures/factories.ts';
import { donorActor, staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { auditRows, useWorkCtx, volunteerActorOf } from '../../helpers/work.ts';

const ctx = useWorkCtx();

describe('joinNetwork / leaveNetwork', () => {
  it('an active volunteer joins: the network is created once, joining twice is a no-op, audited', async () => {
    const center = await createCenter(ctx.db);
    const a = await createVolunteer(ctx.db, { centerId: center.id });
    const b = await createVolunteer(ctx.db, { centerId: center.id });
    const first = await joinNetwork(ctx, await volunteerActorOf(ctx.db, a.personId), { volunteerId: a.id, kind: 'LEGAL_SERVICES' });
    const again = await joinNetwork(ctx, await volunteerActorOf(ctx.db, a.personId), { volunteerId: a.id, kind: 'LEGAL_SERVICES' });
    expect(again.membershipId).toBe(first.membershipId);
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    const second = await joinNetwork(ctx, staff, { volunteerId: b.id, kind: 'LEGAL_SERVICES' });
    expect(second.networkId).toBe(first.networkId);
    expect(await ctx.db.network.count({ where: { centerId: center.id } })).toBe(1);
    expect((await auditRows(ctx.db, 'NetworkMembership', first.membershipId)).map((r) => r.action)).toEqual(['network.join']);
    expect((await auditRows(ctx.db, 'Network', first.networkId)).map((r) => r.action)).toEqual(['network.create']);
  });

  it('parallel first joins create the network once', async () => {
    const center = await createCenter(ctx.db);
    const vols = await Promise.all(Array.from({ length: 5 }, () => createVolunteer(ctx.db, { centerId: center.id })));
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    const joined = await Promise.all(vols.map((v) => joinNetwork(ctx, staff, { volunteerId: v.id, kind: 'SUPPORT_HEALTH' })));
    expect(new Set(joined.map((j) => j.networkId)).size).toBe(1);
    expect(await ctx.db.networkMembership.count({ where: { networkId: joined[0]!.networkId, leftAt: null } })).toBe(5);
  });

  it('only ACTIVE volunteers join', async () => {
    const center = await createCenter(ctx.db);
    for (const state of ['APPLIED', 'VETTING', 'INACTIVE', 'REJECTED'] as const) {
      const v = await createVolunteer(ctx.db, { centerId: center.id, state });
      await expect(joinNetwork(ctx, await volunteerActorOf(ctx.db, v.personId), { volunteerId: v.id, kind: 'SUPPORT_HEALTH' })).rejects.toMatchObject({ code: 'VOLUNTEER_NOT_ACTIVE' });
    }
  });

  it('rejects an unknown network kind', async () => {
    const center = await createCenter(ctx.db);
    const v = await createVolunteer(ctx.db, { centerId: center.id });
    // @ts-expect-error -- no such network: what is tested is the run-time refusal
    await expect(joinNetwork(ctx, await volunteerActorOf(ctx.db, v.personId), { volunteerId: v.id, kind: 'POLITICS' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('another volunteer, another center\'s trustee, another county\'s staff cannot enrol someone', async () => {
    const center = await createCenter(ctx.db);
    const v = await createVolunteer(ctx.db, { centerId: center.id });
    const other = await createVolunteer(ctx.db, { centerId: center.id });
    const elsewhere = await createCenter(ctx.db);
    for (const actor of [
      await volunteerActorOf(ctx.db, other.personId),
      await trusteeActor(ctx.db, elsewhere.id, 'CHAIR'),
      await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: elsewhere.countyId }),
      await donorActor(ctx.db),
    ])
      await expect(joinNetwork(ctx, actor, { volunteerId: v.id, kind: 'CULTURE_EDUCATION' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a suspended center: its trustees are read-only, its volunteers cannot join', async () => {
    const center = await createCenter(ctx.db, { licenseState: 'SUSPENDED' });
    const v = await createVolunteer(ctx.db, { centerId: center.id });
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    await expect(joinNetwork(ctx, chair, { volunteerId: v.id, kind: 'CULTURE_EDUCATION' })).rejects.toMatchObject({ code: 'CENTER_READ_ONLY' });
    await expect(joinNetwork(ctx, await volunteerActorOf(ctx.db, v.personId), { volunteerId: v.id, kind: 'CULTURE_EDUCATION' })).rejects.toMatchObject({ code: 'CENTER_NOT_LICENSED' });
  });

  it('leave sets leftAt; leaving again is refused; rejoining reuses the row', async () => {
    const center = await createCenter(ctx.db);
    const v = await createVolunteer(ctx.db, { centerId: center.id });
    const me = await volunteerActorOf(ctx.db, v.personId);
    const joined = await joinNetwork(ctx, me, { volunteerId: v.id, kind: 'HOUSING_CONSTRUCTION' });
    await leaveNetwork(ctx, me, { volunteerId: v.id, kind: 'HOUSING_CONSTRUCTION' });
    expect((await ctx.db.networkMembership.findUniqueOrThrow({ where: { id: joined.membershipId } })).leftAt).not.toBeNull();
    await expect(leaveNetwork(ctx, me, { volunteerId: v.id, kind: 'HOUSING_CONSTRUCTION' })).rejects.toMatchObject({ code: 'NOT_NETWORK_MEMBER' });
    const rejoined = await joinNetwork(ctx, me, { volunteerId: v.id, kind: 'HOUSING_CONSTRUCTION' });
    expect(rejoined.membershipId).toBe(joined.membershipId);
    expect((await auditRows(ctx.db, 'NetworkMembership', joined.membershipId)).map((r) => r.action)).toEqual(['network.join', 'network.leave', 'network.join']);
  });
});

describe('listNetworkMembers / listMyNetworks', () => {
  async function networkWithMembers() {
    const center = await createCenter(ctx.db);
    const net = await createNetwork(ctx.db, { centerId: center.id, kind: 'ENTREPRENEURSHIP_EMPLOYMENT' });
    const v = await createVolunteer(ctx.db, { centerId: center.id });
    const gone = await createVolunteer(ctx.db, { centerId: center.id });
    const donor = await createDonor(ctx.db);
    await createNetworkMembership(ctx.db, { networkId: net.id, volunteerId: v.id });
    await createNetworkMembership(ctx.db, { networkId: net.id, volunteerId: gone.id, leftAt: new Date() });
    await createNetworkMembership(ctx.db, { networkId: net.id, donorId: donor.id });
    return { center, v };
  }
  const input = (centerId: string): ListNetworkMembersInput => ({ centerId, kind: 'ENTREPRENEURSHIP_EMPLOYMENT' });

  it('managing trustees and staff see current members with contact; other trustees without', async () => {
    const { center } = await networkWithMembers();
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    const members = await listNetworkMembers(ctx, chair, input(center.id));
    expect(members.map((m) => m.memberType).sort()).toEqual(['DONOR', 'VOLUNTEER']);
    expect(members.every((m) => typeof m.mobile === 'string')).toBe(true);
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    expect((await listNetworkMembers(ctx, staff, input(center.id))).every((m) => m.mobile)).toBe(true);
    const finance = await trusteeActor(ctx.db, center.id, 'ADMIN_FINANCE');
    const limited = await listNetworkMembers(ctx, finance, input(center.id));
    expect(limited).toHaveLength(2);
    expect(limited.every((m) => m.mobile === undefined)).toBe(true);
  });

  it('volunteers, donors, other centers and other counties cannot list', async () => {
    const { center, v } = await networkWithMembers();
    const elsewhere = await createCenter(ctx.db);
    for (const actor of [
      await volunteerActorOf(ctx.db, v.personId),
      await donorActor(ctx.db),
      await trusteeActor(ctx.db, elsewhere.id, 'CHAIR'),
      await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: elsewhere.countyId }),
    ])
      await expect(listNetworkMembers(ctx, actor, input(center.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a volunteer lists only their own current networks', async () => {
    const { center, v } = await networkWithMembers();
    const mine = await listMyNetworks(ctx, await volunteerActorOf(ctx.db, v.personId), {});
    expect(mine).toEqual([expect.objectContaining({ kind: 'ENTREPRENEURSHIP_EMPLOYMENT', centerId: center.id })]);
    await expect(listMyNetworks(ctx, await trusteeActor(ctx.db, center.id, 'CHAIR'), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
