import type { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';

/** Plain, JSON-safe markup without the empty row a trailing `.row()` leaves. */
export function inlineMarkup(kb: InlineKeyboard): InlineKeyboardMarkup {
  return { inline_keyboard: kb.inline_keyboard.filter((row) => row.length > 0) };
}
