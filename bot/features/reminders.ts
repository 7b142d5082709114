/**
 * Presses on a reminder's button (messenger/reminder-buttons.ts, queued by jobs/reminders
 * and sent with one inline button by jobs/sender) lead to what settles the
 * reminder: the task card, the payment report, the license status, the
 * approvals list. Someone the reminder is not for, or a reminder already
 * settled, gets a short answer. Also the reminder settings screen (/reminders).
 */
import { Composer, GrammyError } from 'grammy';
import { isDomainError } from '../../core/errors.ts';
import { isReminderKind } from '../../core/notifications/index.ts';
import { digits } from '../../messenger/format.ts';
import { reminderAction } from '../../messenger/reminder-buttons.ts';
import type { BotContext } from '../context.ts';
import { dueDay, openInstallments } from '../conversations/donor-views.ts';
import { DONOR_PAY } from '../conversations/donor-pay.ts';
import { loadHistory } from '../conversations/donor-core.ts';
import { kindName, REMINDERS_MENU, settingsKeyboard, toggleReminder } from '../keyboards/reminders.ts';
import { taskCardKeyboard } from '../keyboards/trustee.ts';
import { myBoardRoles } from '../screens/board-roles.ts';
import { pendingDecisions } from '../screens/decisions.ts';
import { showFrom } from './trustee-approvals.ts';
import { cardText } from './trustee-tasks.ts';

export const remindersFeature = new Composer<BotContext>();

async function refuse(ctx: BotContext, key: string): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
}

async function openTaskCard(ctx: BotContext, taskId: string): Promise<void> {
  const roles = await myBoardRoles(ctx);
  for (const role of roles) {
    const task = (await ctx.core.work.listMyTasks(role.actor, {})).find((t) => t.id === taskId);
    if (!task) continue;
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.reply(cardText(ctx, task), { reply_markup: taskCardKeyboard(ctx.t, task.id, role.actor.membershipId) });
    return;
  }
  // Not among the open tasks: closed if it is still assigned to one of the person's roles.
  let mine = false;
  for (const role of roles) mine ||= await ctx.core.work.getMyTask(role.actor, { taskId }).then(() => true, (e) => (isDomainError(e) ? false : Promise.reject(e)));
  await refuse(ctx, mine ? 'trustee:tasks.closed' : 'trustee:tasks.notYours');
}

async function reportInstallment(ctx: BotContext, installmentId: string): Promise<void> {
  const history = await loadHistory(ctx);
  const pledge = history?.pledges.find((p) => p.installments.some((i) => i.id === installmentId));
  if (!pledge) return refuse(ctx, 'reminders:installment.notYours');
  const installment = pledge.state === 'ACTIVE' && pledge.kind === 'CASH' ? openInstallments(pledge).find((i) => i.id === installmentId) : undefined;
  if (!installment) return refuse(ctx, 'reminders:installment.settled');
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  // The payment flow needs a chosen center only for a direct gift; the pledge's own center is the natural one.
  ctx.session.centerId ??= pledge.centerId;
  const lng = ctx.chatAccount.language;
  await ctx.reply(ctx.t('reminders:installment.intro', { seq: digits(installment.seq, lng), no: digits(pledge.no, lng), due: dueDay(installment.dueOn, lng) }));
  // The conversation asks for the pledge and installment itself: it takes no target.
  await ctx.conversation.enter(DONOR_PAY);
}

async function licenseStatus(ctx: BotContext, centerId: string): Promise<void> {
  const trustees = await ctx.actors.trustee();
  if (!trustees.some((a) => a.centerId === centerId)) return refuse(ctx, 'reminders:license.notYours');
  const trustee = trustees.find((a) => a.centerId === centerId)!;
  const center = await ctx.core.centers.getCenterLicense(trustee, { centerId });
  await ctx.answerCallbackQuery();
  const text =
    center.licenseState === 'LICENSED' && center.licenseExpiresOn
      ? ctx.t('reminders:license.valid', { center: center.name, date: dueDay(center.licenseExpiresOn.toISOString(), ctx.chatAccount.language) })
      : ctx.t('reminders:license.inactive', { center: center.name });
  await ctx.reply(text);
}

async function approvalsList(ctx: BotContext): Promise<void> {
  if ((await myBoardRoles(ctx)).length === 0) return refuse(ctx, 'reminders:approvals.notYours');
  if ((await pendingDecisions(ctx)).length === 0) return refuse(ctx, 'trustee:approvals.none');
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await showFrom(ctx, 0, true);
}

remindersFeature.callbackQuery(reminderAction.pattern, async (ctx) => {
  const data = reminderAction.decode(ctx.callbackQuery.data);
  if (data?.kind === 'task') return openTaskCard(ctx, data.id);
  if (data?.kind === 'installment') return reportInstallment(ctx, data.id);
  if (data?.kind === 'license') return licenseStatus(ctx, data.id);
  if (data?.kind === 'approvals') return approvalsList(ctx);
  await refuse(ctx, 'reminders:unknown');
});

// ── settings ──

async function settingsScreen(ctx: BotContext) {
  const settings = await ctx.core.notifications.listReminderSettings(ctx.actors.chat(), {});
  return { text: ctx.t('reminders:settings.title'), reply_markup: settingsKeyboard(ctx.t, settings) };
}

async function showSettings(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  const screen = await settingsScreen(ctx);
  await ctx.reply(screen.text, { reply_markup: screen.reply_markup });
}

remindersFeature.command('reminders', showSettings);

remindersFeature.callbackQuery(REMINDERS_MENU.settings, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showSettings(ctx);
});

remindersFeature.callbackQuery(toggleReminder.pattern, async (ctx) => {
  const data = toggleReminder.decode(ctx.callbackQuery.data);
  if (!data || !isReminderKind(data.k) || (data.m !== '0' && data.m !== '1')) return refuse(ctx, 'reminders:unknown');
  const muted = data.m === '1';
  const settings = await ctx.core.notifications.setReminderMuted(ctx.actors.chat(), { kind: data.k, muted });
  await ctx.answerCallbackQuery({ text: ctx.t(muted ? 'reminders:settings.turnedOff' : 'reminders:settings.turnedOn', { kind: kindName(ctx.t, data.k) }) });
  // A second press on an old screen changes nothing: the messenger refuses an identical edit.
  await ctx.editMessageReplyMarkup({ reply_markup: settingsKeyboard(ctx.t, settings) }).catch((e: unknown) => {
    if (!(e instanceof GrammyError && e.description.includes('not modified'))) throw e;
  });
});
