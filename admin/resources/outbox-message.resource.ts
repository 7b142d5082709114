/** The notification queue: read-only, to see what was sent, is waiting or failed. */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { estimateCount } from './estimated-count.ts';
import { NAV } from './shared.ts';

export function outboxMessageResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'OutboxMessage',
    navigation: NAV.system,
    titleProperty: 'template',
    listProperties: ['template', 'status', 'attempts', 'availableAt', 'sentAt', 'createdAt'],
    showProperties: ['template', 'params', 'status', 'attempts', 'availableAt', 'lockedUntil', 'sentAt', 'lastError', 'createdAt'],
    settings: {
      // Indexed: (status, availableAt).
      sortable: ['availableAt'],
      filterable: ['status', 'template'],
      defaultSort: { sortBy: 'availableAt', direction: 'desc' },
      estimateCount: (db) => estimateCount(db, 'OutboxMessage'),
    },
  });
}
