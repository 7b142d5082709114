import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { listReminderSettings } from './list-reminder-settings.ts';
import { setReminderMuted } from './set-reminder-muted.ts';

export { REMINDER_KINDS, isReminderKind, type ReminderKind } from './reminder-kinds.ts';

export function notificationsUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    listReminderSettings,
    setReminderMuted,
  });
}
