/** The main menu's buttons: the entries of bot/menu-items.ts the chat's roles may see, one a row. */
import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { TFunction } from '../../messenger/i18n.ts';
import { menuItems, type MenuRoles } from '../menu-items.ts';
import { inlineMarkup } from './markup.ts';

export function mainMenuKeyboard(t: TFunction, roles: MenuRoles): InlineKeyboardMarkup {
  const keyboard = new InlineKeyboard();
  for (const item of menuItems.filter((i) => !i.show || i.show(roles))) keyboard.text(t(item.label), item.data).row();
  return inlineMarkup(keyboard);
}
