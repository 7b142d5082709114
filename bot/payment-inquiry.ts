/**
 * Asking the messenger whether a payment really went through before it is booked as
 * confirmed: Bale's inquireTransaction (not in Telegram's Bot API, so grammY has no typed
 * method for it; `api.raw` calls any method by name). The answer is reduced to what core
 * needs: PAID only when the messenger says so for the amount invoiced; an answer that says
 * anything else is NOT_PAID; no answer (an error, a timeout) is UNAVAILABLE. Both of the
 * latter leave the gift for a person to confirm, so an unknown status word errs on the
 * side of a person looking at it.
 */
import type { Api } from 'grammy';
import type { PaymentInquiry } from '../prisma/generated/client/client.ts';

/** Bale's words for a completed transaction (its documentation and SDKs use these). */
const PAID_STATUSES = new Set(['paid', 'succeed', 'success', 'successful']);

/** Long enough for a slow messenger; short, since the update's transaction waits meanwhile. */
const INQUIRY_TIMEOUT_MS = 5_000;

interface Transaction {
  id?: string;
  status?: string;
  amount?: number;
}

type RawCall = (payload: { transaction_id: string }, signal?: AbortSignal) => Promise<unknown>;

export async function inquirePayment(api: Api, chargeId: string, invoicedUnits: bigint): Promise<PaymentInquiry> {
  let answer: Transaction;
  try {
    const raw = api.raw as unknown as Record<string, RawCall>;
    answer = ((await raw.inquireTransaction!({ transaction_id: chargeId }, AbortSignal.timeout(INQUIRY_TIMEOUT_MS))) ?? {}) as Transaction;
  } catch {
    return 'UNAVAILABLE';
  }
  const paid = PAID_STATUSES.has(String(answer.status ?? '').toLowerCase());
  const amountAgrees = answer.amount === undefined || BigInt(Math.trunc(Number(answer.amount))) === invoicedUnits;
  return paid && amountAgrees ? 'PAID' : 'NOT_PAID';
}
