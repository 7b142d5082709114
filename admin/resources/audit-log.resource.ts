/** The audit trail: read-only, for the province admin and the auditor. */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { estimateCount } from './estimated-count.ts';
import { NAV } from './shared.ts';

export function auditLogResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'AuditLog',
    navigation: NAV.system,
    titleProperty: 'action',
    listProperties: ['at', 'actorType', 'action', 'entity', 'entityId'],
    showProperties: ['id', 'at', 'actorType', 'actorId', 'action', 'entity', 'entityId', 'before', 'after'],
    // The row number is the trail's own sequence, not an internal reference (read out: no separators).
    properties: { id: { isVisible: { list: false, show: true, edit: false, filter: false }, custom: { plainDigits: true } } },
    settings: {
      // Indexed: (at), (entity, entityId), (actorType, actorId).
      sortable: ['at'],
      filterable: ['at', 'actorType', 'action', 'entity', 'entityId'],
      exactFilters: ['action', 'entity', 'entityId'],
      defaultSort: { sortBy: 'at', direction: 'desc' },
      // Unfiltered province-wide lists of a large table: PostgreSQL's estimate instead of count(*).
      estimateCount: (db) => estimateCount(db, 'AuditLog'),
    },
  });
}
