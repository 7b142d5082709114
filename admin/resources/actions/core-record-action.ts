/**
 * A record action that is one call of a core use-case (core opens the transaction, writes
 * the audit row and queues the notifications). It changes state only on POST: AdminJS
 * fetches an action's record with GET before showing its component, and a cross-site GET
 * must never approve anything, so a GET answers with the record and does nothing else.
 * The record itself was read through the login's scope (a forged id is "not found"
 * before this handler runs); core checks the policy again on the real record.
 */
import type { Action, ActionContext, BaseRecord, RecordActionResponse } from 'adminjs';
import type { Core } from '../../../core/index.ts';
import type { Language } from '../../../messenger/i18n.ts';
import type { AdminActor } from '../../access.ts';
import { allowed } from '../define.ts';
import { errorMessage } from '../messages.ts';
import { actorIn, localeIn } from '../scoped-resource.ts';
import { refusal } from './refusal.ts';

export interface CoreActionResult {
  /** The success notice (a finished sentence). */
  message: string;
  /** Extra fields for the component (e.g. a one-time code, shown once). */
  data?: Record<string, unknown>;
}

export interface CoreRecordActionSpec {
  name: string;
  icon: string;
  variant?: 'default' | 'primary' | 'success' | 'danger' | 'info' | 'light';
  /** The component that asks (a confirmation, a reason) and POSTs; none: the action can only be POSTed by API. */
  component?: string;
  /** Whether this login may use the action on this record (role and the record's state). */
  isAllowed(actor: AdminActor, params: Record<string, unknown>): boolean;
  /** The one core call. */
  run(args: { core: Core; actor: AdminActor; recordId: string; payload: Record<string, unknown>; lng: Language }): Promise<CoreActionResult>;
}

function paramsOf(record: BaseRecord | undefined): Record<string, unknown> {
  return (record?.params ?? {}) as Record<string, unknown>;
}

export function coreRecordAction(core: Core, spec: CoreRecordActionSpec): Partial<Action<RecordActionResponse>> {
  const check = (c: { currentAdmin?: ActionContext['currentAdmin']; record?: BaseRecord }) =>
    allowed(c.currentAdmin, (actor) => spec.isAllowed(actor, paramsOf(c.record)));
  return {
    name: spec.name,
    actionType: 'record',
    icon: spec.icon,
    variant: spec.variant ?? 'default',
    component: spec.component ?? false,
    isVisible: check,
    isAccessible: check,
    handler: async (request, _response, context) => {
      const { record, currentAdmin } = context;
      if (!record) throw new Error(`${spec.name}: no record`);
      // Never a state change on GET (see the file header): the record, unchanged.
      if (request.method !== 'post') return { record: record.toJSON(currentAdmin) };
      const actor = actorIn(context);
      const lng = localeIn(context);
      if (!actor) return { record: record.toJSON(currentAdmin), notice: { message: errorMessage('FORBIDDEN', lng), type: 'error' } };
      try {
        const result = await spec.run({ core, actor, recordId: String(record.id()), payload: request.payload ?? {}, lng });
        const fresh = await context.resource.findOne(String(record.id()), context);
        return {
          record: (fresh ?? record).toJSON(currentAdmin),
          notice: { message: result.message, type: 'success' },
          ...(result.data ? { data: result.data } : {}),
        };
      } catch (e) {
        return { record: record.toJSON(currentAdmin), notice: refusal(e, lng).notice };
      }
    },
  };
}
