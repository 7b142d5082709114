/**
 * The reminder settings screen's on/off toggles (`rmt:<kind>:<1 mute | 0 unmute>`). The
 * button under a reminder itself is messenger/reminder-buttons.ts.
 */
import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { ReminderKind } from '../../core/notifications/index.ts';
import { callbackData, fixedButtons } from '../../messenger/callback-data.ts';
import type { TFunction } from '../../messenger/i18n.ts';
import { inlineMarkup } from './markup.ts';

export const toggleReminder = callbackData('rmt', ['k', 'm']);

/** Main-menu entry (bot/menu-items.ts). */
export const REMINDERS_MENU = fixedButtons({ settings: 'rmd:settings' });

export function kindName(t: TFunction, kind: ReminderKind): string {
  return t(`reminders:kind.${kind}`);
}

/** One button per kind showing its state; pressing it flips that state. */
export function settingsKeyboard(t: TFunction, settings: readonly { kind: ReminderKind; muted: boolean }[]): InlineKeyboardMarkup {
  const kb = new InlineKeyboard();
  for (const s of settings) {
    const label = t(s.muted ? 'reminders:settings.off' : 'reminders:settings.on', { kind: kindName(t, s.kind) });
    kb.text(label, toggleReminder.encode({ k: s.kind, m: s.muted ? 0 : 1 })).row();
  }
  return inlineMarkup(kb);
}
