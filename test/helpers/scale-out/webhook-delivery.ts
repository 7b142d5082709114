/**
 * Telegram's side of the webhook: posts each update to a bot process with the secret
 * header, and waits for its answer (the process answers once the update is handled).
 * A donor's updates alternate between the processes, so consecutive steps of one
 * conversation are handled by different processes; some updates are delivered twice,
 * to both processes at once (a retry racing the first try) or again afterwards (a
 * retry after a lost answer), as Telegram does.
 */
import type { Update } from 'grammy/types';
import { SECRET_HEADER } from '../../../bot/webhook.ts';
import type { ApiCall, FakeBotApi } from '../../../fixtures/bot/fake-bot-api.ts';
import type { Deliverer } from '../../../fixtures/bot/test-user.ts';

export interface WebhookStats {
  posts: number;
  /**
   * Updates answered before they were handled: a process answers after at most 10 s and
   * goes on working (so Telegram does not redeliver). The next step waits for the real end.
   */
  answeredEarly: number;
  /** Update ids posted more than once. */
  duplicated: Set<number>;
  /** Posts refused with 503 (the process had enough waiting): redelivered after Retry-After, as Telegram does. */
  refusedBusy: number;
  /** Answers other than 200, with where they came from. */
  failures: string[];
}

/** One update of a donor as delivered, with the bot's calls to that chat meanwhile (for a failure's transcript). */
export interface DeliveryRecord {
  updateId: number;
  what: string;
  targets: string[];
  concurrent: boolean;
  calls: ApiCall[];
}

function summaryOf(update: Update): string {
  if (update.callback_query) return `press ${update.callback_query.data}`;
  const m = update.message;
  if (m?.text !== undefined) return `text ${JSON.stringify(m.text)}`;
  if (m?.photo) return 'photo';
  return Object.keys(update).filter((k) => k !== 'update_id').join(',');
}

export class WebhookDelivery {
  readonly stats: WebhookStats = { posts: 0, answeredEarly: 0, duplicated: new Set(), refusedBusy: 0, failures: [] };
  /** Per chat id: what was delivered, in order. */
  readonly records = new Map<number, DeliveryRecord[]>();
  private nextId = 1_000_000;
  private readonly botUrls: string[];
  private readonly secret: string;
  private readonly path: string;
  private readonly handled: (updateId: number) => Promise<boolean>;

  /** `handled`: whether the update's work is committed (its ProcessedUpdate row exists). */
  constructor(botUrls: string[], secret: string, handled: (updateId: number) => Promise<boolean>, path = '/bot/webhook') {
    this.botUrls = botUrls;
    this.secret = secret;
    this.handled = handled;
    this.path = path;
  }

  private async waitHandled(updateId: number): Promise<void> {
    if (await this.handled(updateId)) return;
    this.stats.answeredEarly++;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      if (await this.handled(updateId)) return;
    }
    this.stats.failures.push(`update ${updateId} answered but not handled within 90 s`);
  }

  /** Posts until answered 200; a busy process (503) gets the update again after its Retry-After, up to a minute. */
  private async post(url: string, update: Update): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      this.stats.posts++;
      const res = await fetch(`${url}${this.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: this.secret },
        body: JSON.stringify(update),
      }).catch((e: unknown) => ({ status: 0, statusText: String(e), headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0) }));
      await res.arrayBuffer();
      if (res.status === 503 && Date.now() < deadline) {
        this.stats.refusedBusy++;
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
        continue;
      }
      if (res.status !== 200) this.stats.failures.push(`update ${update.update_id} to ${url}: ${res.status} ${res.statusText}`);
      return;
    }
  }

  /**
   * A deliverer for one donor's TestUser. Step n of donor d goes to process (n + d) mod 2;
   * every `duplicateEvery`-th step is delivered twice: alternately to both at once, and
   * to the other process again once the first answer came.
   */
  forDonor(api: FakeBotApi, chatId: number, donorIndex: number, duplicateEvery: number): Deliverer {
    let step = 0;
    let duplicates = 0;
    const records: DeliveryRecord[] = [];
    this.records.set(chatId, records);
    return {
      api,
      nextUpdateId: () => this.nextId++,
      deliver: async (update) => {
        const n = step++;
        const first = this.botUrls[(n + donorIndex) % this.botUrls.length]!;
        const other = this.botUrls[(n + donorIndex + 1) % this.botUrls.length]!;
        const duplicate = (n + donorIndex) % duplicateEvery === 0;
        const concurrent = duplicate && duplicates++ % 2 === 0;
        const before = api.calls.length;
        if (!duplicate) await this.post(first, update);
        else {
          this.stats.duplicated.add(update.update_id);
          if (concurrent) await Promise.all([this.post(first, update), this.post(other, update)]);
          else {
            await this.post(first, update);
            await this.post(other, update);
          }
        }
        await this.waitHandled(update.update_id);
        records.push({
          updateId: update.update_id,
          what: summaryOf(update),
          targets: duplicate ? [first, other] : [first],
          concurrent,
          calls: api.calls.slice(before).filter((c) => Number(c.payload.chat_id) === chatId || String(c.payload.callback_query_id ?? '').startsWith(`cb-${chatId}-`)),
        });
      },
    };
  }

  /** A readable account of one chat: each update, where it went, and what the bot did meanwhile. */
  transcript(chatId: number): string {
    const lines: string[] = [`chat ${chatId}`];
    for (const r of this.records.get(chatId) ?? []) {
      const where = r.targets.map((t) => t.replace(/^http:\/\/127\.0\.0\.1:/, ':')).join(r.concurrent ? ' + ' : ' then ');
      lines.push(`  update ${r.updateId} ${r.what} -> ${where}`);
      for (const c of r.calls) {
        const markup = c.payload.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
        const buttons = markup?.inline_keyboard ? ` [${markup.inline_keyboard.flat().map((b) => b.text).join(' | ')}]` : '';
        const text = c.payload.text ?? c.payload.caption ?? '';
        lines.push(`      ${c.ok ? '' : 'REFUSED '}${c.method} ${JSON.stringify(text).slice(0, 160)}${buttons}`);
      }
    }
    return lines.join('\n');
  }
}
