/**
 * One reminder tick (pg-boss runs it every few minutes, see jobs/index.ts):
 * computes from the database what is due now, so a missed tick (the server
 * was down) is caught up by the next one, and dedupe keys plus the reminder
 * counters make running it twice harmless. Nothing is queued in quiet hours:
 * what falls due at night goes out with the first tick of the morning.
 *
 * The first tick of each Tehran day also runs core's daily system jobs
 * (they notify people too, so they also wait for the morning): this month's
 * recurring tasks from the role templates (Jalali calendar), missed pledge
 * installments, and expired licenses.
 */
import type { SystemActor } from '../../core/actor.ts';
import type { Clock } from '../../core/context.ts';
import type { Core } from '../../core/index.ts';
import type { Db } from '../../prisma/client.ts';
import type { SenderLogger } from '../sender/outbox-sender.ts';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../config.ts';
import { sendApprovalsDigest } from './approvals-digest.ts';
import { remindInstallments } from './installment-reminders.ts';
import { remindLicenses } from './license-reminders.ts';
import { remindTasks } from './task-reminders.ts';
import { inQuietHours, jalaliDayKey, tehranHour } from './tehran-time.ts';

export interface ReminderDeps {
  db: Db;
  /** Core on the same database and clock (its daily jobs read core's clock). */
  core: Core;
  clock: Clock;
  settings?: Partial<ReminderSettings>;
  logger?: SenderLogger;
}

export interface TickResult {
  quiet: boolean;
  dailyJobs: boolean;
  tasksDueSoon: number;
  tasksOverdue: number;
  installments: number;
  licenses: number;
  approvalDigests: number;
}

const system: SystemActor = { kind: 'system', job: 'reminders' };

export function createReminderRunner(deps: ReminderDeps) {
  const settings: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, ...deps.settings };
  let dailyJobsDoneOn: string | null = null;

  async function dailyJobs(day: string): Promise<boolean> {
    if (dailyJobsDoneOn === day) return false;
    let ok = true;
    for (const [name, job] of [
      ['generateRecurringTasks', () => deps.core.work.generateRecurringTasks(system, {})],
      ['markMissedInstallments', () => deps.core.giving.markMissedInstallments(system, {})],
      ['expireLicenses', () => deps.core.centers.expireLicenses(system, {})],
    ] as const) {
      try {
        await job();
      } catch (e) {
        ok = false;
        deps.logger?.error({ err: e, job: name }, 'reminders: daily job failed (tried again next tick)');
      }
    }
    if (ok) dailyJobsDoneOn = day;
    return true;
  }

  return {
    settings,
    async tick(now: Date = deps.clock.now()): Promise<TickResult> {
      const result: TickResult = { quiet: false, dailyJobs: false, tasksDueSoon: 0, tasksOverdue: 0, installments: 0, licenses: 0, approvalDigests: 0 };
      if (inQuietHours(now, settings.quietHours)) return { ...result, quiet: true };
      result.dailyJobs = await dailyJobs(jalaliDayKey(now));
      const tasks = await remindTasks(deps.db, now, settings);
      result.tasksDueSoon = tasks.dueSoon;
      result.tasksOverdue = tasks.overdue;
      result.installments = await remindInstallments(deps.db, now, settings);
      if (tehranHour(now) >= settings.digestHour) {
        result.licenses = await remindLicenses(deps.db, now, settings);
        result.approvalDigests = await sendApprovalsDigest(deps.db, now);
      }
      return result;
    },
  };
}

export type ReminderRunner = ReturnType<typeof createReminderRunner>;
