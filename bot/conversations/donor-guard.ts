/** What a donor flow needs before it starts: a chosen center, a donor record. Told briefly when missing. */
import { InlineKeyboard, type Context } from 'grammy';
import type { TFunction } from '../../messenger/i18n.ts';
import { DONOR_MENU } from '../keyboards/donor-buttons.ts';
import type { DonorWhere } from './donor-core.ts';

interface Replier {
  t: TFunction;
  reply: Context['reply'];
}

export async function ensureDonorReady(ctx: Replier, where: DonorWhere, needs: { center: boolean; donor: boolean }): Promise<boolean> {
  if (needs.center && !where.centerId) {
    await ctx.reply(ctx.t('donor:common.needCenter'));
    return false;
  }
  if (needs.donor && !where.donor) {
    await ctx.reply(ctx.t('donor:common.needDonor'), {
      reply_markup: new InlineKeyboard().text(ctx.t('donor:common.registerNow'), DONOR_MENU.register),
    });
    return false;
  }
  return true;
}
