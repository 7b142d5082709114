/**
 * The notification queue: read-only, to see what was sent, is waiting or failed. A message's
 * kind is shown in words (`outbox.kinds` in admin-resources.json), not as its template key.
 */
import type { ResourceWithOptions } from 'adminjs';
import type { Language } from '../../messenger/i18n.ts';
import { localeString } from '../locale/index.ts';
import { defineResource, type DefineContext } from './define.ts';
import { estimateCount } from './estimated-count.ts';
import { NAV } from './shared.ts';

export function outboxMessageResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'OutboxMessage',
    navigation: NAV.system,
    titleProperty: 'kind',
    listProperties: ['kind', 'status', 'attempts', 'availableAt', 'sentAt', 'createdAt'],
    showProperties: ['kind', 'params', 'status', 'attempts', 'availableAt', 'lockedUntil', 'sentAt', 'lastError', 'createdAt'],
    settings: {
      virtuals: { kind: { value: (row, lng) => kindInWords(lng, String(row.template)) } },
      // Indexed: (status, availableAt).
      sortable: ['availableAt'],
      filterable: ['status', 'template'],
      defaultSort: { sortBy: 'availableAt', direction: 'desc' },
      estimateCount: (db) => estimateCount(db, 'OutboxMessage'),
    },
  });
}

/** «تأیید کمک و رسید» for `donation.confirmed`; a template the locale does not name yet reads as «پیام». */
export function kindInWords(lng: Language, template: string): string {
  return localeString(lng, 'admin-resources', `outbox.kinds.${template.replace(/\./g, '_')}`) ?? localeString(lng, 'admin-resources', 'outbox.otherKind') ?? template;
}
