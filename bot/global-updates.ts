/**
 * Commands and buttons that work in the middle of any conversation: the
 * conversation lets them through (they never count as an answer) and the
 * global handlers after it act on them.
 */
import type { Context } from 'grammy';

export const GLOBAL_COMMANDS = ['start', 'cancel', 'menu', 'language', 'help'] as const;
const GLOBAL_BUTTONS = /^(lang:|menu:(center|language|help)$)/;

export function isGlobalUpdate(ctx: Context): boolean {
  const text = ctx.message?.text;
  if (text) {
    const command = /^\/([A-Za-z0-9_]+)(@\w+)?(\s|$)/.exec(text)?.[1]?.toLowerCase();
    if (command && (GLOBAL_COMMANDS as readonly string[]).includes(command)) return true;
  }
  const data = ctx.callbackQuery?.data;
  return data !== undefined && GLOBAL_BUTTONS.test(data);
}
