/**
 * A gift as the people who decide on it read it: what was given, and by whom (the same in
 * the review queue and in a trustee's decisions).
 */
import type { AidKind, Fund } from '../../prisma/generated/client/enums.ts';

/** What was given, as its kind records it: cash (an amount), goods (what, how many, worth what) or a service (what, how long). */
export interface GiftContent {
  kind: AidKind;
  fund: Fund;
  amountRial: bigint | null;
  itemDescription: string | null;
  quantity: number | null;
  unit: string | null;
  estimatedValueRial: bigint | null;
  serviceDescription: string | null;
  serviceHours: number | null;
}

export function giftContent(d: GiftContent): GiftContent {
  return {
    kind: d.kind,
    fund: d.fund,
    amountRial: d.amountRial,
    itemDescription: d.itemDescription,
    quantity: d.quantity,
    unit: d.unit,
    estimatedValueRial: d.estimatedValueRial,
    serviceDescription: d.serviceDescription,
    serviceHours: d.serviceHours,
  };
}

/** The donor as the center knows them: an organisation by its name, a person by theirs; null for an anonymous gift. */
export function donorNameOf(donor: { organizationName: string | null; person: { firstName: string; lastName: string } | null } | null): string | null {
  if (!donor) return null;
  if (donor.organizationName) return donor.organizationName;
  return donor.person ? `${donor.person.firstName} ${donor.person.lastName}`.trim() : null;
}
