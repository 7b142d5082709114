/**
 * The scope of what belongs to no one center (a bank's column layout): the actor's own area,
 * so the policy answers whether their role may work statements at all.
 */
import type { Actor } from '../actor.ts';
import type { Scope } from '../policy.ts';

export function roleScope(actor: Actor): Scope {
  if (actor.kind === 'trustee') return { centerId: actor.centerId };
  if (actor.kind === 'staff') return { countyId: actor.countyId ?? null };
  return {};
}
