/**
 * Registering as a donor: first and last name, the mobile (shared contact or
 * typed in any digits), an optional national ID. core.giving.registerDonor with
 * the chat actor registers only oneself and links this chat to the new donor.
 */
import { mobile, nationalId } from '../../core/input/schemas.ts';
import { attempt } from '../attempt.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import { isSkipText, shareContactKeyboard, skipReplyKeyboard } from '../keyboards/donor-buttons.ts';
import { mainMenu } from '../screens/main-menu.ts';
import { dialog } from './donor-ask.ts';
import { donorWhere } from './donor-core.ts';
import { parseName, type Parsed } from './donor-parse.ts';

export const DONOR_REGISTER = 'donorRegister';

function parseMobile(text: string): Parsed<string> {
  const r = mobile.safeParse(text);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: 'errors:INVALID_MOBILE' };
}

function parseNationalId(text: string): Parsed<string> {
  const r = nationalId.safeParse(text);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: 'errors:INVALID_NATIONAL_ID' };
}

export async function donorRegisterConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const where = await conversation.external((o) => donorWhere(o));
  if (where.donor) {
    await ctx.reply(ctx.t('donor:register.already'));
    return;
  }
  const d = dialog(conversation, ctx);
  const firstName = await d.ask({ prompt: (t) => t('donor:register.askFirstName'), onText: parseName });
  const lastName = await d.ask({ prompt: (t) => t('donor:register.askLastName'), onText: parseName });
  const phone = await d.ask<string>({
    prompt: (t) => t('donor:register.askMobile'),
    keyboard: shareContactKeyboard,
    onText: parseMobile,
    onMessage: (c) => {
      const contact = c.message?.contact;
      if (!contact) return null;
      // Only the sender's own contact: Telegram always names the user of a contact shared with the
      // button; Bale may not, so there a contact without a user is taken like a typed number.
      const own = contact.user_id === undefined ? c.platform.platform === 'BALE' : contact.user_id === c.from?.id;
      if (!own) return { ok: false, error: 'donor:register.notYourContact' };
      return parseMobile(contact.phone_number);
    },
  });

  let explanation: string | undefined;
  for (;;) {
    const nid = await d.ask<string | null>({
      prompt: (t) => (explanation ? `${t(explanation)}\n\n${t('donor:register.askNationalId')}` : t('donor:register.askNationalId')),
      keyboard: skipReplyKeyboard,
      onText: (text) => (isSkipText(text, d.ctx.t) ? { ok: true, value: null } : parseNationalId(text)),
    });
    const outcome = await conversation.external((o) =>
      attempt(async () => {
        await o.core.giving.registerDonor(o.actors.chat(), {
          type: 'NATURAL',
          firstName,
          lastName,
          mobile: phone,
          ...(nid ? { nationalId: nid } : {}),
          ...(o.session.centerId ? { recruitedByCenterId: o.session.centerId } : {}),
        });
        o.actors.refresh();
        return true;
      }),
    );
    if (outcome.ok) break;
    // Someone else's national ID is never taken over from a chat: ask again, or go on without it.
    if (outcome.code === 'CONFLICT' && outcome.field === 'nationalId') {
      explanation = 'donor:register.nationalIdTaken';
      continue;
    }
    await d.say(d.ctx.t(`errors:${outcome.code}`), { reply_markup: { remove_keyboard: true } });
    return;
  }

  await d.say(d.ctx.t('donor:register.done', { name: firstName }), { reply_markup: { remove_keyboard: true } });
  const menu = await conversation.external((o) => mainMenu(o));
  await d.say(menu.text, { reply_markup: menu.reply_markup });
}
