/**
 * Plays the demo's history through core: each step's use-case runs at its moment, on a
 * clock set to it, inside the seed's one transaction (so a refusal writes nothing at all).
 */
import { coreInTransaction, createCore } from '../../core/index.ts';
import type { Db } from '../../prisma/client.ts';
import type { Prisma } from '../../prisma/generated/client/client.ts';
import type { TimedStep } from './context.ts';

export async function replayDemo(tx: Prisma.TransactionClient, steps: readonly TimedStep[], chatAccountIds: string[]): Promise<void> {
  let now = new Date(0);
  // Core opens its own transactions on `db`; joined to `tx` it never does (coreInTransaction).
  const core = coreInTransaction(createCore({ db: tx as unknown as Db, clock: { now: () => now } }), tx);
  // Stable: steps of one moment run in the order the areas asked for them.
  const inOrder = steps.map((s, i) => ({ ...s, i })).sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
  for (const step of inOrder) {
    now = step.at;
    await step.run(core).catch((e: unknown) => {
      throw new Error(`the demo's history at ${now.toISOString()}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    });
  }
  // What core told the demo's people along the way is history, not news: nobody is to be
  // messaged today about a gift confirmed months ago (and the demo's chats are not real).
  await tx.outboxMessage.updateMany({ where: { chatAccountId: { in: chatAccountIds }, status: 'PENDING' }, data: { status: 'CANCELLED' } });
}
