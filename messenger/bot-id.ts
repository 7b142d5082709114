/**
 * A bot's own id, from its token ("123456:ABC…" → "123456"), without a getMe call: it keys
 * ProcessedUpdate rows, sessions and the outbox sender, and several processes of one bot
 * share it.
 */
export function botIdFromToken(token: string): string {
  const id = token.split(':')[0] ?? '';
  return /^\d+$/.test(id) ? id : 'bot';
}
