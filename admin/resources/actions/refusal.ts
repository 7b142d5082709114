/**
 * Core's refusal (a DomainError) as every panel page shows it: a notice, and `data.error`
 * with the code, the sentence and the form field it concerns. One function, so a sentence
 * with placeholders («ردیف {{row}}») reads the same on a core action's form, the review
 * queue and the bank statements page -- filled in, never with its braces showing.
 */
import { type DomainError, isDomainError } from '../../../core/errors.ts';
import { digits } from '../../../messenger/format.ts';
import type { Language } from '../../../messenger/i18n.ts';
import { fillPlaceholders } from '../../locale/index.ts';
import { errorMessage } from '../messages.ts';

/** Core's sentence for the error, its placeholders filled (numbers in the reader's digits). */
export function refusalText(e: DomainError, lng: Language): string {
  const vars = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'number' ? digits(v, lng) : v]));
  return fillPlaceholders(errorMessage(e.code, lng), vars);
}

export interface Refusal {
  notice: { message: string; type: 'error' };
  data: Record<string, unknown> & { error: { code: string; message: string; field?: string } };
}

/**
 * The answer that refuses: `data` is what the page keeps showing beside it (the queue as it
 * now stands). Anything but a DomainError is a fault, not a refusal, and is thrown on.
 */
export function refusal(e: unknown, lng: Language, data: Record<string, unknown> = {}): Refusal {
  if (!isDomainError(e)) throw e;
  const message = refusalText(e, lng);
  // Core names a nested path (`matches.0.lineId`); a form has only its top-level fields.
  const field = typeof e.params.field === 'string' && e.params.field ? e.params.field.split('.')[0] : undefined;
  return { notice: { message, type: 'error' }, data: { ...data, error: { code: e.code, message, ...(field ? { field } : {}) } } };
}
