import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { callbackData } from '../../messenger/callback-data.ts';
import { inlineMarkup } from './markup.ts';

export const pickCounty = callbackData('county', ['id']);
export const pickCenter = callbackData('center', ['id']);

export function countyKeyboard(counties: { id: string; name: string }[]): InlineKeyboardMarkup {
  const kb = new InlineKeyboard();
  counties.forEach((c, i) => {
    kb.text(c.name, pickCounty.encode({ id: c.id }));
    if (i % 2 === 1) kb.row();
  });
  return inlineMarkup(kb);
}

export function centerKeyboard(centers: { id: string; name: string }[]): InlineKeyboardMarkup {
  const kb = new InlineKeyboard();
  for (const c of centers) kb.text(c.name, pickCenter.encode({ id: c.id })).row();
  return inlineMarkup(kb);
}
