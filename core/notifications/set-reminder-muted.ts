/** A user turns one kind of reminder off (or back on) for their own chat. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { REMINDER_KINDS } from './reminder-kinds.ts';
import { chatOf, reminderSettings, type ReminderSetting } from './list-reminder-settings.ts';

export const setReminderMutedInput = z.object({
  kind: z.enum(REMINDER_KINDS, { message: 'VALIDATION' }),
  muted: z.boolean({ message: 'VALIDATION' }),
});
export type SetReminderMutedInput = z.input<typeof setReminderMutedInput>;

export async function setReminderMuted(ctx: Ctx, actor: Actor, raw: SetReminderMutedInput): Promise<ReminderSetting[]> {
  const input = parseInput(setReminderMutedInput, raw);
  const chatAccountId = chatOf(actor);
  return inTransaction(ctx, async (tx) => {
    const chat = await tx.chatAccount.findUnique({ where: { id: chatAccountId }, select: { mutedReminders: true } });
    if (!chat) throw new DomainError('NOT_FOUND');
    const before = chat.mutedReminders ?? [];
    const after = input.muted ? [...new Set([...before, input.kind])] : before.filter((k) => k !== input.kind);
    if (after.length !== before.length) {
      await tx.chatAccount.update({ where: { id: chatAccountId }, data: { mutedReminders: after } });
      await audit(tx, actor, { action: 'reminders.mute', entity: 'ChatAccount', entityId: chatAccountId, before: { mutedReminders: before }, after: { mutedReminders: after } });
    }
    return reminderSettings(after);
  });
}
