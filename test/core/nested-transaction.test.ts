/** Use-cases join a transaction the caller already opened (the bot's per-update unit of work). */
import { describe, expect, it } from 'vitest';
import { audit } from '../../core/audit.ts';
import { createCtx, inTransaction, withinTransaction } from '../../core/context.ts';
import { coreInTransaction, createCore } from '../../core/index.ts';
import { createCounty, createPerson } from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';

const database = useTestDatabase();

describe('inTransaction inside an open transaction', () => {
  it('joins the outer transaction: its writes roll back with it', async () => {
    const ctx = createCtx({ db: database.db });
    const person = await createPerson(ctx.db);
    await expect(
      ctx.db.$transaction(async (tx) => {
        await inTransaction(withinTransaction(ctx, tx), (inner) =>
          audit(inner, { kind: 'system', job: 'test' }, { action: 'x.nested', entity: 'Person', entityId: person.id }),
        );
        expect(await tx.auditLog.count({ where: { action: 'x.nested' } })).toBe(1);
        throw new Error('outer failed');
      }),
    ).rejects.toThrow('outer failed');
    expect(await ctx.db.auditLog.count({ where: { action: 'x.nested' } })).toBe(0);
  });

  it('binds every use-case of core to the transaction', async () => {
    const core = createCore({ db: database.db });
    const person = await createPerson(database.db);
    const county = await createCounty(database.db);
    const chat = await database.db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: 'nested1' } });
    await expect(
      database.db.$transaction(async (tx) => {
        const bound = coreInTransaction(core, tx);
        const actor = { kind: 'chat' as const, chatAccountId: chat.id, personId: person.id };
        await bound.work.submitFeedback(actor, { kind: 'SUGGESTION', body: 'یک پیشنهاد آزمایشی', countyId: county.id });
        expect(await tx.feedback.count()).toBe(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await database.db.feedback.count()).toBe(0);
  });

  it('undoes only the joined use-case that failed, and the caller’s transaction goes on', async () => {
    const ctx = createCtx({ db: database.db });
    const person = await createPerson(ctx.db);
    await ctx.db.$transaction(async (tx) => {
      const joined = withinTransaction(ctx, tx);
      await audit(tx, { kind: 'system', job: 'test' }, { action: 'x.kept', entity: 'Person', entityId: person.id });
      await expect(
        inTransaction(joined, async (inner) => {
          await audit(inner, { kind: 'system', job: 'test' }, { action: 'x.undone', entity: 'Person', entityId: person.id });
          // A failed statement aborts a PostgreSQL transaction unless a savepoint contains it.
          await inner.$executeRawUnsafe('SELECT 1/0');
        }),
      ).rejects.toThrow();
      await audit(tx, { kind: 'system', job: 'test' }, { action: 'x.after', entity: 'Person', entityId: person.id });
    });
    const actions = (await ctx.db.auditLog.findMany({ where: { entityId: person.id }, select: { action: true } })).map((a) => a.action);
    expect(actions.sort()).toEqual(['x.after', 'x.kept']);
  });
});
