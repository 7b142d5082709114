/**
 * A suggestion, criticism, complaint, praise or success story about the chosen
 * center (core.work.submitFeedback routes it to the center's county office).
 * Anonymous feedback stores neither the person nor the chat.
 */
import { attempt } from '../attempt.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import { btn, buttons, oneOf, yesNo, yesNoValue } from '../keyboards/donor-buttons.ts';
import { dialog } from './donor-ask.ts';
import { donorWhere } from './donor-core.ts';
import { ensureDonorReady } from './donor-guard.ts';
import { freeText } from './donor-questions.ts';

export const DONOR_FEEDBACK = 'donorFeedback';

const KINDS = ['SUGGESTION', 'CRITICISM', 'COMPLAINT', 'PRAISE', 'SUCCESS_STORY'] as const;
const MAX_BODY = 4000;

export async function donorFeedbackConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const where = await conversation.external((o) => donorWhere(o));
  if (!(await ensureDonorReady(ctx, where, { center: true, donor: false }))) return;
  const centerId = where.centerId!;
  const d = dialog(conversation, ctx);
  const kind = await d.ask({
    prompt: (t) => t('donor:feedback.askKind'),
    keyboard: (t) => buttons(KINDS.map((k) => ({ label: t(`donor:feedback.kind.${k}`), data: btn('fb', k) })), 2),
    onButton: oneOf('fb', KINDS),
  });
  const text = await d.ask({ prompt: (t) => t('donor:feedback.askBody'), onText: freeText(MAX_BODY) });
  const anonymous = await d.ask({
    prompt: (t) => t('donor:feedback.askAnonymous'),
    keyboard: (t) => yesNo('anon', t('donor:feedback.anonymous'), t('donor:feedback.named')),
    onButton: yesNoValue('anon'),
  });
  const outcome = await conversation.external((o) =>
    attempt(async () => {
      await o.core.work.submitFeedback(o.actors.chat(), { kind, body: text, centerId, anonymous });
      return true;
    }),
  );
  if (!outcome.ok) await d.say(d.ctx.t(`errors:${outcome.code}`));
  else await d.say(d.ctx.t(anonymous ? 'donor:feedback.doneAnonymous' : 'donor:feedback.done'));
}
