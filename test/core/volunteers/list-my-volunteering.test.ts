/** listMyVolunteering: a person's own volunteer records, read from the actor only. */
import { describe, expect, it } from 'vitest';
import { listMyVolunteering } from '../../../core/volunteers/list-my-volunteering.ts';
import { createCenter, createNetwork, createNetworkMembership, createPerson, createVolunteer } from '../../../fixtures/factories.ts';
import { staffActor } from '../../../fixtures/actors.ts';
import { chatActor, useWorkCtx } from '../../helpers/work.ts';

const ctx = useWorkCtx();

describe('listMyVolunteering', () => {
  it("shows each center's application state, the rejection reason and the current networks", async () => {
    const person = await createPerson(ctx.db);
    const a = await createCenter(ctx.db);
    const b = await createCenter(ctx.db);
    const active = await createVolunteer(ctx.db, { centerId: a.id, personId: person.id, appliedAt: new Date('2026-01-01') });
    await createVolunteer(ctx.db, { centerId: b.id, personId: person.id, state: 'REJECTED', rejectReason: 'سابقه ناکافی', appliedAt: new Date('2026-02-01') });
    const legal = await createNetwork(ctx.db, { centerId: a.id, kind: 'LEGAL_SERVICES' });
    const health = await createNetwork(ctx.db, { centerId: a.id, kind: 'SUPPORT_HEALTH' });
    await createNetworkMembership(ctx.db, { networkId: legal.id, volunteerId: active.id });
    await createNetworkMembership(ctx.db, { networkId: health.id, volunteerId: active.id, leftAt: new Date() });
    await createVolunteer(ctx.db, { centerId: a.id });

    const mine = await listMyVolunteering(ctx, await chatActor(ctx.db, person.id), {});
    expect(mine).toMatchObject([
      { centerId: a.id, centerName: a.name, state: 'ACTIVE', networks: ['LEGAL_SERVICES'] },
      { centerId: b.id, state: 'REJECTED', rejectReason: 'سابقه ناکافی', networks: [] },
    ]);
  });

  it('a chat not linked to a person, or staff, are refused', async () => {
    await expect(listMyVolunteering(ctx, await chatActor(ctx.db), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listMyVolunteering(ctx, await staffActor(ctx.db, 'PROVINCE_ADMIN'), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
