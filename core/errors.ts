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
  'TEXT_NOT_VISIBLE',
  'CENTER_NOT_LICENSED',
  'CENTER_READ_ONLY',
  // centers, licensing, trustees, inspections
  'LICENSE_TRANSITION_NOT_ALLOWED',
  'TRUSTEE_ALREADY_PROPOSED',
  'TRUSTEE_NOT_IN_VETTING',
  'TRUSTEE_NOT_APPOINTED',
  'TRUSTEE_NOT_CLEARED',
  'CLEARANCE_ALREADY_RECORDED',
  'APPROVAL_ALREADY_PENDING',
  'OWN_REQUEST_APPROVAL',
  'LINK_CODE_INVALID',
  'LINK_CODE_EXPIRED',
  'LINK_CODE_USED',
  'CHAT_LINKED_TO_OTHER_PERSON',
  // volunteers, networks, tasks, minutes, archive, feedback
  'VOLUNTEER_ALREADY_APPLIED',
  'VOLUNTEER_NOT_ACTIVE',
  'NOT_NETWORK_MEMBER',
  'NOT_TASK_ASSIGNEE',
  'ARCHIVE_DOCUMENT_NOT_KEPT',
  'FEEDBACK_CLOSED',
  // donors, pledges, donations
  'CENTER_HAS_NO_SANDOGH_ACCOUNT',
  'PLEDGE_NOT_OF_DONOR',
  'DONOR_ALREADY_REGISTERED',
  'DONOR_MERGED',
  'TRACE_NUMBER_ALREADY_RECORDED',
  'PLEDGE_KIND_MISMATCH',
  'PLEDGE_CANCELLED',
  // paying in the chat
  'INVALID_CARD_NUMBER',
  'PAYMENT_NOT_OFFERED',
  'PAYMENT_EXPIRED',
  'PAYMENT_AMOUNT_CHANGED',
  'PAYMENT_ALREADY_PAID',
  // bank statements
  'STATEMENT_FILE_EMPTY',
  'STATEMENT_FILE_TOO_LARGE',
  'STATEMENT_FILE_TYPE',
  'STATEMENT_FILE_UNREADABLE',
  'STATEMENT_FILE_UNPACKS_TOO_LARGE',
  'STATEMENT_TOO_MANY_LINES',
  'STATEMENT_NO_LINES',
  'STATEMENT_HEADER_NOT_FOUND',
  'STATEMENT_FORMULA_CELL',
  'STATEMENT_BAD_DATE',
  'STATEMENT_BAD_AMOUNT',
  'STATEMENT_NEGATIVE_AMOUNT',
  'STATEMENT_AMOUNT_OUT_OF_RANGE',
  'STATEMENT_BAD_TRACE',
  'STATEMENT_LAYOUT_REQUIRED',
  'STATEMENT_PRESET_NAME_TAKEN',
  'STATEMENT_LINE_ALREADY_MATCHED',
  'STATEMENT_LINE_NOT_CREDIT',
  'STATEMENT_MATCH_AMOUNT_DIFFERS',
  'STATEMENT_GIFT_NOT_WAITING',
  // funds, beneficiaries, distributions, employment
  'FUND_USE_NOT_ALLOWED',
  'INSUFFICIENT_FUND_BALANCE',
  'FUND_WOULD_GO_NEGATIVE',
  'BENEFICIARY_NOT_ACTIVE',
  'CONSENT_REQUIRED',
  'DUPLICATE_BENEFICIARY',
  'NETWORK_NOT_AVAILABLE',
  'VOLUNTEER_NOT_AVAILABLE',
  // reports
  // broadcasts
  'BROADCAST_NO_RECIPIENTS',
  // staff logins
  'PASSWORD_TOO_SHORT',
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
