/**
 * "The center's networks": a board member picks one of the six specialized networks of their
 * center and reads who is in it -- the coordinator marked, each member's skills -- from core's
 * listNetworkMembers. Members' mobiles are shown only to the officers who coordinate the
 * networks (chair, vice-chair, the donors officers: core's 'network.manage'); core leaves them
 * out for everyone else, and the screen says so rather than showing an empty line.
 */
import { Composer } from 'grammy';
import { digits } from '../../messenger/format.ts';
import { attempt } from '../attempt.ts';
import type { BotContext } from '../context.ts';
import { networkPickKeyboard, roleName, showNetworkMembers, TRUSTEE_MENU } from '../keyboards/trustee.ts';
import { NETWORK_KINDS, networkKindAt, networkName } from '../keyboards/volunteer.ts';
import { boardRole, myBoardRoles } from '../screens/board-roles.ts';

export const trusteeNetworksFeature = new Composer<BotContext>();

/** A screen stays within one message (4096 characters): the rest is counted, not listed. */
const MAX_LISTED = 40;

type Member = Awaited<ReturnType<BotContext['core']['volunteers']['listNetworkMembers']>>[number];

function memberLines(ctx: BotContext, m: Member, n: number): string[] {
  const lng = ctx.chatAccount.language;
  let line = ctx.t('trustee:networks.member', { n: digits(n, lng), name: m.name });
  if (m.memberType === 'DONOR') line += ctx.t('trustee:networks.donor');
  if (m.isCoordinator) line += ctx.t('trustee:networks.coordinator');
  const lines = [line];
  if (m.skills.length) lines.push(ctx.t('trustee:networks.skills', { skills: m.skills.join(lng === 'fa' ? '، ' : ', ') }));
  if (m.mobile) lines.push(ctx.t('trustee:networks.mobile', { mobile: digits(m.mobile, lng) }));
  return lines;
}

/** For each board role, the six networks of its center to choose from. */
async function showNetworkPicker(ctx: BotContext): Promise<void> {
  const roles = await myBoardRoles(ctx);
  if (roles.length === 0) {
    await ctx.reply(ctx.t('trustee:link.notTrustee'));
    return;
  }
  const networks = NETWORK_KINDS.map((kind, k) => ({ k, label: networkName(ctx.t, kind) }));
  for (const role of roles)
    await ctx.reply(ctx.t('trustee:networks.pick', { center: role.centerName, role: roleName(ctx.t, role.actor.role) }), {
      reply_markup: networkPickKeyboard(networks, role.actor.membershipId),
    });
}

trusteeNetworksFeature.command('members', async (ctx) => {
  await ctx.conversation.exitAll();
  await showNetworkPicker(ctx);
});

trusteeNetworksFeature.callbackQuery(TRUSTEE_MENU.networks, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await showNetworkPicker(ctx);
});

trusteeNetworksFeature.callbackQuery(showNetworkMembers.pattern, async (ctx) => {
  const data = showNetworkMembers.decode(ctx.callbackQuery.data);
  const kind = networkKindAt(data?.k);
  if (!data || !kind) return;
  const role = await boardRole(ctx, data.m);
  if (!role) {
    await ctx.answerCallbackQuery({ text: ctx.t('trustee:networks.notYours'), show_alert: true });
    return;
  }
  const listed = await attempt(() => ctx.core.volunteers.listNetworkMembers(role.actor, { centerId: role.actor.centerId, kind }));
  if (!listed.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t(`errors:${listed.code}`), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const lng = ctx.chatAccount.language;
  const names = { network: networkName(ctx.t, kind), center: role.centerName };
  const members = listed.value;
  if (members.length === 0) {
    await ctx.reply(ctx.t('trustee:networks.none', names));
    return;
  }
  // The coordinators first, then the others as they joined.
  const ordered = [...members.filter((m) => m.isCoordinator), ...members.filter((m) => !m.isCoordinator)];
  const lines = [ctx.t('trustee:networks.title', { ...names, total: digits(members.length, lng) })];
  ordered.slice(0, MAX_LISTED).forEach((m, i) => lines.push('', ...memberLines(ctx, m, i + 1)));
  if (members.length > MAX_LISTED) lines.push('', ctx.t('trustee:networks.more', { rest: digits(members.length - MAX_LISTED, lng) }));
  // Core leaves the mobiles out for those who do not coordinate the networks: say so.
  if (members.every((m) => m.mobile === undefined)) lines.push('', ctx.t('trustee:networks.noContact'));
  await ctx.reply(lines.join('\n'));
});
