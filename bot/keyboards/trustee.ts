/**
 * The trustee screens' buttons. Tasks and decisions travel with the id of the
 * membership they were listed under, so the press acts in that board role;
 * ids stay in the callback data and are never shown.
 */
import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { callbackData, fixedButtons } from '../../messenger/callback-data.ts';
import type { TFunction } from '../../messenger/i18n.ts';
import { inlineMarkup } from './markup.ts';

/** Menu entries (bot/menu-items.ts) and the callbacks behind them. */
export const TRUSTEE_MENU = fixedButtons({
  link: 'tr:link',
  tasks: 'tr:tasks',
  approvals: 'tr:appr',
  digest: 'tr:digest',
  networks: 'tr:nets',
});

export const openTask = callbackData('tko', ['t', 'm']);
export const completeTask = callbackData('tkd', ['t', 'm']);
export const snoozeTask = callbackData('tks', ['t', 'm', 'd']);

/** y: 'd' a reported donation, 'r' an approval request; o: its place in the list shown. */
export const approveItem = callbackData('apy', ['y', 'i', 'm', 'o']);
export const rejectItem = callbackData('apn', ['y', 'i', 'm', 'o']);
export const nextItem = callbackData('apx', ['o']);

/** m: the board role the screen was opened in; k: the network's index in NETWORK_KINDS. */
export const showNetworkMembers = callbackData('tnm', ['m', 'k']);

/** m: the membership whose appointee acknowledges the conduct points. */
export const acknowledgeConductButton = callbackData('cnd', ['m']);

export function conductKeyboard(t: TFunction, membershipId: string): InlineKeyboardMarkup {
  return inlineMarkup(new InlineKeyboard().text(t('trustee:conduct.accept'), acknowledgeConductButton.encode({ m: membershipId })));
}

export const SNOOZE_DAYS = { day: 1, week: 7 } as const;

export function roleName(t: TFunction, role: string): string {
  return t(`trustee:roles.${role}`);
}

export function taskCardKeyboard(t: TFunction, taskId: string, membershipId: string): InlineKeyboardMarkup {
  return inlineMarkup(
    new InlineKeyboard()
      .text(t('trustee:tasks.done'), completeTask.encode({ t: taskId, m: membershipId }))
      .row()
      .text(t('trustee:tasks.snoozeDay'), snoozeTask.encode({ t: taskId, m: membershipId, d: SNOOZE_DAYS.day }))
      .text(t('trustee:tasks.snoozeWeek'), snoozeTask.encode({ t: taskId, m: membershipId, d: SNOOZE_DAYS.week })),
  );
}

/** One button per task, opening its card. */
export function taskListKeyboard(tasks: { id: string; title: string }[], membershipId: string, numberOf: (n: number) => string): InlineKeyboardMarkup {
  const kb = new InlineKeyboard();
  tasks.forEach((task, i) => kb.text(`${numberOf(i + 1)}. ${shorten(task.title, 40)}`, openTask.encode({ t: task.id, m: membershipId })).row());
  return inlineMarkup(kb);
}

export function decisionKeyboard(t: TFunction, ref: { y: 'd' | 'r'; i: string; m: string; o: number }, hasNext: boolean): InlineKeyboardMarkup {
  const kb = new InlineKeyboard().text(t('trustee:approvals.approve'), approveItem.encode(ref)).text(t('trustee:approvals.reject'), rejectItem.encode(ref));
  if (hasNext) kb.row().text(t('trustee:approvals.next'), nextItem.encode({ o: ref.o + 1 }));
  return inlineMarkup(kb);
}

/** One button per specialized network of the center, opening its members. */
export function networkPickKeyboard(networks: { k: number; label: string }[], membershipId: string): InlineKeyboardMarkup {
  const kb = new InlineKeyboard();
  for (const n of networks) kb.text(n.label, showNetworkMembers.encode({ m: membershipId, k: n.k })).row();
  return inlineMarkup(kb);
}

export function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
