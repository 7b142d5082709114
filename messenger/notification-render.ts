/**
 * A queued notification as the user reads it: the template
 * `notifications:<template>` in the chat's language with its params formatted
 * (notification-params.ts), plain text (Bale has no parse_mode, and titles or a
 * broadcast may contain anything), and, when the notification names a bot
 * action (`reminderAction`, reminder-buttons.ts), one inline button that opens it.
 * The outbox sender sends it; the panel's broadcast preview shows it.
 */
import type { NotificationParams } from '../core/outbox.ts';
import { i18n, isLanguage, type Language } from './i18n.ts';
import { formatParams } from './notification-params.ts';

export interface InlineButton {
  text: string;
  callback_data: string;
}

export interface RenderedMessage {
  text: string;
  replyMarkup?: { inline_keyboard: InlineButton[][] };
}

export class UnknownTemplateError extends Error {
  constructor(template: string) {
    super(`no locale key notifications:${template}`);
    this.name = 'UnknownTemplateError';
  }
}

export function renderNotification(template: string, params: NotificationParams | null | undefined, language: string): RenderedMessage {
  const lng: Language = isLanguage(language) ? language : 'fa';
  const key = `notifications:${template}`;
  if (!i18n.exists(key, { lng })) throw new UnknownTemplateError(template);
  // `replace` keeps params apart from i18next's own options (a param named count or context).
  const text = String(i18n.t(key, { lng, replace: formatParams(params, lng) }));
  const action = params?.reminderAction;
  if (typeof action !== 'string' || !action) return { text };
  return { text, replyMarkup: { inline_keyboard: [[{ text: actionLabel(action, lng), callback_data: action }]] } };
}

/** `remind:task:<id>` → notifications:action.task; unknown kinds get a generic "open". */
function actionLabel(action: string, lng: Language): string {
  const kind = action.split(':')[1] ?? '';
  const key = `notifications:action.${kind}`;
  return String(i18n.t(i18n.exists(key, { lng }) ? key : 'notifications:action.open', { lng }));
}
