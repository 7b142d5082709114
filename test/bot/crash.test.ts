/**
 * The bot as a real child process (test/helpers/crash/bot-child.ts), killed with SIGKILL at
 * random moments of handling 50 times while donors pledge and report paying their pledges,
 * and started again, in polling and in webhook mode. An update is acknowledged only once
 * handled (an offset never confirmed, a webhook request never answered), so the messenger
 * hands out again whatever a killed process had in hand, and ProcessedUpdate skips what had
 * committed: every update is handled exactly once, and each donor has exactly as many
 * pledges, and payments against them, as they saw confirmed, and was never told it failed.
 *
 * A kill lands 0–40 ms after the process called the Bot API for an update (a reply, a
 * button answer): inside that update's transaction or just after its commit. The test counts
 * the kills that caught an update uncommitted (its redelivery had to do the work: 30–43 of 50
 * in our runs) and fails if fewer than a fifth did, so it cannot drift into killing idle
 * processes. A new process first handles 0–3 updates (0: the update a kill interrupted may
 * be interrupted again), so the conversations move on.
 *
 * Time: a process start is 0.6–1 s of CPU (imports, with Node's compile cache as `npm start`
 * uses it; Prisma's query engine; getMe). The next processes are started while the current
 * one works, two at a time, and wait prepared until it is killed (bot-child.ts), so a kill
 * costs the CPU of a start rather than its wall time. PostgreSQL only (the processes and the
 * test share the database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SECRET_HEADER } from '../../bot/webhook.ts';
import { translator } from '../../messenger/i18n.ts';
import type { Database } from '../../prisma/client.ts';
import { createCenter } from '../../fixtures/factories.ts';
import { donorActor } from '../../fixtures/actors.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { createTestUser, type TestUser } from '../../fixtures/bot/test-user.ts';
import type { ApiCall } from '../../fixtures/bot/fake-bot-api.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { payPledge, pledgeCash } from '../helpers/donor-steps.ts';
import { freePort } from '../helpers/scale-out/processes.ts';
import { startFakeBotServer, type FakeBotServer } from '../helpers/scale-out/fake-bot-server.ts';

const onPostgres = testDbKind() === 'postgres';
const fa = translator('fa');
const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const KILLS = 50;
const DONORS = 3;
/** Bot processes prepared ahead of the kills (see nextProcess). */
const SPARES = 2;
/** A kill lands this long at most after the Bot API call it follows (an update's handling after a call is a few statements and the commit). */
const KILL_WINDOW_MS = 40;
/** At least this share of kills must catch an update before its commit (measured: 60–85% do). */
const MIN_SHARE_UNCOMMITTED = 0.2;
const SECRET = 'crash-test-webhook-secret-0123456789';
const HANDLING_CALLS = new Set(['sendMessage', 'answerCallbackQuery', 'editMessageText', 'editMessageReplyMarkup']);

let database: Database;
let url: string;
let h: BotHarness;
let centerId: string;

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  const spec = inject('testDb');
  const [row] = await database.db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  const u = new URL(spec.kind === 'postgres' ? spec.url : '');
  u.pathname = `/${row!.name}`;
  url = u.toString();
  h = createBotHarness({ database });
  centerId = (await createCenter(database.db)).id;
});
afterAll(async () => {
  await database?.close();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
let nextChat = 81_000;

/** The chat a handling call was made for (a button answer names its callback query, whose id carries the chat). */
function chatOfCall(call: ApiCall): number | undefined {
  if (call.payload.chat_id !== undefined) return Number(call.payload.chat_id);
  const m = /^cb-(\d+)-/.exec(String(call.payload.callback_query_id ?? ''));
  return m ? Number(m[1]) : undefined;
}

interface Child {
  process: ChildProcess;
  exited: Promise<unknown>;
  /** Resolves when the process prints `line`. */
  printed(line: string): Promise<void>;
}

async function crashRun(mode: 'polling' | 'webhook'): Promise<void> {
  const fake: FakeBotServer = await startFakeBotServer();
  const port = await freePort();
  const children: Child[] = [];

  /** A new bot process, prepared and waiting to be told to take updates. */
  const prepare = async (): Promise<Child> => {
    const c = spawn(NODE, ['--disable-warning=ExperimentalWarning', 'test/helpers/crash/bot-child.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        // As `npm start`: compiled (and type-stripped) modules are reused, which halves a start.
        NODE_COMPILE_CACHE: path.join(ROOT, '.cache/node'),
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: '6',
        BOT_TOKEN: fake.token,
        BOT_PLATFORM: 'telegram',
        BOT_API_ROOT: fake.url,
        BOT_MODE: mode,
        BOT_WEBHOOK_SECRET: SECRET,
        PORT: String(port),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const waiting: { line: string; resolve: () => void }[] = [];
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      for (const w of waiting.filter((x) => out.includes(`${x.line}\n`))) w.resolve();
    });
    c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise((resolve) => c.once('exit', resolve));
    const child: Child = {
      process: c,
      exited,
      printed: (line) =>
        new Promise<void>((resolve, reject) => {
          if (out.includes(`${line}\n`)) return resolve();
          waiting.push({ line, resolve });
          void exited.then((code) => reject(new Error(`the bot process exited (${String(code)}) before "${line}": ${err.slice(-2000)}`)));
        }),
    };
    children.push(child);
    await child.printed('prepared');
    return child;
  };
  const takeOver = async (next: Child) => {
    next.process.stdin!.write('go\n');
    await next.printed('ready');
    return next;
  };

  const sent: number[] = [];
  /** The update each chat's user is waiting on (sent, not yet acknowledged). */
  const inHand = new Map<number, number>();
  let acknowledged = 0;
  /**
   * The messenger's side. Polling: the update is queued for getUpdates and acknowledged once
   * an offset past it has been confirmed. Webhook: posted again until answered 200 (a killed
   * process answers nothing). Either way the user moves on only after the acknowledgement,
   * and the test learns it without asking the database.
   */
  const deliver = async (update: Update) => {
    const chat = update.message?.chat.id ?? update.callback_query!.from.id;
    sent.push(update.update_id);
    inHand.set(chat, update.update_id);
    try {
      if (mode === 'polling') {
        fake.api.queueUpdate(update);
        for (let i = 0; i < 6000 && fake.api.confirmedBelow() <= update.update_id; i++) await pause(10);
        if (fake.api.confirmedBelow() <= update.update_id) throw new Error(`update ${update.update_id} was never confirmed`);
      } else {
        let answered = false;
        for (let i = 0; i < 2400 && !answered; i++) {
          const res = await fetch(`http://127.0.0.1:${port}/bot/webhook`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [SECRET_HEADER]: SECRET },
            body: JSON.stringify(update),
          }).catch(() => undefined);
          answered = res?.status === 200;
          if (!answered) await pause(25);
        }
        if (!answered) throw new Error(`update ${update.update_id} was never answered 200`);
      }
      acknowledged++;
    } finally {
      inHand.delete(chat);
    }
  };

  // Spares prepared ahead, two at once: a start is CPU work and the running process mostly
  // waits, so two starts overlap on two cores. One process per kill, plus the first.
  let started = 0;
  const spares: Promise<Child>[] = [];
  const topUp = () => {
    while (spares.length < SPARES && started < KILLS + 1) {
      const spare = prepare();
      spare.catch(() => undefined); // a spare still starting when the test ends is killed; awaited, it fails
      spares.push(spare);
      started++;
    }
  };
  const nextProcess = async () => {
    topUp();
    const next = await spares.shift()!;
    topUp();
    return takeOver(next);
  };

  let active: Child;
  let kills = 0;
  let uncommitted = 0;
  const killer = async () => {
    while (kills < KILLS) {
      const grace = acknowledged + Math.floor(Math.random() * 4);
      while (acknowledged < grace) await pause(5);
      // Mid-handling: right after the process has called the Bot API for a chat, at a random
      // moment shortly after, inside that update's transaction or just past its commit.
      const seen = fake.api.calls.length;
      let call: ApiCall | undefined;
      while (!(call = fake.api.calls.slice(seen).find((c) => HANDLING_CALLS.has(c.method) && chatOfCall(c) !== undefined))) await pause(2);
      const update = inHand.get(chatOfCall(call)!);
      await pause(Math.random() * KILL_WINDOW_MS);
      active.process.kill('SIGKILL');
      await active.exited;
      kills++;
      // Nothing commits while no process runs: whether the update had committed is settled.
      if (update !== undefined && (await database.db.processedUpdate.count({ where: { updateId: BigInt(update) } })) === 0) uncommitted++;
      active = await nextProcess();
    }
  };

  try {
    active = await nextProcess();
    const users: { u: TestUser; donorId: string; pledged: number; paid: number }[] = [];
    for (let i = 0; i < DONORS; i++) {
      const u = createTestUser({ api: fake.api, nextUpdateId: h.nextUpdateId, deliver }, { id: nextChat++, languageCode: 'fa' });
      const donor = await donorActor(database.db);
      await h.linkPerson(u, donor.personId);
      await h.chooseCenter(u, centerId);
      users.push({ u, donorId: donor.donorId, pledged: 0, paid: 0 });
    }
    // Each donor pledges and reports paying it, again and again until the last kill.
    await Promise.all([
      killer(),
      ...users.map(async (d) => {
        while (kills < KILLS) {
          await pledgeCash(d.u);
          d.pledged++;
          await payPledge(d.u, d.pledged, `${d.u.id}${d.pledged}`);
          d.paid++;
        }
      }),
    ]);
    expect(kills).toBe(KILLS);
    expect(uncommitted, `kills that caught an update before its commit, of ${KILLS}`).toBeGreaterThanOrEqual(KILLS * MIN_SHARE_UNCOMMITTED);
    expect(await database.db.processedUpdate.count({ where: { updateId: { in: sent.map(BigInt) } } })).toBe(new Set(sent).size);
    for (const d of users) {
      expect(d.paid).toBeGreaterThan(0);
      expect(d.u.texts(), `chat ${d.u.id}`).not.toContain(fa('bot:error.generic'));
      const pledges = await database.db.pledge.findMany({ where: { donorId: d.donorId }, include: { donations: true }, orderBy: { createdAt: 'asc' } });
      expect(pledges, `chat ${d.u.id}: pledges`).toHaveLength(d.pledged);
      // Each pledge reported paid once, for its amount, with the trace number typed for it.
      expect(
        pledges.map((p) => p.donations.map((g) => [g.state, g.amountRial, g.traceNumber])),
        `chat ${d.u.id}: payments per pledge`,
      ).toEqual(pledges.map((_, i) => (i < d.paid ? [['REPORTED', 1_000_000n, `${d.u.id}${i + 1}`]] : [])));
      expect(await database.db.donation.count({ where: { donorId: d.donorId } }), `chat ${d.u.id}: payments`).toBe(d.paid);
    }
  } finally {
    for (const c of children) c.process.kill('SIGKILL');
    await fake.close();
  }
}

describe.skipIf(!onPostgres)('crashes (PostgreSQL only: the bot processes and the test share the database)', () => {
  it('polling: a bot process killed mid-handling 50 times; every update handled once, every pledge and payment stored once', { timeout: 240_000 }, () => crashRun('polling'));
  it('webhook: a bot process killed mid-handling 50 times; every update handled once, every pledge and payment stored once', { timeout: 240_000 }, () => crashRun('webhook'));
});
