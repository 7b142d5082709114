/**
 * The audit trail: read-only, for the province admin and the auditor. Each row reads as a
 * sentence (who, in what role, did what to which kind of record: audit-sentence.ts); the
 * stored keys stay available as filters.
 */
import type { ResourceWithOptions } from 'adminjs';
import { describeAuditRows } from './audit-sentence.ts';
import { defineResource, type DefineContext } from './define.ts';
import { estimateCount } from './estimated-count.ts';
import { NAV } from './shared.ts';

export function auditLogResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'AuditLog',
    navigation: NAV.system,
    titleProperty: 'summary',
    listProperties: ['at', 'actor', 'summary', 'record'],
    // What changed in words first; the stored JSON after it, exact, for the auditor.
    showProperties: ['id', 'at', 'actor', 'summary', 'record', 'entityId', 'changes', 'before', 'after'],
    properties: {
      // The row number is the trail's own sequence, not an internal reference (read out: no separators).
      id: { isVisible: { list: false, show: true, edit: false, filter: false }, custom: { plainDigits: true } },
      // One line a field (textarea keeps the lines on the show page).
      changes: { type: 'textarea' },
    },
    settings: {
      // Written onto the page of rows by enrich (one look-up per kind of actor, not per row).
      virtuals: {
        actor: { value: (row) => row.actor },
        summary: { value: (row) => row.summary },
        record: { value: (row) => row.record },
        changes: { value: (row) => row.changes },
      },
      enrich: (rows, db, _actor, lng) => describeAuditRows(rows, db, lng),
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
