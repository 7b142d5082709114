/**
 * Choosing a center without a deep link: a county (buttons), then a licensed
 * center of it — from the buttons, or by typing part of its name in any
 * digits and spelling (core normalises). The choice lands in the session.
 */
import type { BotConversation, ConversationContext } from '../context.ts';
import { centerKeyboard, countyKeyboard, pickCenter, pickCounty } from '../keyboards/centers.ts';
import { mainMenu } from '../screens/main-menu.ts';

export const PICK_CENTER = 'pickCenter';
const SHOWN = 10;

export async function pickCenterConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const counties = await conversation.external((o) => o.core.centers.listCenterCounties(o.actors.chat()));
  if (counties.length === 0) {
    await ctx.reply(ctx.t('bot:pick.noCenters'));
    return;
  }

  let county = counties[0]!;
  if (counties.length > 1) {
    await ctx.reply(ctx.t('bot:pick.askCounty'), { reply_markup: countyKeyboard(counties) });
    const pressed = await conversation.waitForCallbackQuery(pickCounty.pattern, {
      otherwise: (o) => answerOutOfPlace(o, 'bot:pick.useCountyButtons'),
    });
    await pressed.answerCallbackQuery();
    const id = pickCounty.decode(pressed.callbackQuery.data)?.id;
    county = counties.find((c) => c.id === id) ?? county;
  }

  const list = (query?: string) =>
    conversation.external((o) =>
      o.core.centers
        .listLicensedCenters(o.actors.chat(), { countyId: county.id, query, limit: SHOWN })
        .then((cs) => cs.map((c) => ({ id: c.id, name: c.name }))),
    );
  const firstCenters = await list();
  await ctx.reply(ctx.t('bot:pick.askCenter', { county: county.name }), { reply_markup: centerKeyboard(firstCenters) });

  for (;;) {
    const next = await conversation.wait();
    const chosen = pickCenter.decode(next.callbackQuery?.data)?.id;
    if (chosen) {
      await next.answerCallbackQuery();
      const center = await conversation.external(async (o) => {
        const c = await o.core.centers.findLicensedCenter(o.actors.chat(), { centerId: chosen });
        o.session.centerId = c.id;
        return { name: c.name };
      });
      await ctx.reply(ctx.t('bot:pick.chosen', { center: center.name }));
      const menu = await conversation.external((o) => mainMenu(o));
      await ctx.reply(menu.text, { reply_markup: menu.reply_markup });
      return;
    }
    const query = next.message?.text?.trim();
    if (query) {
      const found = await list(query);
      if (found.length === 0) await ctx.reply(ctx.t('bot:pick.noneFound'));
      else await ctx.reply(ctx.t('bot:pick.found'), { reply_markup: centerKeyboard(found) });
      continue;
    }
    await answerOutOfPlace(next, 'bot:pick.typeOrPick');
  }
}

/** A press of another (older) button is answered; anything else gets a one-line hint. */
async function answerOutOfPlace(ctx: ConversationContext, hint: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('bot:stale.button') });
  else await ctx.reply(ctx.t(hint));
}
