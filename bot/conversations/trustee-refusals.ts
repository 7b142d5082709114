/** How the trustee screens word core's refusals of a decision or a task press: short, never an id. */
import type { ErrorCode } from '../../core/errors.ts';

/** Someone else decided first (the item is no longer pending), or the role is no longer allowed. */
export function decisionRefusalKey(code: ErrorCode): string {
  if (code === 'INVALID_STATE' || code === 'NOT_FOUND') return 'trustee:approvals.alreadyDecided';
  if (code === 'FORBIDDEN') return 'trustee:approvals.noLonger';
  return `errors:${code}`;
}

export function taskRefusalKey(code: ErrorCode): string {
  if (code === 'INVALID_STATE' || code === 'NOT_FOUND') return 'trustee:tasks.closed';
  if (code === 'NOT_TASK_ASSIGNEE' || code === 'FORBIDDEN') return 'trustee:tasks.notYours';
  return `errors:${code}`;
}
