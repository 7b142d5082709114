/**
 * The six specialized networks: an active volunteer sees which they are in,
 * joins another with one press, and leaves one after confirming. Presses of
 * an old screen (volunteering ended, already left) are answered, not ignored.
 */
import { Composer } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { attempt } from '../attempt.ts';
import type { BotContext } from '../context.ts';
import {
  askLeaveNetwork,
  confirmLeaveNetwork,
  joinNetwork,
  leaveConfirmKeyboard,
  networkKindAt,
  networkName,
  networksKeyboard,
  stayInNetwork,
  VOLUNTEER_MENU,
} from '../keyboards/volunteer.ts';
import { myVolunteering } from './volunteer-status.ts';

export const volunteerNetworksFeature = new Composer<BotContext>();

interface Screen {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** The networks screen of the volunteer's active record (the chosen center's first). */
async function networksScreen(ctx: BotContext): Promise<Screen> {
  const records = await myVolunteering(ctx);
  if (!records || records.length === 0) return { text: ctx.t('volunteer:networks.none') };
  const active = records.filter((r) => r.state === 'ACTIVE' && r.centerLicensed);
  const record = active.find((r) => r.centerId === ctx.session.centerId) ?? active[0];
  if (!record) {
    const latest = records.find((r) => r.centerId === ctx.session.centerId) ?? records[records.length - 1]!;
    return { text: ctx.t('volunteer:networks.notActive', { state: ctx.t(`volunteer:states.${latest.state}`) }) };
  }
  const actor = (await ctx.actors.volunteer()) ?? ctx.actors.chat();
  const mine = (await ctx.core.volunteers.listMyNetworks(actor, {})).filter((m) => m.centerId === record.centerId);
  const lng = ctx.chatAccount.language;
  const names = mine.map((m) => networkName(ctx.t, m.kind)).join(lng === 'fa' ? '، ' : ', ');
  const text = [
    ctx.t('volunteer:networks.title', { center: record.centerName }),
    mine.length ? ctx.t('volunteer:networks.mine', { center: record.centerName, networks: names }) : ctx.t('volunteer:networks.mineNone'),
  ].join('\n\n');
  return { text, reply_markup: networksKeyboard(ctx.t, record.volunteerId, mine.map((m) => m.kind)) };
}

async function showNetworks(ctx: BotContext): Promise<void> {
  const screen = await networksScreen(ctx);
  await ctx.reply(screen.text, screen.reply_markup ? { reply_markup: screen.reply_markup } : {});
}

/** Redraws the pressed screen in place (its buttons now say what is true). */
async function refreshNetworks(ctx: BotContext): Promise<void> {
  const screen = await networksScreen(ctx);
  await ctx.editMessageText(screen.text, { reply_markup: screen.reply_markup ?? { inline_keyboard: [] } });
}

/** Explains a refusal on the button itself; domain errors in the user's words. */
async function answerRefusal(ctx: BotContext, code: string): Promise<void> {
  const key =
    code === 'NOT_NETWORK_MEMBER'
      ? 'volunteer:networks.notMember'
      : code === 'VOLUNTEER_NOT_ACTIVE' || code === 'NOT_FOUND' || code === 'FORBIDDEN'
        ? 'volunteer:networks.changed'
        : `errors:${code}`;
  await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
}

volunteerNetworksFeature.command('networks', async (ctx) => {
  await ctx.conversation.exitAll();
  await showNetworks(ctx);
});

volunteerNetworksFeature.callbackQuery(VOLUNTEER_MENU.networks, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await showNetworks(ctx);
});

volunteerNetworksFeature.callbackQuery(joinNetwork.pattern, async (ctx) => {
  const data = joinNetwork.decode(ctx.callbackQuery.data);
  const kind = networkKindAt(data?.k);
  if (!data || !kind) return;
  const actor = (await ctx.actors.volunteer()) ?? ctx.actors.chat();
  const joined = await attempt(() => ctx.core.volunteers.joinNetwork(actor, { volunteerId: data.v, kind }));
  if (!joined.ok) return answerRefusal(ctx, joined.code);
  await ctx.answerCallbackQuery({ text: ctx.t('volunteer:networks.joined', { network: networkName(ctx.t, kind) }) });
  await refreshNetworks(ctx);
});

volunteerNetworksFeature.callbackQuery(askLeaveNetwork.pattern, async (ctx) => {
  const data = askLeaveNetwork.decode(ctx.callbackQuery.data);
  const kind = networkKindAt(data?.k);
  if (!data || !kind) return;
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('volunteer:networks.confirmLeave', { network: networkName(ctx.t, kind) }), {
    reply_markup: leaveConfirmKeyboard(ctx.t, data.v, Number(data.k)),
  });
});

volunteerNetworksFeature.callbackQuery(confirmLeaveNetwork.pattern, async (ctx) => {
  const data = confirmLeaveNetwork.decode(ctx.callbackQuery.data);
  const kind = networkKindAt(data?.k);
  if (!data || !kind) return;
  const actor = (await ctx.actors.volunteer()) ?? ctx.actors.chat();
  const left = await attempt(() => ctx.core.volunteers.leaveNetwork(actor, { volunteerId: data.v, kind }));
  if (!left.ok) {
    await answerRefusal(ctx, left.code);
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('volunteer:networks.left', { network: networkName(ctx.t, kind) }), {
    reply_markup: { inline_keyboard: [] },
  });
});

volunteerNetworksFeature.callbackQuery(stayInNetwork.pattern, async (ctx) => {
  const kind = networkKindAt(stayInNetwork.decode(ctx.callbackQuery.data)?.k);
  if (!kind) return;
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('volunteer:networks.stayed', { network: networkName(ctx.t, kind) }), {
    reply_markup: { inline_keyboard: [] },
  });
});
