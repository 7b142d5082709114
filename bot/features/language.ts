/** /language and the menu entry: فارسی / English, stored on the chat account, any time (even mid-conversation). */
import { Composer } from 'grammy';
import { isLanguage } from '../../messenger/i18n.ts';
import type { BotContext } from '../context.ts';
import { setChatLanguage } from '../chat-account.ts';
import { chooseLanguage, languageKeyboard } from '../keyboards/languages.ts';
import { INFRA_MENU } from '../menu-items.ts';

export const languageFeature = new Composer<BotContext>();

const ask = (ctx: BotContext) => ctx.reply(ctx.t('bot:language.ask'), { reply_markup: languageKeyboard() });

languageFeature.command('language', ask);

languageFeature.callbackQuery(INFRA_MENU.language, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ask(ctx);
});

languageFeature.callbackQuery(chooseLanguage.pattern, async (ctx) => {
  const lng = chooseLanguage.decode(ctx.callbackQuery.data)?.lng;
  if (!isLanguage(lng)) {
    await ctx.answerCallbackQuery({ text: ctx.t('bot:stale.button') });
    return;
  }
  await setChatLanguage(ctx, lng);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('bot:language.changed'));
});
