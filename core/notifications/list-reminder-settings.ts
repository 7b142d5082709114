/** Which reminder kinds the user's chat receives, for the bot's settings screen. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { REMINDER_KINDS, type ReminderKind } from './reminder-kinds.ts';

export const listReminderSettingsInput = z.object({}).default({});
export type ListReminderSettingsInput = z.input<typeof listReminderSettingsInput>;

/** Only the chat itself changes its settings: the bot acts for it with a chat actor. */
export function chatOf(actor: Actor): string {
  if ((actor.kind === 'chat' || actor.kind === 'donor' || actor.kind === 'volunteer') && actor.chatAccountId) return actor.chatAccountId;
  throw new DomainError('FORBIDDEN');
}

/** One kind of reminder and whether the chat turned it off. */
export interface ReminderSetting {
  kind: ReminderKind;
  muted: boolean;
}

export function reminderSettings(muted: readonly string[]): ReminderSetting[] {
  return REMINDER_KINDS.map((kind) => ({ kind, muted: muted.includes(kind) }));
}

export async function listReminderSettings(ctx: Ctx, actor: Actor, raw?: ListReminderSettingsInput): Promise<ReminderSetting[]> {
  parseInput(listReminderSettingsInput, raw ?? {});
  const chat = await ctx.db.chatAccount.findUnique({ where: { id: chatOf(actor) }, select: { mutedReminders: true } });
  if (!chat) throw new DomainError('NOT_FOUND');
  return reminderSettings(chat.mutedReminders ?? []);
}
