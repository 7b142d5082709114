/**
 * The transaction an update runs in (bot/update-frame/): the bot's bookkeeping statements
 * and core's Prisma statements commit or roll back together, on both databases; on
 * PostgreSQL the frame is a pooled pg connection, so its own guarantees are tested there; on
 * the embedded database it is Prisma's interactive transaction, whose loss (timed out, or a
 * failure injected in its adapter) must read as "database unavailable" as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameTimeoutError } from '../../bot/update-frame/frame.ts';
import pg from 'pg';
import {
  claimUpdate,
  openingStatements,
  readOpening,
  readSessionRows,
  updateFrames,
  writeSessionRow,
  writeSessionStatement,
} from '../../bot/update-frame/index.ts';
import { pgFrames } from '../../bot/update-frame/pg-frames.ts';
import { prismaFrames } from '../../bot/update-frame/prisma-frames.ts';
import type { Database } from '../../prisma/client.ts';
import { isDatabaseUnavailable } from '../../prisma/unavailable.ts';
import { createCenter } from '../../fixtures/factories.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { failingDatabase } from '../helpers/failing-adapter.ts';

let database: Database;
let updateIds = 1;
const claim = (lockKey = 'chat:TELEGRAM:1') => ({ platform: 'TELEGRAM' as const, botId: 'frame-test', updateId: updateIds++, lockKey });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe(`update frames (${testDbKind()})`, () => {
  it('commits the bookkeeping and core writes (a nested Prisma write included) together', async () => {
    const frames = updateFrames(database);
    const update = claim();
    const province = await frames.run(async (frame) => {
      expect(await claimUpdate(frame, update)).toBe(true);
      await writeSessionRow(frame, 'TELEGRAM', 'session:frame-test:1', JSON.stringify({ step: 'ارسال', n: 1 }));
      // A create with a nested relation is several statements Prisma wraps in its own transaction.
      return frame.tx.province.create({ data: { name: 'استان آزمون', counties: { create: [{ name: 'شهرستان آزمون' }] } } });
    });
    expect(await database.db.county.count({ where: { provinceId: province.id } })).toBe(1);
    const rows = await frames.run((frame) => readSessionRows(frame, 'TELEGRAM', ['session:frame-test:1', 'conversation:frame-test:1']));
    expect(rows.map((r) => [r.key, JSON.parse(r.value)])).toEqual([['session:frame-test:1', { step: 'ارسال', n: 1 }]]);
    // Claimed once: a redelivery of the same update is refused.
    expect(await frames.run((frame) => claimUpdate(frame, update))).toBe(false);
  });

  it('rolls everything back when the work throws, the claim of the update included', async () => {
    const frames = updateFrames(database);
    const update = claim();
    const before = await database.db.center.count();
    await expect(
      frames.run(async (frame) => {
        await claimUpdate(frame, update);
        await createCenter(frame.tx as unknown as Database['db']);
        await writeSessionRow(frame, 'TELEGRAM', 'session:frame-test:2', '{"lost":true}');
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');
    expect(await database.db.center.count()).toBe(before);
    expect(await database.db.botSession.count({ where: { key: 'session:frame-test:2' } })).toBe(0);
    expect(await updateFrames(database).run((frame) => claimUpdate(frame, update))).toBe(true);
  });

  it('runs its opening statements first and the ones kept for the COMMIT with it, or not at all', async () => {
    const frames = updateFrames(database);
    const opening = { ...claim('chat:TELEGRAM:opening'), sessionKeys: ['session:frame-test:o', 'conversation:frame-test:o'], externalUserId: '777' };
    const opened = await frames.run(async (frame, results) => {
      frame.atCommit('session:frame-test:o', writeSessionStatement('TELEGRAM', 'session:frame-test:o', '{"step":1}'));
      // Kept under the same key again: only the last one is written.
      frame.atCommit('session:frame-test:o', writeSessionStatement('TELEGRAM', 'session:frame-test:o', '{"step": 2, "note": "it\'s \\\\ «ارسال»"}'));
      return readOpening(opening, results);
    }, openingStatements(opening));
    expect(opened).toEqual({
      claimed: true,
      sessionRows: new Map([['session:frame-test:o', null], ['conversation:frame-test:o', null]]),
      account: null,
    });
    const again = { ...opening, updateId: updateIds++ };
    const reread = await frames.run(async (_, results) => readOpening(again, results), openingStatements(again));
    // Stored as the very text written (json keeps it), quotes, backslashes and Persian included.
    expect(reread.sessionRows.get('session:frame-test:o')).toBe('{"step": 2, "note": "it\'s \\\\ «ارسال»"}');

    const failed = { ...opening, updateId: updateIds++ };
    await expect(
      frames.run(async (frame) => {
        frame.atCommit('session:frame-test:o', writeSessionStatement('TELEGRAM', 'session:frame-test:o', '{"step":3}'));
        throw new Error('the handler failed');
      }, openingStatements(failed)),
    ).rejects.toThrow('the handler failed');
    const last = { ...opening, updateId: updateIds++ };
    const after = await frames.run(async (_, results) => readOpening(last, results), openingStatements(last));
    expect(after.sessionRows.get('session:frame-test:o')).toBe('{"step": 2, "note": "it\'s \\\\ «ارسال»"}');
    // The failed update's claim went with it.
    expect(await database.db.processedUpdate.count({ where: { botId: 'frame-test', updateId: BigInt(failed.updateId) } })).toBe(0);
  });
});

describe.runIf(testDbKind() === 'postgres')('update frames on pooled pg connections', () => {
  it('opens with one round trip and commits with another, the session writes included', async () => {
    const frames = updateFrames(database);
    const opening = { ...claim('chat:TELEGRAM:trips'), sessionKeys: ['session:frame-test:t'], externalUserId: '778' };
    const sent: string[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as string | { text: string };
      sent.push(typeof config === 'string' ? config : config.text);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      await frames.run(async (frame) => {
        frame.atCommit('s', writeSessionStatement('TELEGRAM', 'session:frame-test:t', '{"n":1}'));
      }, openingStatements(opening));
    } finally {
      pg.Client.prototype.query = query;
    }
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^BEGIN;\s*INSERT INTO "ProcessedUpdate"[\s\S]*FROM "BotSession"[\s\S]*FROM "ChatAccount"/);
    expect(sent[1]).toMatch(/^INSERT INTO "BotSession"[\s\S]*;\s*COMMIT$/);
  });

  it('refuses to report a transaction as committed when a failed statement inside it was caught', async () => {
    const frames = updateFrames(database);
    const update = claim();
    await expect(
      frames.run(async (frame) => {
        await claimUpdate(frame, update);
        await frame.execute('SELECT 1/0', []).catch(() => 'swallowed by careless code');
      }),
    ).rejects.toThrow(/failed and was rolled back/);
    expect(await database.db.processedUpdate.count({ where: { botId: 'frame-test', updateId: BigInt(update.updateId) } })).toBe(0);
    // So it is when statements were kept for the COMMIT: they are refused, and nothing is written.
    const second = claim();
    await expect(
      frames.run(async (frame) => {
        await claimUpdate(frame, second);
        frame.atCommit('s', writeSessionStatement('TELEGRAM', 'session:frame-test:aborted', '{}'));
        await frame.execute('SELECT 1/0', []).catch(() => 'swallowed by careless code');
      }),
    ).rejects.toThrow(/failed and was rolled back/);
    expect(await database.db.botSession.count({ where: { key: 'session:frame-test:aborted' } })).toBe(0);
  });

  it('rolls back a frame that stays open too long and gives its connection back', async () => {
    const pool = database.pool!;
    const frames = pgFrames(pool, { timeoutMs: 150 });
    const update = claim('chat:TELEGRAM:slow');
    const outcome = frames.run(async (frame) => {
      await claimUpdate(frame, update);
      await new Promise((r) => setTimeout(r, 400));
      await createCenter(frame.tx as unknown as Database['db']);
    });
    await expect(outcome).rejects.toBeInstanceOf(FrameTimeoutError);
    expect(await database.db.processedUpdate.count({ where: { botId: 'frame-test', updateId: BigInt(update.updateId) } })).toBe(0);
    // The chat's lock went with the rollback: the next update of the chat goes through at once.
    expect(await updateFrames(database).run((frame) => claimUpdate(frame, claim('chat:TELEGRAM:slow')))).toBe(true);
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it('sends statements started together one after the other on the one connection', async () => {
    // pg still queues a statement sent while another runs, with a deprecation warning (pg 9 will refuse).
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const frames = updateFrames(database);
    const counts = await frames.run((frame) =>
      Promise.all([frame.tx.center.count(), frame.tx.donor.count(), frame.execute('SELECT pg_sleep(0.05)', []), frame.tx.province.count()]),
    );
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    expect(counts).toHaveLength(4);
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });

  it('fails as "database unavailable" when its connection was lost, whatever the work threw (the update is then left for redelivery)', async () => {
    const frames = pgFrames(database.pool!);
    const update = claim();
    const outcome = frames.run(async (frame) => {
      await claimUpdate(frame, update);
      const [row] = await frame.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', []);
      await database.db.$executeRaw`SELECT pg_terminate_backend(${row!.pid}::int)`;
      // As a conversation rethrows a failure inside `external`: a copy, its code and cause gone.
      throw structuredClone(new Error('Invalid `prisma.donor.findUnique()` invocation: Server has gone away.'));
    });
    await expect(outcome).rejects.toSatisfy(isDatabaseUnavailable);
    expect(await database.db.processedUpdate.count({ where: { botId: 'frame-test', updateId: BigInt(update.updateId) } })).toBe(0);
  });

  it("refuses core's statements outside an update's frame, or after it ended, instead of running them on no transaction", async () => {
    const frames = updateFrames(database);
    let late: Promise<number> | undefined;
    const tx = await frames.run(async (frame) => {
      // Started in the update but not awaited by it: it runs after the transaction ended.
      late = new Promise((r) => setTimeout(r, 50)).then(() => frame.tx.center.count());
      late.catch(() => undefined);
      return frame.tx;
    });
    await expect(late).rejects.toThrow(/after its update's transaction had ended/);
    await expect(tx.center.count()).rejects.toThrow(/outside of one/);
  });

  // A deadlock between two updates' transactions: the one PostgreSQL picks fails, and its
  // update must be tried again, not apologised for -- also when the error reaches the frame as
  // a conversation's copy of it, which keeps the message and loses the code.
  it('a deadlock reads as "try again", and so does its stripped copy (one embedded connection cannot deadlock)', async () => {
    const lockInOrder = (first: number, second: number) =>
      database.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1::bigint)', first);
        await new Promise((r) => setTimeout(r, 300));
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1::bigint)', second);
      });
    const outcomes = await Promise.allSettled([lockInOrder(71, 72), lockInOrder(72, 71)]);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(failures).toHaveLength(1);
    expect(isDatabaseUnavailable(failures[0])).toBe(true);
    expect(isDatabaseUnavailable(structuredClone(failures[0]))).toBe(true);
  });
});

describe.runIf(testDbKind() === 'pglite')('update frames as Prisma transactions on the embedded database', () => {
  // As a conversation rethrows a failure inside `external`: a copy, its code and cause gone.
  const strippedCopy = () => structuredClone(new Error('Invalid `prisma.donor.findUnique()` invocation: the transaction is gone.'));
  const processed = (update: { updateId: number }) =>
    database.db.processedUpdate.count({ where: { botId: 'frame-test', updateId: BigInt(update.updateId) } });

  it('fails as "database unavailable" when its transaction timed out, whatever the work threw', async () => {
    const frames = prismaFrames(database.db, { maxWaitMs: 5_000, timeoutMs: 150 });
    const update = claim();
    const outcome = frames.run(async (frame) => {
      await claimUpdate(frame, update);
      await new Promise((r) => setTimeout(r, 400));
      throw strippedCopy();
    });
    await expect(outcome).rejects.toSatisfy(isDatabaseUnavailable);
    expect(await processed(update)).toBe(0);
  });

  it('fails as "database unavailable" when its connection was lost, whatever the work threw', async () => {
    const failing = failingDatabase(database);
    try {
      const update = claim();
      const cut = failing.cutAt(/^SELECT 'cut here'/);
      const outcome = prismaFrames(failing.database.db).run(async (frame) => {
        await claimUpdate(frame, update);
        await frame.query("SELECT 'cut here'", []).catch(() => 'caught inside `external`');
        throw strippedCopy();
      });
      await expect(outcome).rejects.toSatisfy(isDatabaseUnavailable);
      await cut;
      expect(await processed(update)).toBe(0);
    } finally {
      await failing.database.close();
    }
  });

  it("leaves the work's own error alone when the transaction is still there", async () => {
    const update = claim();
    const outcome = updateFrames(database).run(async (frame) => {
      await claimUpdate(frame, update);
      throw strippedCopy();
    });
    await expect(outcome).rejects.toSatisfy((e) => !isDatabaseUnavailable(e) && /the transaction is gone/.test((e as Error).message));
  });
});
