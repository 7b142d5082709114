/**
 * Calling a core use-case whose refusal the bot answers itself (a wrong link
 * code asked again, a button pressed after someone else decided). Core joins
 * the update's transaction, so a use-case that wrote a row and then refused
 * would leave that row behind once the refusal is caught; a savepoint undoes
 * exactly the attempt and the update goes on. Any other error is rethrown.
 * The result is plain data, safe to return from `conversation.external`.
 */
import type { ErrorCode } from '../core/errors.ts';
import { isDomainError } from '../core/errors.ts';
import { currentTx } from './update-unit.ts';

export type Attempt<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; params: Record<string, string | number> };

let counter = 0;

export async function attempt<T>(fn: () => Promise<T>): Promise<Attempt<T>> {
  const tx = currentTx();
  // Savepoint names are SQL identifiers: a fixed prefix and a number, never user input.
  const name = `bot_attempt_${++counter}`;
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  try {
    const value = await fn();
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    return { ok: true, value };
  } catch (error) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    if (isDomainError(error)) return { ok: false, code: error.code, params: error.params };
    throw error;
  }
}
