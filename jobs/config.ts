/**
 * Settings of the sender and the reminders, and their defaults.
 * config.ts reads the SENDER_* / QUIET_HOURS / REMINDER_* variables into these.
 */
import type { Platform } from '../messenger/platform.ts';

export interface SenderLimits {
  /** Messages per second to all chats together (Telegram: about 30). */
  perSecond: number;
  /** Messages per second to one chat (Telegram: 1). */
  perChatPerSecond: number;
}

/** Bale publishes no numbers; it is given Telegram's, which it has not been seen to reject. */
export const DEFAULT_LIMITS: Record<Platform, SenderLimits> = {
  TELEGRAM: { perSecond: 30, perChatPerSecond: 1 },
  BALE: { perSecond: 30, perChatPerSecond: 1 },
  // The playground is a page on this server: no messenger limit to respect, but one chat
  // still gets its messages in order, a little apart, as on a phone.
  PLAYGROUND: { perSecond: 100, perChatPerSecond: 5 },
};

export interface QuietHours {
  /** Hour (0-23, Tehran) the quiet period starts… */
  startHour: number;
  /** …and the hour it ends. start > end spans midnight (22-8); start == end: no quiet hours. */
  endHour: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { startHour: 22, endHour: 8 };

/** "22-8" → { startHour: 22, endHour: 8 }; "off" or "" → no quiet hours. null if malformed. */
export function parseQuietHours(v: string): QuietHours | null {
  const s = v.trim().toLowerCase();
  if (s === '' || s === 'off' || s === 'none') return { startHour: 0, endHour: 0 };
  const m = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(s);
  if (!m) return null;
  const startHour = Number(m[1]);
  const endHour = Number(m[2]);
  if (startHour > 23 || endHour > 23) return null;
  return { startHour, endHour };
}

export interface ReminderSettings {
  quietHours: QuietHours;
  /** A task is announced as due soon this many hours before its due time. */
  taskDueSoonHours: number;
  /** At most this many reminders for one task (due soon + one a day while overdue). */
  taskMaxReminders: number;
  /** Days relative to an installment's due day on which its donor is reminded (-3: three days before). */
  installmentReminderDays: number[];
  /** Days before a license runs out on which the chair and county staff are told. */
  licenseReminderDays: number[];
  /** Tehran hour from which the day's approvals digest goes out (kept out of quiet hours). */
  digestHour: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  quietHours: DEFAULT_QUIET_HOURS,
  taskDueSoonHours: 48,
  taskMaxReminders: 5,
  installmentReminderDays: [-3, 0, 3],
  licenseReminderDays: [30, 7, 1],
  digestHour: 9,
};
