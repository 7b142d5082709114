/** Who belongs to which network (read-only; joining and leaving go through core). */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { donorName } from './donor.resource.ts';
import { NAV, PERSON_NAME, personName } from './shared.ts';

export function networkMembershipResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'NetworkMembership',
    navigation: NAV.people,
    titleProperty: 'member',
    listProperties: ['member', 'network', 'isCoordinator', 'joinedAt', 'leftAt'],
    showProperties: ['member', 'network', 'volunteer', 'donor', 'isCoordinator', 'joinedAt', 'leftAt'],
    settings: {
      include: {
        volunteer: { select: { person: PERSON_NAME } },
        donor: { select: { organizationName: true, person: PERSON_NAME } },
      },
      virtuals: {
        member: {
          value: (row) => personName((row.volunteer as { person?: unknown } | null)?.person) ?? donorName(row.donor),
        },
      },
      sortable: ['joinedAt'],
      filterable: ['network', 'isCoordinator'],
      defaultSort: { sortBy: 'joinedAt', direction: 'desc' },
    },
  });
}
