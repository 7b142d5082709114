/**
 * Broadcasts from the panel: "new broadcast" first answers with a preview (the
 * text as recipients will read it and how many chats it reaches) and, only when the form
 * confirms, queues it through core with the form's one-time key (a double submission
 * sends once). "cancel" stops what is not yet sent. Both change state on POST only; a GET
 * of "new broadcast" returns the centers and networks the form may choose from.
 */
import { Filter, type Action, type ActionContext, type ActionRequest, type ActionResponse, type RecordActionResponse } from 'adminjs';
import type { Core } from '../../../core/index.ts';
import type { AudienceInput } from '../../../core/broadcasts/audience.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Language } from '../../../messenger/i18n.ts';
import { renderNotification } from '../../../messenger/notification-render.ts';
import { roleMay, type AdminActor } from '../../access.ts';
import { allowed, type ComponentIds } from '../define.ts';
import { errorMessage, resourceMessage, valueLabel } from '../messages.ts';
import { actorIn, localeIn } from '../scoped-resource.ts';
import { coreRecordAction } from './core-record-action.ts';
import { refusal } from './refusal.ts';

const mayBroadcast = (actor: AdminActor) => roleMay(actor, 'broadcast.send');

function field(payload: Record<string, unknown> | undefined, name: string): string {
  const v = payload?.[name];
  return typeof v === 'string' ? v.trim() : '';
}

/** The form's audience as core's input; a kind core does not know is refused as core's schema would refuse it. */
function audienceOf(payload: Record<string, unknown> | undefined): AudienceInput {
  const kind = field(payload, 'audience');
  if (kind === 'NETWORK_VOLUNTEERS') return { kind, networkId: field(payload, 'networkId') };
  if (kind === 'CENTER_DONORS') return { kind, centerId: field(payload, 'centerId') };
  throw new DomainError('VALIDATION', { field: 'audience.kind' });
}

/** What the form may choose from: the centers and networks of the login's area, read through the panel's scoped data layer. */
async function choices(context: ActionContext, lng: Language) {
  const find = (resourceId: string, sortBy: string, direction: 'asc' | 'desc') => {
    const resource = context._admin.findResource(resourceId);
    return resource.find(new Filter({}, resource), { limit: 500, sort: { sortBy, direction } }, context);
  };
  const centers = (await find('Center', 'name', 'asc')).map((r) => ({ id: String(r.id()), name: String(r.params.name) }));
  const centerName = new Map(centers.map((c) => [c.id, c.name]));
  const networks = (await find('Network', 'createdAt', 'asc'))
    .filter((r) => r.params.active === true)
    .map((r) => {
      const p = r.params as Record<string, unknown>;
      const center = centerName.get(String(p.center));
      const name = [valueLabel(lng, 'Network', 'kind', String(p.kind)), p.description, center ? `(${center})` : null].filter(Boolean).join(' ');
      return { id: String(r.id()), name };
    });
  return { centers, networks };
}

async function newBroadcast(core: Core, request: ActionRequest, context: ActionContext): Promise<ActionResponse> {
  const actor = actorIn(context);
  const lng = localeIn(context);
  if (!actor) return { notice: { message: errorMessage('FORBIDDEN', lng), type: 'error' } };
  if (request.method !== 'post') return { data: await choices(context, lng) };
  const payload = request.payload;
  try {
    const input = { audience: audienceOf(payload), text: field(payload, 'text') };
    if (field(payload, 'confirm') !== 'yes') {
      const preview = await core.broadcasts.previewBroadcast(actor, input);
      // Staff read the message in Persian, as most recipients will.
      const rendered = renderNotification(preview.message.template, preview.message.params, 'fa');
      return {
        data: { preview: { text: rendered.text, recipientCount: preview.recipientCount, people: preview.people, peopleWithoutChat: preview.peopleWithoutChat } },
      };
    }
    const result = await core.broadcasts.createBroadcast(actor, { ...input, idempotencyKey: field(payload, 'idempotencyKey') });
    return {
      data: { broadcast: result },
      notice: { message: resourceMessage(lng, 'broadcastQueued', { count: result.recipientCount.toLocaleString(lng === 'fa' ? 'fa-IR' : 'en-US') }), type: 'success' },
      redirectUrl: context.h.recordActionUrl({ resourceId: 'Broadcast', recordId: result.id, actionName: 'show' }),
    };
  } catch (e) {
    return { notice: refusal(e, lng).notice };
  }
}

/** The resource action "new broadcast": preview, then (confirmed) send. */
export function newBroadcastAction(core: Core, components: ComponentIds): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'Send',
    variant: 'primary',
    component: components.BroadcastForm ?? false,
    isVisible: (c) => allowed(c.currentAdmin, mayBroadcast),
    isAccessible: (c) => allowed(c.currentAdmin, mayBroadcast),
    handler: (request, _response, context) => newBroadcast(core, request, context),
  };
}

export function cancelBroadcastAction(core: Core, components: ComponentIds): Partial<Action<RecordActionResponse>> {
  return coreRecordAction(core, {
    name: 'cancelBroadcast',
    icon: 'XCircle',
    variant: 'danger',
    component: components.ConfirmAction,
    isAllowed: (actor, params) => !params.cancelledAt && mayBroadcast(actor),
    async run({ core, actor, recordId, lng }) {
      const result = await core.broadcasts.cancelBroadcast(actor, { broadcastId: recordId });
      return { message: resourceMessage(lng, 'broadcastCancelled', { count: result.cancelledNow.toLocaleString(lng === 'fa' ? 'fa-IR' : 'en-US') }) };
    },
  });
}
