/**
 * Calling a core use-case whose refusal the bot answers itself (a wrong link code asked
 * again, a button pressed after someone else decided, a donor asked again for the answer
 * core refused). Core joins the update's transaction, so a use-case that wrote a row and
 * then refused would leave that row behind once the refusal is caught: the call runs in a
 * savepoint (core's) that undoes exactly the attempt, and the update goes on. Any other
 * error is rethrown. The result is plain data, safe to return from `conversation.external`.
 */
import { inSavepoint } from '../core/context.ts';
import { isDomainError, type ErrorCode } from '../core/errors.ts';
import { currentTx } from './update-unit.ts';

/** A refusal names its error code (a locale key, errors.<CODE>) and the input field core refused, if any. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; field: string | null };

export async function attempt<T>(fn: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await inSavepoint(currentTx(), () => fn()) };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const field = error.params.field;
    return { ok: false, code: error.code, field: field === undefined ? null : String(field) };
  }
}
