/**
 * The messenger user behind the update as a ChatAccount row (platform +
 * user id), upserted on every update with lastSeenAt; its language drives
 * ctx.t. Only private chats are served: the bot talks to people one to one.
 */
import type { MiddlewareFn } from 'grammy';
import { isLanguage, languageFromClient, translator, type Language } from '../messenger/i18n.ts';
import type { BotContext } from './context.ts';
import type { BotDeps } from './deps.ts';
import { currentUnit } from './update-unit.ts';

export function chatAccountMiddleware(deps: BotDeps): MiddlewareFn<BotContext> {
  const platform = deps.platform.platform;
  const clock = deps.clock ?? deps.core.ctx.clock;
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from || from.is_bot || (ctx.chat && ctx.chat.type !== 'private')) return;
    const tx = currentUnit().tx;
    const now = clock.now();
    const member = ctx.update.my_chat_member;
    if (member) {
      // The user blocked (kicked) or unblocked the bot: the outbox stops or resumes sending.
      const blocked = member.new_chat_member.status === 'kicked';
      await tx.chatAccount.updateMany({
        where: { platform, externalUserId: String(from.id) },
        data: { blocked, blockedAt: blocked ? now : null },
      });
      return;
    }
    const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ').slice(0, 200) || null;
    const account = await tx.chatAccount.upsert({
      where: { platform_externalUserId: { platform, externalUserId: String(from.id) } },
      create: {
        platform,
        externalUserId: String(from.id),
        chatId: String(ctx.chatId ?? from.id),
        username: from.username ?? null,
        displayName,
        language: languageFromClient(from.language_code),
        lastSeenAt: now,
      },
      // Writing to the bot again means they no longer block it.
      update: {
        lastSeenAt: now,
        username: from.username ?? null,
        displayName,
        blocked: false,
        blockedAt: null,
        ...(ctx.chatId !== undefined ? { chatId: String(ctx.chatId) } : {}),
      },
      select: { id: true, personId: true, language: true },
    });
    const language: Language = isLanguage(account.language) ? account.language : 'fa';
    ctx.chatAccount = { id: account.id, personId: account.personId, language };
    ctx.actors = ctx.core.actorsOfChat({ chatAccountId: account.id, personId: account.personId });
    applyLanguage(ctx, language);
    await next();
  };
}

/** Switches this update's replies (outside and inside conversations) to a language. */
export function applyLanguage(ctx: BotContext, language: Language): void {
  const t = translator(language);
  const unit = currentUnit();
  unit.language = language;
  unit.t = t;
  ctx.t = t;
  if (ctx.chatAccount) ctx.chatAccount.language = language;
}

/** Stores the chat's language choice (ChatAccount.language) and applies it at once. */
export async function setChatLanguage(ctx: BotContext, language: Language): Promise<void> {
  await currentUnit().tx.chatAccount.update({ where: { id: ctx.chatAccount.id }, data: { language } });
  applyLanguage(ctx, language);
}
