/**
 * The main menu for this chat: a title naming the chosen center and the
 * entries of bot/menu-items.ts its roles may see. Returned as plain data so a
 * conversation can get it through `conversation.external` and send it itself.
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import { isDomainError } from '../../core/errors.ts';
import type { BotContext } from '../context.ts';
import { mainMenuKeyboard } from '../keyboards/main-menu.ts';
import type { MenuRoles } from '../menu-items.ts';

export interface MenuMessage {
  text: string;
  reply_markup: InlineKeyboardMarkup;
}

async function rolesOf(ctx: BotContext, centerId: string | null): Promise<MenuRoles> {
  const [donor, volunteer, trustees, appliedHere] = await Promise.all([
    ctx.actors.donor(),
    ctx.actors.volunteer(),
    ctx.actors.trustee(),
    centerId ? ctx.actors.appliedToVolunteerAt(centerId) : false,
  ]);
  return { hasCenter: centerId !== null, donor: donor !== null, volunteer: volunteer !== null, appliedHere, trustee: trustees.length > 0 };
}

/** The chosen center's name, or null (and the choice forgotten) when it is gone or lost its license. */
export async function chosenCenterName(ctx: BotContext): Promise<string | null> {
  const centerId = ctx.session.centerId;
  if (!centerId) return null;
  try {
    return (await ctx.core.centers.findLicensedCenter(ctx.actors.chat(), { centerId })).name;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    delete ctx.session.centerId;
    return null;
  }
}

/** `chosen`: the chosen center's name, when the caller has just read it (so it is not read twice). */
export async function mainMenu(ctx: BotContext, chosen?: { centerName: string }): Promise<MenuMessage> {
  const center = chosen ? chosen.centerName : await chosenCenterName(ctx);
  const roles = await rolesOf(ctx, center !== null ? ctx.session.centerId ?? null : null);
  const title = center ? ctx.t('bot:menu.titleWithCenter', { center }) : ctx.t('bot:menu.titleNoCenter');
  return { text: title, reply_markup: mainMenuKeyboard(ctx.t, roles) };
}

export async function showMainMenu(ctx: BotContext, chosen?: { centerName: string }): Promise<void> {
  const menu = await mainMenu(ctx, chosen);
  await ctx.reply(menu.text, { reply_markup: menu.reply_markup });
}
