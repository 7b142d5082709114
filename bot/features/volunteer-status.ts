/**
 * "My volunteering": where each application stands (received, in vetting,
 * active, not accepted with the reason) and the networks the volunteer is in.
 */
import { Composer } from 'grammy';
import { formatJalaliDate } from '../../messenger/format.ts';
import type { BotContext } from '../context.ts';
import { networkName, VOLUNTEER_MENU } from '../keyboards/volunteer.ts';

export const volunteerStatusFeature = new Composer<BotContext>();

/** The person's volunteer records, or null when the chat is not linked to anyone yet. */
export async function myVolunteering(ctx: BotContext) {
  const actor = (await ctx.actors.volunteer()) ?? ctx.actors.chat();
  if (!actor.personId) return null;
  return ctx.core.volunteers.listMyVolunteering(actor, {});
}

export async function volunteeringStatusText(ctx: BotContext): Promise<string> {
  const records = await myVolunteering(ctx);
  if (!records || records.length === 0) return ctx.t('volunteer:status.none');
  const lng = ctx.chatAccount.language;
  const lines = [ctx.t('volunteer:status.title')];
  for (const r of records) {
    lines.push(ctx.t('volunteer:status.center', { center: r.centerName, state: ctx.t(`volunteer:states.${r.state}`) }));
    lines.push(ctx.t('volunteer:status.since', { date: formatJalaliDate(r.appliedAt, lng) }));
    if (r.serviceForService) lines.push(ctx.t('volunteer:status.serviceForService'));
    if (r.state === 'REJECTED' && r.rejectReason) lines.push(ctx.t('volunteer:status.reason', { reason: r.rejectReason }));
    if (r.state === 'ACTIVE') {
      lines.push(
        r.networks.length
          ? ctx.t('volunteer:status.networks', { networks: r.networks.map((k) => networkName(ctx.t, k)).join(lng === 'fa' ? '، ' : ', ') })
          : ctx.t('volunteer:status.noNetworks'),
      );
    }
  }
  return lines.join('\n');
}

async function showStatus(ctx: BotContext): Promise<void> {
  await ctx.reply(await volunteeringStatusText(ctx));
}

volunteerStatusFeature.command('volunteering', async (ctx) => {
  await ctx.conversation.exitAll();
  await showStatus(ctx);
});

volunteerStatusFeature.callbackQuery(VOLUNTEER_MENU.status, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await showStatus(ctx);
});
