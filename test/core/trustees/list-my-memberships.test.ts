/** listMyMemberships: the board roles a person holds now, read from the actor only. */
import { describe, expect, it } from 'vitest';
import { listMyMemberships } from '../../../core/trustees/list-my-memberships.ts';
import { createCenter, createPerson, createTrustee } from '../../../fixtures/factories.ts';
import { chatActor, useWorkCtx } from '../../helpers/work.ts';

const ctx = useWorkCtx();

describe('listMyMemberships', () => {
  it('lists only the appointed roles of the chat\'s person, with center names', async () => {
    const person = await createPerson(ctx.db);
    const center = await createCenter(ctx.db);
    const m = await createTrustee(ctx.db, { centerId: center.id, role: 'ADMIN_FINANCE', personId: person.id });
    await createTrustee(ctx.db, { centerId: center.id, role: 'HEALTH', personId: person.id, state: 'ENDED' });
    await createTrustee(ctx.db, { centerId: center.id, role: 'CHAIR' });
    expect(await listMyMemberships(ctx, await chatActor(ctx.db, person.id), {})).toMatchObject([
      { membershipId: m.id, centerName: center.name, role: 'ADMIN_FINANCE', centerLicensed: true },
    ]);
    await expect(listMyMemberships(ctx, await chatActor(ctx.db), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
