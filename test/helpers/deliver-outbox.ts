/** Sends what core queued in the outbox to the harness's fake Bot API, as the running sender would. */
import { Api } from 'grammy';
import { systemJobClock, type JobClock } from '../../jobs/clock.ts';
import { createOutboxSender } from '../../jobs/sender/outbox-sender.ts';
import { botIdFromToken } from '../../messenger/bot-id.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';

/** `clock`: the sender's (a jumping clock lets the per-chat pace of one message a second pass in no real time). */
export async function deliverOutbox(h: BotHarness, clock: JobClock = systemJobClock): Promise<void> {
  const api = new Api(h.api.token, { apiRoot: h.api.apiRoot, fetch: h.api.fetch });
  const sender = createOutboxSender({ db: h.database.db, api, platform: h.api.platform, botId: botIdFromToken(h.api.token), clock, idlePollMs: 50 });
  await sender.run({ untilIdle: true });
}
