import { describe, expect, it } from 'vitest';
import { audit } from '../../core/audit.ts';
import { createCtx, inTransaction } from '../../core/context.ts';
import { notifyPerson } from '../../core/outbox.ts';
import { createPerson } from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';

const database = useTestDatabase();

describe('audit and outbox in the caller’s transaction', () => {
  it('roll back with the change they belong to', async () => {
    const ctx = createCtx({ db: database.db });
    const person = await createPerson(ctx.db);
    await ctx.db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: 'a1', personId: person.id } });
    await expect(
      inTransaction(ctx, async (tx) => {
        await audit(tx, { kind: 'system', job: 'test' }, { action: 'x.rolled', entity: 'Person', entityId: person.id });
        await notifyPerson(tx, person.id, { template: 't', dedupeKey: 'rolled' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await ctx.db.auditLog.count({ where: { action: 'x.rolled' } })).toBe(0);
    expect(await ctx.db.outboxMessage.count()).toBe(0);
  });

  it('keep money exact in the audit JSON, and queue one message per unblocked chat, once per key', async () => {
    const ctx = createCtx({ db: database.db });
    const person = await createPerson(ctx.db);
    await ctx.db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: 'b1', personId: person.id } });
    await ctx.db.chatAccount.create({ data: { platform: 'BALE', externalUserId: 'b1', personId: person.id } });
    await ctx.db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: 'b2', personId: person.id, blocked: true } });
    for (let i = 0; i < 2; i++)
      await inTransaction(ctx, async (tx) => {
        await audit(tx, { kind: 'system', job: 'test' }, { action: 'x.money', entity: 'Donation', entityId: 'd', after: { amountRial: 9_007_199_254_740_993n } });
        await notifyPerson(tx, person.id, { template: 'donation.confirmed', params: { receiptNo: 7 }, dedupeKey: 'donation:d:confirmed' });
      });
    const row = await ctx.db.auditLog.findFirstOrThrow({ where: { action: 'x.money' } });
    expect(row.after).toEqual({ amountRial: '9007199254740993' });
    const queued = await ctx.db.outboxMessage.findMany({ where: { chatAccount: { personId: person.id } } });
    expect(queued).toHaveLength(2); // two unblocked chats; the second run added nothing
    expect(queued.every((m) => m.template === 'donation.confirmed')).toBe(true);
  });
});
