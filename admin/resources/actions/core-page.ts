/**
 * A page of the panel backed by core, drawn by its own component on a resource's list page
 * (the review queue, bank statements, overdue tasks): who may open it, the login's language
 * and actor, a GET that reads and a POST that takes a step, and core's refusals shown one
 * way. Each page says only what it reads and what its steps do; core decides who may.
 */
import type { Action, ActionContext, ActionRequest, ActionResponse } from 'adminjs';
import { DomainError } from '../../../core/errors.ts';
import type { Language } from '../../../messenger/i18n.ts';
import type { AdminActor } from '../../access.ts';
import { allowed } from '../define.ts';
import { actorIn, localeIn } from '../scoped-resource.ts';
import { refusal } from './refusal.ts';

type Fields = Record<string, unknown>;

export interface CorePageSpec {
  name: string;
  icon: string;
  variant?: 'default' | 'primary';
  /** The page's component (absent in tests that build the panel without its bundle). */
  component: string | undefined;
  /** Who sees the button and may open the page (core's policy, as the login's role allows it). */
  may: (actor: AdminActor) => boolean;
  /** A GET: what the page shows (`data`). */
  read: (actor: AdminActor, lng: Language, query: Fields) => Promise<Fields>;
  /** A POST: one step taken, and the answer (absent: the page only reads, a POST reads too). */
  act?: (actor: AdminActor, lng: Language, payload: Fields) => Promise<ActionResponse>;
  /** What a refused page shows instead of its data (an empty list rather than none). */
  empty?: Fields;
}

export function corePage(spec: CorePageSpec): Partial<Action<ActionResponse>> {
  const check = (c: { currentAdmin?: ActionContext['currentAdmin'] }) => allowed(c.currentAdmin, spec.may);
  return {
    name: spec.name,
    actionType: 'resource',
    icon: spec.icon,
    ...(spec.variant ? { variant: spec.variant } : {}),
    component: spec.component ?? false,
    // Shown on the list page only (not beside each record).
    showInDrawer: false,
    isVisible: check,
    isAccessible: check,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext): Promise<ActionResponse> => {
      const lng = localeIn(context);
      const actor = actorIn(context);
      if (!actor) return refusal(new DomainError('FORBIDDEN'), lng, spec.empty);
      try {
        // AdminJS loads an action with GET, and a GET changes nothing.
        if (request.method !== 'post' || !spec.act) return { data: await spec.read(actor, lng, (request.query ?? {}) as Fields) };
        return await spec.act(actor, lng, (request.payload ?? {}) as Fields);
      } catch (e) {
        // After a refusal the page keeps what it shows.
        return refusal(e, lng, spec.empty);
      }
    },
  };
}
