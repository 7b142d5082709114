/**
 * Typed domain errors. A code is also the locale key `errors.<CODE>` in
 * locales/fa and locales/en, so the bot and the panel say the same thing.
 * Areas add their codes here; test/core/errors.test.ts checks both locales.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_STATE',
  'CONFLICT',
  'INVALID_NATIONAL_ID',
  'INVALID_MOBILE',
  'INVALID_SHEBA',
  'INVALID_AMOUNT',
  'AMOUNT_OUT_OF_RANGE',
  'INVALID_DATE',
  'TEXT_TOO_LONG',
  'REQUIRED',
  'CENTER_NOT_LICENSED',
  'CENTER_READ_ONLY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Interpolation values for the message (never internal ids shown to users). */
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(e: unknown, code?: ErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}
