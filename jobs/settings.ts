/**
 * The jobs' settings, read from the environment by config.ts (this file holds
 * the part of the schema that belongs to the sender and the reminders). The
 * jobs run when a bot is configured (BOT_TOKEN); JOBS_ENABLED=false keeps them
 * out of a process (e.g. a second web process next to one that sends).
 */
import { z } from 'zod';
import { flag } from '../core/input/schemas.ts';
import { parseQuietHours, type QuietHours, type ReminderSettings, type SenderLimits } from './config.ts';

const dayList = z
  .string()
  .trim()
  .regex(/^-?\d{1,3}(\s*,\s*-?\d{1,3})*$/, 'must be whole numbers of days separated by commas, e.g. -3,0,3')
  .transform((v) => v.split(',').map((d) => Number(d.trim())));

export const jobsEnvShape = {
  JOBS_ENABLED: flag.default(true),
  /** Messages a second to all chats of the bot's messenger (Telegram allows about 30). */
  SENDER_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).optional(),
  /** Messages a second to one chat (Telegram: 1). */
  SENDER_PER_CHAT_PER_SECOND: z.coerce.number().min(0.01).max(10).optional(),
  /** Tehran hours without reminders, "start-end" (e.g. 22-8), or "off". */
  QUIET_HOURS: z
    .string()
    .default('22-8')
    .transform((v, ctx) => {
      const q = parseQuietHours(v);
      if (!q) {
        ctx.addIssue({ code: 'custom', message: 'must be hours like 22-8 (from 22:00 to 08:00, Tehran time), or off' });
        return z.NEVER;
      }
      return q;
    }),
  /** How often reminders are computed (cron, Tehran time). */
  REMINDER_TICK_CRON: z
    .string()
    .trim()
    .regex(/^(\S+\s+){4}\S+$/, 'must be a five-field cron expression, e.g. */5 * * * *')
    .default('*/5 * * * *'),
  /** From this Tehran hour the daily approvals digest and license reminders go out. */
  REMINDER_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  /** Days around an installment's due day its donor is reminded on (also the maximum number of reminders). */
  REMINDER_INSTALLMENT_DAYS: dayList.default([-3, 0, 3]),
  /** At most this many reminders for one trustee task. */
  REMINDER_TASK_MAX: z.coerce.number().int().min(1).max(100).default(5),
};

type JobsEnv = z.output<z.ZodObject<typeof jobsEnvShape>>;

export interface JobsSettings {
  enabled: boolean;
  /** For the bot's messenger; unset fields keep the platform's defaults (jobs/config.ts). */
  limits: Partial<SenderLimits>;
  reminders: Partial<ReminderSettings> & { quietHours: QuietHours };
  tickCron: string;
}

export function jobsSettingsFrom(e: JobsEnv): JobsSettings {
  return {
    enabled: e.JOBS_ENABLED,
    limits: {
      ...(e.SENDER_RATE_PER_SECOND !== undefined ? { perSecond: e.SENDER_RATE_PER_SECOND } : {}),
      ...(e.SENDER_PER_CHAT_PER_SECOND !== undefined ? { perChatPerSecond: e.SENDER_PER_CHAT_PER_SECOND } : {}),
    },
    reminders: {
      quietHours: e.QUIET_HOURS,
      digestHour: e.REMINDER_DIGEST_HOUR,
      installmentReminderDays: e.REMINDER_INSTALLMENT_DAYS,
      taskMaxReminders: e.REMINDER_TASK_MAX,
    },
    tickCron: e.REMINDER_TICK_CRON,
  };
}
