/**
 * /start: with a deep link `c_<activity code>` (the QR poster of a center) the
 * chat is linked to that licensed center; without one (or with a bad one) the
 * user picks a county and a center. /start always leaves any conversation.
 */
import { Composer } from 'grammy';
import { isDomainError } from '../../core/errors.ts';
import { centerCodeOfStartPayload } from '../../messenger/start-link.ts';
import type { BotContext } from '../context.ts';
import { PICK_CENTER } from '../conversations/start-pick-center.ts';
import { chosenCenterName, showMainMenu } from '../screens/main-menu.ts';

export const startFeature = new Composer<BotContext>();

startFeature.command('start', async (ctx) => {
  await ctx.conversation.exitAll();
  const code = centerCodeOfStartPayload(ctx.match);
  if (code) {
    try {
      const center = await ctx.core.centers.findLicensedCenter(ctx.actors.chat(), { activityCode: code });
      ctx.session.centerId = center.id;
      await ctx.reply(ctx.t('bot:start.linked', { center: center.name, county: center.countyName }));
      await showMainMenu(ctx, { centerName: center.name });
      return;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      await ctx.reply(ctx.t(e.code === 'CENTER_NOT_LICENSED' ? 'bot:start.centerNotLicensed' : 'bot:start.badLink'));
      await ctx.conversation.enter(PICK_CENTER);
      return;
    }
  }
  const centerName = await chosenCenterName(ctx);
  if (centerName) {
    await ctx.reply(ctx.t('bot:start.welcomeBack'));
    await showMainMenu(ctx, { centerName });
    return;
  }
  await ctx.reply(ctx.t('bot:start.welcome'));
  await ctx.conversation.enter(PICK_CENTER);
});
