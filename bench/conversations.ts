/**
 * Benchmark 2 — whole donation conversations on the real bot (createBot, every
 * feature, conversations and sessions stored in PostgreSQL), 40 users in flight:
 * completed conversations per second.
 *
 * One conversation, by a registered donor in Persian, pressing the buttons the bot
 * shows (the test harness's fake Bot API and test users):
 *   /start c_<center> → ثبت تعهد کمک → نقدی → کمک عمومی → یک‌باره → amount → ناشناس بمانم → تأیید و ثبت
 *   /menu → گزارش پرداخت → the new pledge → the installment's amount → امروز → trace number → card digits
 *   → receipt photo → تأیید و ثبت
 * 17 updates; it ends with one pledge and one reported donation, checked afterwards.
 * Beside the ceiling, a floor: the same updates through grammY with no conversation and no
 * domain work (bench/lib/floor-bot.ts), what the bot's frame costs before it does anything.
 */
import { writeSessionStatement } from '../bot/update-frame/index.ts';
import type { Database } from '../prisma/client.ts';
import { createCenter } from '../fixtures/factories.ts';
import { donorActor } from '../fixtures/actors.ts';
import { createBotHarness, type BotHarness } from '../fixtures/bot/harness.ts';
import type { TestUser } from '../fixtures/bot/test-user.ts';
import { openBenchPool } from './lib/database.ts';
import { floorConversationsPerSecond } from './lib/floor-bot.ts';
import { commitPgFrame, openPgFrame } from './lib/pg-frame.ts';
import { median } from './lib/stats.ts';
import type { Benchmark, BenchRow } from './lib/types.ts';

const USERS_IN_FLIGHT = 40;
const UPDATES_PER_CONVERSATION = 17;
/** Of the ceiling measured in the same run: what a bot that keeps its state in PostgreSQL should reach. */
const TARGET_RATIO = 0.5;
let nextUserId = 9_000_000;

/** Registered donors with a chat, not yet in any conversation (set up before the clock starts). */
async function prepareDonors(h: BotHarness, database: Database, count: number): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let i = 0; i < count; i++) {
    const u = h.user({ id: nextUserId++, firstName: 'خیّر', languageCode: 'fa' });
    const donor = await donorActor(database.db);
    await h.linkPerson(u, donor.personId);
    users.push(u);
  }
  return users;
}

function pressFirst(u: TestUser, prefix: string): Promise<unknown> {
  const label = u.buttons().find((b) => b.startsWith(prefix));
  if (!label) throw new Error(`no button starting "${prefix}"; on screen: ${JSON.stringify(u.buttons())}; last text: ${u.lastText()}`);
  return u.press(label);
}

/** One whole conversation, step by step: start, pledge, report the payment. */
function conversationSteps(u: TestUser, activityCode: string): (() => Promise<unknown>)[] {
  return [
    () => u.send(`/start c_${activityCode}`),
    () => u.press('ثبت تعهد کمک'),
    () => u.press('نقدی'),
    () => u.press('کمک عمومی'),
    () => u.press('یک‌باره'),
    () => u.send('۲۵۰٬۰۰۰'),
    () => u.press('ناشناس بمانم'),
    async () => {
      await u.press('تأیید و ثبت');
      if (!u.lastText()?.includes('ثبت شد')) throw new Error(`pledge not stored; the bot said: ${u.lastText()}`);
    },
    () => u.send('/menu'),
    () => u.press('گزارش پرداخت'),
    () => pressFirst(u, 'تعهد '),
    () => pressFirst(u, '۲۵۰٬۰۰۰ تومان'),
    () => u.press('امروز'),
    () => u.send('۱۲۳۴۵۶۷۸۹'),
    () => u.send('۶۰۳۷'),
    () => u.sendPhoto(),
    async () => {
      await u.press('تأیید و ثبت');
      if (!u.lastText()?.startsWith('گزارش پرداخت شما ثبت شد')) throw new Error(`payment not stored; the bot said: ${u.lastText()}`);
    },
  ];
}

export async function converseForProfile(u: TestUser, activityCode: string): Promise<void> {
  for (const step of conversationSteps(u, activityCode)) await step();
}

interface Completion {
  at: number;
  ms: number;
}

/**
 * Keeps `inFlight` donors in conversation until stop() (each lane starts the next donor as
 * soon as its conversation ends), recording when each conversation completed. Lanes stop
 * between two updates when told: a conversation left half-way is not counted.
 */
function keepConversing(users: TestUser[], activityCode: string, inFlight: number) {
  const completions: Completion[] = [];
  let next = 0;
  let stopping = false;
  const lanes = Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (!stopping) {
        const u = users[next++];
        if (!u) throw new Error(`conversations: all ${users.length} prepared donors used; prepare more`);
        const t0 = performance.now();
        let done = true;
        for (const step of conversationSteps(u, activityCode)) {
          if (stopping) {
            done = false;
            break;
          }
          await step();
        }
        if (done) completions.push({ at: performance.now(), ms: performance.now() - t0 });
      }
    }),
  );
  return {
    completions,
    async stop() {
      stopping = true;
      await lanes;
    },
    /** Resolves when `count` conversations have completed (or a lane failed). */
    async until(count: number) {
      let failed: unknown;
      lanes.catch((e: unknown) => (failed = e));
      while (completions.length < count && failed === undefined) await new Promise((r) => setTimeout(r, 100));
      if (failed !== undefined) throw failed;
    },
  };
}

/**
 * The ceiling for any bot that keeps conversation state in PostgreSQL and handles each update in
 * its own transaction: the bare frame of every update, sent as the bot sends it (BEGIN, chat lock +
 * dedupe row, the chat's session rows and the sender's account read, in one round trip; a session
 * row written with the COMMIT in another), by ${USERS_IN_FLIGHT} lanes with pg, with no bot, no
 * handler and no domain work at all. Conversations per second = frames per second / updates per conversation.
 */
async function framesAloneCeiling(url: string, seconds: number): Promise<number> {
  const pool = openBenchPool(url, 20);
  let frames = 0;
  let updateId = 1;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: USERS_IN_FLIGHT }, async (_, lane) => {
        const chat = 8_000_000 + lane;
        const key = `session:ceiling:${chat}`;
        while (performance.now() < until) {
          const client = await pool.connect();
          try {
            const opened = await openPgFrame(client, {
              platform: 'TELEGRAM',
              botId: 'ceiling',
              updateId: updateId++,
              lockKey: `chat:TELEGRAM:${chat}`,
              sessionKeys: [key, `conversation:ceiling:${chat}`],
              externalUserId: String(chat),
            });
            const row = opened.sessionRows.get(key);
            const state = row ? (JSON.parse(row) as { step: number }) : { step: 0 };
            await commitPgFrame(client, [writeSessionStatement('TELEGRAM', key, JSON.stringify({ step: state.step + 1 }))]);
          } finally {
            client.release();
          }
          frames++;
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return frames / UPDATES_PER_CONVERSATION / ((performance.now() - t0) / 1000);
}

export const conversationsBenchmark: Benchmark = {
  id: '2-conversations',
  title: 'Whole donation conversations (start, pledge, report payment), 40 users in flight, state in PostgreSQL',
  notes:
    `The real createBot (all features, grammY conversations replayed from BotSession rows, each update one transaction) ` +
    `fed with bot.handleUpdate; the test harness's in-process fake Bot API answers every call. A conversation is ` +
    `${UPDATES_PER_CONVERSATION} updates by a registered donor: /start with the center's link, a one-time cash pledge, ` +
    `then reporting its payment with trace number, card digits and receipt photo. ${USERS_IN_FLIGHT} donors at a time; ` +
    `afterwards every conversation must have left exactly one pledge and one reported donation. ` +
    `The baseline is a ceiling for any design that keeps conversation state in PostgreSQL, one transaction per update: ` +
    `the same ${USERS_IN_FLIGHT} lanes sending only each update's bare frame with pg (no bot, no handler, no domain work). ` +
    `One Node process uses one core, so the figure is bounded by its CPU per conversation. Where it goes, profiled on ` +
    `2026-12-06 (200 conversations after a warm-up, 40 in flight, quiet machine: 19.4 per second, 57 ms of CPU per ` +
    `conversation, 48 user and 9 system), self time: Prisma's client 17% (its query interpreter and result mapping), ` +
    `socket writes 14% (one system call per statement), garbage collection 6.5%, the bot's own code 9% (the session ` +
    `rows' JSON: 4.6%), grammY 5%, its conversations plugin 5.5% (replay), i18next 5%, pg 4%, the test users and fake ` +
    `Bot API 4.4% (they share the process), undici 2.4%, core 2.6%, zod 1.2%. Then an update went from 9.5 statements ` +
    `to 5.7: BEGIN, the claim, the chat's session rows and its sender's account are sent as one text, the session ` +
    `writes with the COMMIT, the account written only when it changed or an hour has passed. Profiled again after that ` +
    `(a whole --only=2 run, setup and ceiling included): socket writes 43% (the ceiling's batched frames among them), ` +
    `Prisma 7%, garbage collection 6.7%, the bot 5.2%, pg 6%, grammY 2.5%, i18next 2.3%, conversations 2.1%, core 1.3%, ` +
    `zod 1.2%; CPU per conversation stayed 49–58 ms on this machine, because the ceiling's frames got cheaper too and ` +
    `what remains per update is spread over every part: no single one holds the 4x the target (0.5 of the ceiling) ` +
    `asks for. ` +
    `Later that day, counted statement by statement: 11 of the 17 updates send only their two frame round trips (no ` +
    `domain read at all), so what they cost beyond the frame is the bot's own work, about 1.7 ms of CPU each: grammY ` +
    `13%, garbage collection 10%, i18next 9% (the replay asks every earlier question again), the conversations plugin 7%, ` +
    `the conversation row's JSON 9% (parsed, written and quoted at every step: it held each sent message and each pressed ` +
    `one whole, 9 KB by the seventh step), zod 1.5% (a schema built at each parse). What changed then: a translator per ` +
    `language with its plain keys looked up once, core's areas bound on first use, the row keeping only which message ` +
    `each was (9 KB to under 4 KB), schemas built once, and 96 statements per conversation to 88 (the pledge's number ` +
    `from createPledge instead of the whole history, /start reading its center once). A plain step went to about 1.0 ms ` +
    `and a conversation from 38 to 24 ms of CPU, each against the run before it on the same machine; the ratio moved ` +
    `from 0.11 to 0.12 in those runs (0.14 in the full run of that evening), because the ceiling is set by the same machine. ` +
    `The second row is a floor measured in the same run: the same ${USERS_IN_FLIGHT} lanes of ${UPDATES_PER_CONVERSATION} updates through ` +
    `grammY with the update unit, the chat account and the session as createBot has them, each update answered with one line ` +
    `and two buttons, and nothing else (bench/lib/floor-bot.ts). A conversation does all of that and its domain work on top, ` +
    `so the floor's ratio is more than any conversation on this stack can reach: on 2026-12-06 it was 0.52 to 0.63, about ` +
    `the target itself. Reaching 0.5 would take a bot whose whole donation flow costs what grammY alone costs to answer ` +
    `one message per update.`,
  async run(ctx) {
    const full = ctx.scale === 'full';
    const { runs } = ctx;
    // A run is measured between two completions `perRun` apart: the 40 lanes start together and tend
    // to finish in waves, so a run spans whole waves (40 completions ≈ one conversation of each lane).
    const perRun = full ? 4 * USERS_IN_FLIGHT : USERS_IN_FLIGHT;
    // Enough donors for the warm-up wave, the runs and the conversations in flight (setup, not timed).
    const donors = USERS_IN_FLIGHT * 3 + perRun * runs;
    const database = await ctx.freshDatabase('conversations', { poolSize: 20 });
    const center = await createCenter(database.db);
    const h = createBotHarness({ database });
    ctx.log(`conversations: preparing ${donors} registered donors…`);
    const users = (await Promise.all(Array.from({ length: 10 }, () => prepareDonors(h, database, donors / 10)))).flat();

    const run = keepConversing(users, center.activityCode!, USERS_IN_FLIGHT);
    const perSecond: number[] = [];
    let latencies: number[] = [];
    let cpu0 = process.cpuUsage();
    let cpuMs = 0;
    try {
      // Warm-up: the first wave of conversations (JIT, pool, plan caches), not measured.
      const first = USERS_IN_FLIGHT;
      await run.until(first);
      cpu0 = process.cpuUsage();
      for (let r = 0; r < runs; r++) {
        const from = first + r * perRun;
        await run.until(from + perRun);
        const done = run.completions.slice(from, from + perRun);
        const seconds = (done.at(-1)!.at - run.completions[from - 1]!.at) / 1000;
        perSecond.push(perRun / seconds);
        latencies = latencies.concat(done.map((c) => c.ms));
        if (r === runs - 1) {
          const cpu = process.cpuUsage(cpu0);
          cpuMs = (cpu.user + cpu.system) / 1000 / (run.completions.length - first);
        }
        ctx.log(`conversations run ${r + 1}: ${perRun} completed in ${seconds.toFixed(1)} s = ${perSecond.at(-1)!.toFixed(1)}/s`);
      }
    } finally {
      await run.stop();
    }

    // Every completed conversation left exactly one pledge and one reported donation (one left half-way may have left a pledge).
    const completed = run.completions.length;
    const [pledges, donations] = await Promise.all([database.db.pledge.count(), database.db.donation.count()]);
    if (donations !== completed || pledges < completed || pledges > completed + USERS_IN_FLIGHT)
      throw new Error(`conversations: ${completed} completed, but ${pledges} pledges and ${donations} donations stored`);

    // The same machine's ceiling, measured right after (a few runs, the median), each run
    // after one of the floor bot's, so both see the same machine.
    const ceilingRuns: number[] = [];
    const floorRuns: { perSecond: number; cpuMsPerUpdate: number }[] = [];
    const seconds = full ? 10 : 4;
    for (let r = 0; r < runs; r++) {
      floorRuns.push(
        await floorConversationsPerSecond(database, {
          lanes: USERS_IN_FLIGHT,
          updatesPerConversation: UPDATES_PER_CONVERSATION,
          seconds,
          firstUserId: 8_500_000 + r * USERS_IN_FLIGHT,
        }),
      );
      ceilingRuns.push(await framesAloneCeiling(database.url, seconds));
    }
    const ceiling = median(ceilingRuns);
    const floor = median(floorRuns.map((f) => f.perSecond));
    ctx.log(`conversations: update frames alone with pg: ${ceilingRuns.map((v) => v.toFixed(0)).join(', ')} conversations/s`);
    ctx.log(`conversations: the floor bot: ${floorRuns.map((f) => f.perSecond.toFixed(0)).join(', ')} conversations/s`);

    const value = median(perSecond);
    const row: BenchRow = {
      name: `donation conversations, ${USERS_IN_FLIGHT} users in flight`,
      value,
      unit: 'per s',
      baseline: { name: 'ceiling: the update frames alone with pg, no bot', value: ceiling },
      ratio: value / ceiling,
      target: `≥ ${TARGET_RATIO} of the ceiling`,
      pass: value / ceiling >= TARGET_RATIO,
      runs: perSecond,
      note:
        `ceiling runs ${ceilingRuns.map((v) => v.toFixed(0)).join(', ')} per s (${UPDATES_PER_CONVERSATION} bare transactions each: ` +
        `lock + dedupe row, session rows read and written; no handler). ` +
        `${runs} runs of ${perRun} conversations after a warm-up wave; ${(value * UPDATES_PER_CONVERSATION).toFixed(0)} updates per second; ` +
        `a conversation took ${(median(latencies) / 1000).toFixed(1)} s (median) with ${USERS_IN_FLIGHT} in flight; ` +
        `Node CPU per conversation ${cpuMs.toFixed(0)} ms, per update ${(cpuMs / UPDATES_PER_CONVERSATION).toFixed(2)} ms ` +
        `(bot, fake Bot API and test users together; PostgreSQL's own CPU comes on top)`,
    };
    const floorRow: BenchRow = {
      name: `floor: the same frames through grammY with one reply each, no conversation or core, ${USERS_IN_FLIGHT} users in flight`,
      value: floor,
      unit: 'per s',
      baseline: { name: 'the same ceiling', value: ceiling },
      ratio: floor / ceiling,
      target: 'measured only (bounds the row above)',
      pass: true,
      runs: floorRuns.map((f) => f.perSecond),
      note:
        `${UPDATES_PER_CONVERSATION} text messages per conversation, each answered with one line and two buttons: grammY, the update unit, ` +
        `the chat account and the session as in createBot, the same test users and fake Bot API; ` +
        `Node CPU per update ${median(floorRuns.map((f) => f.cpuMsPerUpdate)).toFixed(2)} ms`,
    };
    return [row, floorRow];
  },
};

export default conversationsBenchmark;
