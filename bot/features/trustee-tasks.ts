/**
 * "My tasks": the open tasks of each board role the trustee holds, each
 * opening a card to mark it done or postpone it (to tomorrow, or a week).
 * A press on a task that is already closed, or no longer theirs, is answered.
 */
import { Composer } from 'grammy';
import { digits, formatJalaliDate } from '../../messenger/format.ts';
import { attempt } from '../attempt.ts';
import type { BotContext } from '../context.ts';
import { taskRefusalKey } from '../conversations/trustee-refusals.ts';
import { completeTask, openTask, roleName, shorten, snoozeTask, taskCardKeyboard, taskListKeyboard, TRUSTEE_MENU } from '../keyboards/trustee.ts';
import { boardRole, myBoardRoles } from '../screens/board-roles.ts';

export const trusteeTasksFeature = new Composer<BotContext>();

type Task = Awaited<ReturnType<BotContext['core']['work']['listMyTasks']>>[number];

function taskLine(ctx: BotContext, task: Task, n: number): string {
  const lng = ctx.chatAccount.language;
  let line = ctx.t('trustee:tasks.line', { n: digits(n, lng), title: task.title, due: formatJalaliDate(task.dueAt, lng) });
  if (task.overdue) line += ctx.t('trustee:tasks.overdue');
  else if (task.state === 'SNOOZED' && task.snoozedUntil) line += ctx.t('trustee:tasks.snoozed', { date: formatJalaliDate(task.snoozedUntil, lng) });
  return line;
}

export function cardText(ctx: BotContext, task: Task): string {
  const due = formatJalaliDate(task.dueAt, ctx.chatAccount.language);
  return task.description
    ? ctx.t('trustee:tasks.cardDescription', { title: task.title, description: task.description, due })
    : ctx.t('trustee:tasks.card', { title: task.title, due });
}

async function showTasks(ctx: BotContext): Promise<void> {
  const roles = await myBoardRoles(ctx);
  if (roles.length === 0) {
    await ctx.reply(ctx.t('trustee:link.notTrustee'));
    return;
  }
  let shown = 0;
  const lng = ctx.chatAccount.language;
  for (const role of roles) {
    const tasks = await ctx.core.work.listMyTasks(role.actor, {});
    if (tasks.length === 0) continue;
    shown++;
    const text = [
      ctx.t('trustee:tasks.title', { center: role.centerName, role: roleName(ctx.t, role.actor.role) }),
      ...tasks.map((task, i) => taskLine(ctx, task, i + 1)),
    ].join('\n');
    await ctx.reply(text, { reply_markup: taskListKeyboard(tasks, role.actor.membershipId, (n) => digits(n, lng)) });
  }
  if (shown === 0) await ctx.reply(ctx.t('trustee:tasks.none'));
}

trusteeTasksFeature.command('tasks', async (ctx) => {
  await ctx.conversation.exitAll();
  await showTasks(ctx);
});

trusteeTasksFeature.callbackQuery(TRUSTEE_MENU.tasks, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await showTasks(ctx);
});

trusteeTasksFeature.callbackQuery(openTask.pattern, async (ctx) => {
  const data = openTask.decode(ctx.callbackQuery.data);
  if (!data) return;
  const role = await boardRole(ctx, data.m);
  const task = role && (await ctx.core.work.listMyTasks(role.actor, {})).find((t) => t.id === data.t);
  if (!task) {
    await ctx.answerCallbackQuery({ text: ctx.t(role ? 'trustee:tasks.closed' : 'trustee:tasks.notYours'), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(cardText(ctx, task), { reply_markup: taskCardKeyboard(ctx.t, task.id, data.m) });
});

trusteeTasksFeature.callbackQuery(completeTask.pattern, async (ctx) => {
  const data = completeTask.decode(ctx.callbackQuery.data);
  if (!data) return;
  const role = await boardRole(ctx, data.m);
  if (!role) {
    await ctx.answerCallbackQuery({ text: ctx.t('trustee:tasks.notYours'), show_alert: true });
    return;
  }
  const done = await attempt(() => ctx.core.work.completeTask(role.actor, { taskId: data.t }));
  if (!done.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t(taskRefusalKey(done.code)), show_alert: true });
    return;
  }
  const text = ctx.t('trustee:tasks.markedDone', { title: done.value.title });
  await ctx.answerCallbackQuery({ text: shorten(text, 190) });
  await ctx.editMessageText(text, { reply_markup: { inline_keyboard: [] } });
});

trusteeTasksFeature.callbackQuery(snoozeTask.pattern, async (ctx) => {
  const data = snoozeTask.decode(ctx.callbackQuery.data);
  const days = Number(data?.d);
  if (!data || !Number.isInteger(days) || days < 1 || days > 30) return;
  const role = await boardRole(ctx, data.m);
  if (!role) {
    await ctx.answerCallbackQuery({ text: ctx.t('trustee:tasks.notYours'), show_alert: true });
    return;
  }
  const until = new Date(ctx.core.ctx.clock.now().getTime() + days * 86_400_000);
  const snoozed = await attempt(() => ctx.core.work.snoozeTask(role.actor, { taskId: data.t, until: until.toISOString() }));
  if (!snoozed.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t(taskRefusalKey(snoozed.code)), show_alert: true });
    return;
  }
  const text = ctx.t('trustee:tasks.snoozedTo', { title: snoozed.value.title, date: formatJalaliDate(until, ctx.chatAccount.language) });
  await ctx.answerCallbackQuery({ text: shorten(text, 190) });
  await ctx.editMessageText(text, { reply_markup: { inline_keyboard: [] } });
});
