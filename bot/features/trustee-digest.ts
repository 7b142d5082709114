/** /digest and the menu entry: today's summary of each board role the trustee holds, now. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { conductKeyboard, TRUSTEE_MENU } from '../keyboards/trustee.ts';
import { buildTrusteeDigest } from '../screens/digest.ts';

export const trusteeDigestFeature = new Composer<BotContext>();

async function showDigest(ctx: BotContext): Promise<void> {
  const actors = await ctx.actors.trustee();
  if (actors.length === 0) {
    await ctx.reply(ctx.t('trustee:link.notTrustee'));
    return;
  }
  const memberships = await ctx.core.trustees.listMyMemberships(actors[0]!, {});
  const deps = { core: ctx.core, t: ctx.t, language: ctx.chatAccount.language };
  // Whoever has not yet acknowledged the conduct points (e.g. linked before they were asked) is asked first.
  for (const m of memberships.filter((m) => !m.conductAcknowledged))
    await ctx.reply(ctx.t('trustee:conduct.points'), { reply_markup: conductKeyboard(ctx.t, m.membershipId) });
  for (const m of memberships) await ctx.reply((await buildTrusteeDigest(deps, m)).text);
}

trusteeDigestFeature.command('digest', async (ctx) => {
  await ctx.conversation.exitAll();
  await showDigest(ctx);
});

trusteeDigestFeature.callbackQuery(TRUSTEE_MENU.digest, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await showDigest(ctx);
});
