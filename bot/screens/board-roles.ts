/**
 * The board roles of the chat's person, each as the actor core needs and with
 * its center's name for the screens. Shared by the trustee features and their
 * conversations (which reach it through conversation.external).
 */
import type { TrusteeActor } from '../../core/actor.ts';
import type { BotContext } from '../context.ts';

export interface BoardRole {
  actor: TrusteeActor;
  centerName: string;
}

export async function myBoardRoles(ctx: BotContext): Promise<BoardRole[]> {
  const actors = await ctx.actors.trustee();
  if (actors.length === 0) return [];
  // Any of the person's roles identifies them (the chat's own link may be newer than this update's start).
  const memberships = await ctx.core.trustees.listMyMemberships(actors[0]!, {});
  const names = new Map(memberships.map((m) => [m.membershipId, m.centerName]));
  return actors.map((actor) => ({ actor, centerName: names.get(actor.membershipId) ?? '' }));
}

/** The role a button was made for, if the person still holds it. */
export async function boardRole(ctx: BotContext, membershipId: string | undefined): Promise<BoardRole | null> {
  if (!membershipId) return null;
  return (await myBoardRoles(ctx)).find((r) => r.actor.membershipId === membershipId) ?? null;
}
