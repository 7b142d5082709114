import { InlineKeyboard } from 'grammy';
import { callbackData } from '../../messenger/callback-data.ts';

export const chooseLanguage = callbackData('lang', ['lng']);

/** Each language named in itself, so anyone can find theirs. */
export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text('فارسی', chooseLanguage.encode({ lng: 'fa' })).text('English', chooseLanguage.encode({ lng: 'en' }));
}
