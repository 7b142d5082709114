/** Small pieces the resource files share: sidebar groups, policy scopes of rows, names. */
import type { Tx } from '../../core/context.ts';
import type { Scope } from '../../core/policy.ts';
import type { Language } from '../../messenger/i18n.ts';
import type { AdminActor } from '../access.ts';
import { formatMoney, type Row } from './scoped-resource.ts';

/** Sidebar groups; their names are `labels.<name>` in admin-resources.json. */
export const NAV = {
  centers: { name: 'navCenters', icon: 'Home' },
  people: { name: 'navPeople', icon: 'Users' },
  giving: { name: 'navGiving', icon: 'DollarSign' },
  beneficiaries: { name: 'navBeneficiaries', icon: 'Heart' },
  work: { name: 'navWork', icon: 'CheckSquare' },
  oversight: { name: 'navOversight', icon: 'Shield' },
  system: { name: 'navSystem', icon: 'Settings' },
} as const;

/** The policy scope of a row that belongs to a center (`centerId`): its county and license state. */
export async function centerOwned(tx: Tx, row: Row): Promise<Scope> {
  const centerId = typeof row.centerId === 'string' ? row.centerId : null;
  if (!centerId) return {};
  const center = await tx.center.findUnique({ where: { id: centerId }, select: { id: true, countyId: true, licenseState: true } });
  return center ? { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState } : {};
}

/**
 * The policy scope of a row that belongs to no one center (a donor): the login's own
 * place, since the row was already found inside the login's area.
 */
export async function loginsOwnPlace(tx: Tx, _row: Row, actor: AdminActor): Promise<Scope> {
  if (actor.kind === 'staff') return { countyId: actor.countyId ?? null };
  const center = await tx.center.findUnique({ where: { id: actor.centerId }, select: { id: true, countyId: true, licenseState: true } });
  return center ? { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState } : {};
}

/** «first last» of an included person (`{ firstName, lastName }`), or null. */
export function personName(person: unknown): string | null {
  if (!person || typeof person !== 'object') return null;
  const p = person as { firstName?: unknown; lastName?: unknown };
  const name = [p.firstName, p.lastName].filter((s): s is string => typeof s === 'string' && s.length > 0).join(' ');
  return name || null;
}

/** A search on a person's name over both columns (each word may match either). */
export function personNameFilter(query: string): Record<string, unknown> {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 4);
  return {
    AND: words.map((w) => ({
      OR: [{ firstName: { contains: w, mode: 'insensitive' } }, { lastName: { contains: w, mode: 'insensitive' } }],
    })),
  };
}

export const PERSON_NAME = { select: { firstName: true, lastName: true } } as const;

/**
 * A gift, pledge or handout in a few words (its title in reference links and pickers): its
 * amount in Rial and Toman, or what was given -- never the bare stored Rials.
 */
export function amountOrItem(row: { amountRial?: unknown; itemDescription?: unknown; serviceDescription?: unknown }, lng: Language): string {
  if (typeof row.amountRial === 'bigint') return formatMoney(row.amountRial, lng);
  const what = row.itemDescription ?? row.serviceDescription;
  return typeof what === 'string' ? what : '';
}
