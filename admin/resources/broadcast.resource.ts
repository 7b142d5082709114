/**
 * Broadcasts: a center's messages to its donors or to one network's volunteers.
 * Never edited: created through the "new broadcast" action (preview, then send) and
 * stopped through "cancel"; the list and the page show how far delivery got, counted
 * from the outbox by core (sent, failed, waiting, cancelled).
 */
import type { ResourceWithOptions } from 'adminjs';
import { cancelBroadcastAction, newBroadcastAction } from './actions/broadcast.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

const COUNTS = ['sent', 'failed', 'pending', 'cancelled'] as const;

export function broadcastResource(ctx: DefineContext): ResourceWithOptions {
  const core = ctx.deps.core;
  const components = ctx.deps.components ?? {};
  const defined = defineResource(ctx, {
    name: 'Broadcast',
    navigation: NAV.people,
    titleProperty: 'summary',
    listProperties: ['audience', 'center', 'network', 'summary', 'recipientCount', ...COUNTS, 'createdAt'],
    showProperties: ['audience', 'center', 'network', 'text', 'recipientCount', ...COUNTS, 'notBefore', 'cancelledAt', 'createdBy', 'createdAt'],
    properties: { text: { type: 'textarea' } },
    settings: {
      virtuals: {
        // The first words of the message, as its title.
        summary: { value: (row) => (typeof row.text === 'string' ? (row.text.length > 60 ? `${row.text.slice(0, 60)}…` : row.text) : undefined) },
        ...Object.fromEntries(
          COUNTS.map((name) => [name, { type: 'number' as const, value: (row: Record<string, unknown>) => (row.__progress as Record<string, number> | undefined)?.[name] }]),
        ),
      },
      // The page of rows was read through the login's scope; core checks the policy again.
      async enrich(rows, _db, actor) {
        for (const row of rows) {
          try {
            // Rows are untyped here; a Broadcast's id is a string, anything else has no progress to show.
            row.__progress = typeof row.id === 'string' ? await core.broadcasts.broadcastProgress(actor, { broadcastId: row.id }) : undefined;
          } catch {
            row.__progress = undefined;
          }
        }
      },
      // Indexed: (centerId, createdAt), (networkId).
      sortable: ['createdAt'],
      filterable: ['center', 'network', 'audience'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
    },
    actions: { cancelBroadcast: cancelBroadcastAction(core, components) },
  });
  // A resource action (no record): added beside the record actions defineResource typed.
  defined.options.actions = { ...defined.options.actions, newBroadcast: newBroadcastAction(core, components) };
  return defined;
}
