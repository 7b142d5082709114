/**
 * What the payment use-cases share: the card number a center's payments go to, the
 * invoice's opaque reference, how long an invoice can be paid, and whether a center's
 * setting offers payments at all.
 */
import { randomBytes } from 'node:crypto';
import { verifyCardNumber } from '@persian-tools/persian-tools';
import { z } from 'zod';
import type { Center, PaymentSetting } from '../../prisma/generated/client/client.ts';
import { normalizeCode } from '../input/normalize.ts';

/**
 * An invoice stays payable this long. Long enough to open the payment sheet and type a
 * card's PIN, short enough that an old invoice found in the chat days later is refused
 * rather than paid for an installment that may meanwhile be paid another way.
 */
export const PAYMENT_REQUEST_TTL_MS = 15 * 60_000;

/**
 * A bank card number: 16 digits (typed in any script, with spaces or dashes) whose check
 * digit is right. Iranian cards start with 5 or 6, so the number is below 2^53 and the
 * library's numeric check sees every digit.
 */
export const cardNumber = z
  .string({ message: 'INVALID_CARD_NUMBER' })
  .transform(normalizeCode)
  .refine((s) => /^\d{16}$/.test(s) && Number(s) <= Number.MAX_SAFE_INTEGER && verifyCardNumber(Number(s)) === true, {
    message: 'INVALID_CARD_NUMBER',
  });

/** The invoice payload: 12 characters of 72 random bits, unguessable and short (Bale allows 128 bytes). */
export function newPaymentReference(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * A setting offers payments while it is on and was recorded for the center's current
 * Sandogh account (rule 3: the card must be that account's; a new account needs its card).
 */
export function settingOffersPayments(
  setting: Pick<PaymentSetting, 'enabled' | 'sandoghAccountNo'> | null,
  center: Pick<Center, 'sandoghAccountNo'>,
): setting is PaymentSetting {
  return !!setting && setting.enabled && !!center.sandoghAccountNo && setting.sandoghAccountNo === center.sandoghAccountNo;
}

/** The last four digits, how a card is shown where the whole number is not needed. */
export function maskedCard(card: string): string {
  return `…${card.slice(-4)}`;
}
