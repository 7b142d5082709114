/**
 * The donors of the outage tests (test/bot/outage*.test.ts): each brought to the summary of
 * a pledge while the database is up; during the outage each presses "confirm" and then sends
 * /menu; afterwards each must have been answered once, in that order, and never told that it
 * failed. Also the messenger's side of a webhook: an update posted again until answered 200.
 */
import type { FastifyInstance } from 'fastify';
import type { Update } from 'grammy/types';
import { expect } from 'vitest';
import { translator } from '../../messenger/i18n.ts';
import type { Database } from '../../prisma/client.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';
import { createTestUser, type TestUser } from '../../fixtures/bot/test-user.ts';

const fa = translator('fa');

export interface OutageDonor {
  u: TestUser;
  donorId: string;
}

let nextChat = 71_000;

/** `count` donors up to their pledge's summary, delivered straight to the harness's bot (the database up). */
export async function donorsAtSummary(h: BotHarness, centerId: string, count: number): Promise<OutageDonor[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const id = nextChat++;
      const seeded = await h.donorAt(centerId, { id, languageCode: 'fa' });
      const u = createTestUser(h, { id, languageCode: 'fa' });
      for (const label of ['ثبت تعهد کمک', 'نقدی', 'کمک عمومی', 'یک‌باره']) await u.press(label);
      await u.send('۱۵۰۰۰۰');
      await u.press('ناشناس بمانم');
      expect(u.buttons()).toContain('تأیید و ثبت');
      return { u, donorId: seeded.donor.donorId };
    }),
  );
}

/** What each donor sends while the database is away, in the order sent: "confirm", then /menu. */
export function sentDuringOutage(donors: OutageDonor[]): Update[] {
  return donors.flatMap(({ u }) => [u.pressUpdate('تأیید و ثبت'), u.messageUpdate('/menu')]);
}

export async function expectEachHandledOnceInOrder(database: Database, donors: OutageDonor[], sent: Update[]): Promise<void> {
  const ids = sent.map((u) => BigInt(u.update_id));
  await expect.poll(() => database.db.processedUpdate.count({ where: { updateId: { in: ids } } }), { timeout: 30_000, interval: 200 }).toBe(ids.length);
  for (const { u, donorId } of donors) {
    expect(await database.db.pledge.count({ where: { donorId } })).toBe(1);
    const texts = u.texts();
    const done = texts.filter((t) => t.startsWith('تعهد شمارهٔ ۱ شما ثبت شد'));
    expect(done, `chat ${u.id}`).toHaveLength(1);
    // The /menu sent after "confirm" was handled after it.
    expect(texts.at(-1)).toMatch(/^منوی اصلی/);
    expect(texts.indexOf(done[0]!)).toBeLessThan(texts.length - 1);
    expect(texts).not.toContain(fa('bot:error.generic'));
    expect(u.callbackAnswers()).not.toContain(fa('bot:error.generic').slice(0, 190));
  }
}

export interface WebhookMessenger {
  /** Posts the update after the chat's earlier ones, again and again until it is answered 200. */
  deliver(update: Update): void;
  /** Every status answered so far. */
  answers: number[];
  /** The Retry-After of the last 503. */
  retryAfter?: string;
  /** Resolves once every update handed to deliver() was answered 200. */
  settled(): Promise<void>;
}

/**
 * Telegram and Bale post a chat's updates one at a time and post one again, later and later,
 * until it is accepted. Here the pause starts at 100 ms and doubles up to a second (rather
 * than the Retry-After's seconds), so the updates go through soon after the database is back.
 */
export function webhookMessenger(app: FastifyInstance, url: string): WebhookMessenger {
  const chats = new Map<number, Promise<void>>();
  const messenger: WebhookMessenger = {
    answers: [],
    deliver(update) {
      const chat = update.message?.chat.id ?? update.callback_query!.from.id;
      const post = async () => {
        for (let pause = 100; ; pause = Math.min(pause * 2, 1_000)) {
          const res = await app.inject({ method: 'POST', url, payload: update });
          messenger.answers.push(res.statusCode);
          if (res.statusCode === 200) return;
          messenger.retryAfter = res.headers['retry-after'] as string;
          await new Promise((r) => setTimeout(r, pause));
        }
      };
      chats.set(chat, (chats.get(chat) ?? Promise.resolve()).then(post));
    },
    settled: async () => void (await Promise.all(chats.values())),
  };
  return messenger;
}
