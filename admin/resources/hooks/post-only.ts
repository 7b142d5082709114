/**
 * State changes on POST only. AdminJS's frontend calls an action with GET when it is
 * opened (to load the record for its component) and, for actions without a component,
 * with GET alone; a GET (e.g. a link in a message, or a cross-site <img>) must change
 * nothing. `postOnly(handler)` answers GET with the unchanged record (or nothing for
 * resource/bulk actions) plus a notice, and runs `handler` only for POST (which the
 * admin guard has already checked comes from this site).
 *
 *   approve: { actionType: 'record', component: ids.ConfirmAction, handler: postOnly(async (request, response, context) => …) }
 */
import type { ActionContext, ActionHandler, ActionRequest, ActionResponse } from 'adminjs';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../messenger/i18n.ts';
import { translate } from '../../locale/index.ts';

function localeOf(context: ActionContext) {
  const locale = (context.currentAdmin as { locale?: unknown } | undefined)?.locale;
  return isLanguage(locale) ? locale : DEFAULT_LANGUAGE;
}

export function postOnly<T extends ActionResponse>(handler: ActionHandler<T>): ActionHandler<T | ActionResponse> {
  return async (request: ActionRequest, response: unknown, context: ActionContext) => {
    if (request.method === 'post') return handler(request, response, context);
    const notice = { message: translate(localeOf(context), 'adminjs.messages.getOnlyAction'), type: 'info' as const };
    if (context.record) return { record: context.record.toJSON(context.currentAdmin), notice };
    if (context.records) return { records: context.records.map((r) => r.toJSON(context.currentAdmin)), notice };
    return { notice };
  };
}
