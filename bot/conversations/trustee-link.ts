/**
 * Linking the chat to a trustee's board membership with the one-time code
 * county staff issued: typed in any digits (core normalises), with spaces or
 * dashes. A wrong, used or expired code is explained and asked again, a few
 * times at most (the code is the only proof of identity here).
 */
import type { ErrorCode } from '../../core/errors.ts';
import { attempt } from '../attempt.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import { conductKeyboard, roleName } from '../keyboards/trustee.ts';
import { ask, ok, textOf, wrong, type Answer } from './volunteer-ask.ts';

export const TRUSTEE_LINK = 'trusteeLink';
const MAX_TRIES = 5;

export interface LinkArgs {
  /** A code given with the command (/link 1234567890). */
  code?: string;
}

function parseCode(ctx: ConversationContext): Answer<string> {
  const text = textOf(ctx)?.trim();
  return text ? ok(text) : wrong('trustee:link.textPlease');
}

type Redeemed = { ok: true; role: string; center: string; membershipId: string; acknowledged: boolean } | { ok: false; code: ErrorCode };

export async function trusteeLinkConversation(conversation: BotConversation, ctx: ConversationContext, args?: LinkArgs): Promise<void> {
  let current = ctx;
  let code = args?.code?.trim() || null;
  let failure: ErrorCode | null = null;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    if (!code) {
      const refused = failure;
      const answer = await ask(conversation, current, {
        prompt: (t) => (refused ? `${t(`errors:${refused}`)}\n\n${t('trustee:link.again')}` : t('trustee:link.ask')),
        parse: parseCode,
      });
      current = answer.ctx;
      code = answer.value;
    }
    const typed = code;
    const result = await conversation.external(async (o): Promise<Redeemed> => {
      const chat = o.actors.chat();
      const redeemed = await attempt(() => o.core.trustees.redeemLinkCode(chat, { code: typed }));
      if (!redeemed.ok) return { ok: false, code: redeemed.code };
      o.actors.refresh();
      const linked = { kind: 'chat' as const, chatAccountId: chat.chatAccountId, personId: redeemed.value.personId };
      const membership = (await o.core.trustees.listMyMemberships(linked, {})).find((m) => m.membershipId === redeemed.value.membershipId);
      const acknowledged = (await o.core.trustees.listMyMemberships(linked, {})).some(
        (m) => m.membershipId === redeemed.value.membershipId && m.conductAcknowledged,
      );
      return { ok: true, role: redeemed.value.role, center: membership?.centerName ?? '', membershipId: redeemed.value.membershipId, acknowledged };
    });
    if (result.ok) {
      await current.reply(current.t('trustee:link.done', { role: roleName(current.t, result.role), center: result.center }));
      // The regulation's conduct points, acknowledged once by the appointee themself.
      if (!result.acknowledged) await current.reply(current.t('trustee:conduct.points'), { reply_markup: conductKeyboard(current.t, result.membershipId) });
      return;
    }
    failure = result.code;
    code = null;
  }
  await current.reply(current.t(`errors:${failure ?? 'LINK_CODE_INVALID'}`));
}
