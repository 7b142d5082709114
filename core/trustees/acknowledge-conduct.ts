/**
 * An appointee acknowledges the regulation's conduct points (rule 7: no political or partisan
 * activity in the center, no interference in the mosque's own management): themself in the
 * bot once their chat is linked, or county staff record the signed form. Once is enough.
 */
import { z } from 'zod';
import { personOf, type Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { centerScope, loadMembership } from './membership.ts';

export const acknowledgeConductInput = z.object({ membershipId: id });
export type AcknowledgeConductInput = z.input<typeof acknowledgeConductInput>;

export interface ConductAcknowledgement {
  membershipId: string;
  acknowledgedAt: Date;
}

export async function acknowledgeConduct(ctx: Ctx, actor: Actor, raw: AcknowledgeConductInput): Promise<ConductAcknowledgement> {
  const input = parseInput(acknowledgeConductInput, raw);
  return inTransaction(ctx, async (tx) => {
    const m = await loadMembership(tx, input.membershipId);
    // The appointee speaks for themself from their own chat; anyone else is staff recording a form.
    const self = actor.kind !== 'staff' && personOf(actor) === m.personId;
    if (!self) authorize(actor, 'trustee.recordConduct', centerScope(m.center));
    if (m.state !== 'APPOINTED') throw new DomainError('TRUSTEE_NOT_APPOINTED', { state: m.state });
    if (m.conductAcknowledgedAt) return { membershipId: m.id, acknowledgedAt: m.conductAcknowledgedAt };
    const now = ctx.clock.now();
    await tx.trusteeMembership.update({ where: { id: m.id }, data: { conductAcknowledgedAt: now } });
    await audit(tx, actor, {
      action: 'trustee.acknowledgeConduct',
      entity: 'TrusteeMembership',
      entityId: m.id,
      after: { conductAcknowledgedAt: now, by: self ? 'appointee' : 'staff' },
    });
    return { membershipId: m.id, acknowledgedAt: now };
  });
}
