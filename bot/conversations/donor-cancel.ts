/** Cancelling an active pledge, after a confirmation (core.giving.cancelPledge); paid installments stay on record. */
import { digits } from '../../messenger/format.ts';
import { attempt } from '../attempt.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import { btn, buttons, valueOf, yesNo, yesNoValue } from '../keyboards/donor-buttons.ts';
import { dialog } from './donor-ask.ts';
import { donorWhere, loadActivePledges } from './donor-core.ts';
import { ensureDonorReady } from './donor-guard.ts';
import { describeGift } from './donor-views.ts';

export const DONOR_CANCEL = 'donorCancelPledge';

export async function donorCancelConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const where = await conversation.external((o) => donorWhere(o));
  if (!(await ensureDonorReady(ctx, where, { center: false, donor: true }))) return;
  const active = (await conversation.external((o) => loadActivePledges(o))) ?? [];
  if (active.length === 0) {
    await ctx.reply(ctx.t('donor:cancel.none'));
    return;
  }
  const d = dialog(conversation, ctx);
  const lng = ctx.language;
  const no =
    active.length === 1
      ? active[0]!.no
      : await d.ask({
          prompt: (t) => t('donor:cancel.askWhich'),
          keyboard: (t) =>
            buttons(
              active.map((p) => ({
                label: t('donor:pay.pledgeButton', { no: digits(p.no, lng), what: describeGift(p, t, lng) }),
                data: btn('pledge', p.no),
              })),
              1,
            ),
          onButton: (data) => {
            const v = Number(valueOf('pledge', data));
            return active.some((p) => p.no === v) ? v : null;
          },
        });
  const pledge = active.find((p) => p.no === no)!;
  const shownNo = digits(pledge.no, lng);
  const sure = await d.ask({
    prompt: (t) => t('donor:cancel.askConfirm', { no: shownNo, what: describeGift(pledge, t, lng) }),
    keyboard: (t) => yesNo('ok', t('donor:cancel.yes'), t('donor:cancel.no')),
    onButton: yesNoValue('ok'),
  });
  if (!sure) {
    await d.say(d.ctx.t('donor:cancel.kept', { no: shownNo }));
    return;
  }
  const outcome = await conversation.external((o) =>
    attempt(async () => {
      const donor = await o.actors.donor();
      if (!donor) return false;
      await o.core.giving.cancelPledge(donor, { pledgeId: pledge.id });
      return true;
    }),
  );
  if (!outcome.ok) await d.say(d.ctx.t(`errors:${outcome.code}`));
  else await d.say(d.ctx.t(outcome.value ? 'donor:cancel.done' : 'donor:common.needDonor', { no: shownNo }));
}
