/** The specialized networks of each center (read-only; core manages them). */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { valueLabel } from './messages.ts';
import { NAV } from './shared.ts';

export function networkResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Network',
    navigation: NAV.people,
    titleProperty: 'title',
    listProperties: ['title', 'center', 'kind', 'active'],
    showProperties: ['center', 'kind', 'description', 'active', 'createdAt'],
    settings: {
      include: { center: { select: { name: true } } },
      virtuals: {
        title: {
          value: (row, lng) => {
            const center = (row.center as { name?: string } | null)?.name ?? '';
            return `${valueLabel(lng, 'Network', 'kind', String(row.kind))} — ${center}`;
          },
        },
      },
      sortable: ['createdAt'],
      filterable: ['center', 'kind', 'active'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
    },
  });
}
