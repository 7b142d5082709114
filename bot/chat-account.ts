/**
 * The messenger user behind the update as a ChatAccount row (platform +
 * user id), created on their first update and kept up to date (name, chat,
 * unblocked, last seen); its language drives ctx.t. Only private chats are
 * served: the bot talks to people one to one.
 */
import type { MiddlewareFn } from 'grammy';
import { isLanguage, languageFromClient, translator, type Language } from '../messenger/i18n.ts';
import type { BotContext } from './context.ts';
import type { BotDeps } from './deps.ts';
import type { ChatAccountRow } from './update-frame/index.ts';
import { currentUnit } from './update-unit.ts';

/**
 * How stale "last seen" may get before an update writes it again: a write on every update
 * would be a row update (and its WAL) per message for a time nobody reads to the second.
 */
const LAST_SEEN_STEP_MS = 60 * 60 * 1000;

/** Whether the row the update found already says what an upsert would write. */
function upToDate(row: ChatAccountRow, seen: { chatId: string | null; username: string | null; displayName: string | null }, now: Date): boolean {
  return (
    !row.blocked &&
    row.username === seen.username &&
    row.displayName === seen.displayName &&
    (seen.chatId === null || row.chatId === seen.chatId) &&
    row.lastSeenAt !== null &&
    now.getTime() - row.lastSeenAt.getTime() < LAST_SEEN_STEP_MS
  );
}

export function chatAccountMiddleware(deps: BotDeps): MiddlewareFn<BotContext> {
  const platform = deps.platform.platform;
  const clock = deps.clock ?? deps.core.ctx.clock;
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from || from.is_bot || (ctx.chat && ctx.chat.type !== 'private')) return;
    const unit = currentUnit();
    const tx = unit.tx;
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
    const seen = { chatId: ctx.chatId !== undefined ? String(ctx.chatId) : null, username: from.username ?? null, displayName };
    const found = unit.account;
    const account = found && upToDate(found, seen, now) ? found : await tx.chatAccount.upsert({
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
