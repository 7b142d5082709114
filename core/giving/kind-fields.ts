/** What a pledge or a gift of each kind must say (the database CHECKs *_kind_fields say the same). */
import type { AidKind } from '../../prisma/generated/client/client.ts';
import { DomainError } from '../errors.ts';
import { amount, optionalText, positiveInt } from '../input/schemas.ts';
import { aidKind, fund } from './shared.ts';

/** The input fields of a pledge or a gift: its kind, fund and what the kind needs (amounts typed in Toman, kept as Rials). */
export const aidKindInputFields = {
  kind: aidKind,
  fund: fund.default('GENERAL'),
  amountToman: amount('TOMAN').optional(),
  itemDescription: optionalText(500),
  quantity: positiveInt().optional(),
  unit: optionalText(50),
  estimatedValueToman: amount('TOMAN').optional(),
  serviceDescription: optionalText(500),
  serviceHours: positiveInt(10_000).optional(),
};

export interface AidKindInput {
  kind: AidKind;
  amountToman?: bigint | undefined;
  estimatedValueToman?: bigint | undefined;
  itemDescription?: string | undefined;
  quantity?: number | undefined;
  unit?: string | undefined;
  serviceDescription?: string | undefined;
  serviceHours?: number | undefined;
}

/** Cash needs an amount (already Rials, despite the field's name: the schema converts Toman); goods an item; services what. */
export function aidKindFields(input: AidKindInput) {
  if (input.kind === 'CASH') {
    if (input.amountToman === undefined) throw new DomainError('REQUIRED', { field: 'amountToman' });
    return { amountRial: input.amountToman };
  }
  const estimatedValueRial = input.estimatedValueToman ?? null;
  if (input.kind === 'IN_KIND') {
    if (!input.itemDescription) throw new DomainError('REQUIRED', { field: 'itemDescription' });
    return { itemDescription: input.itemDescription, quantity: input.quantity ?? null, unit: input.unit ?? null, estimatedValueRial };
  }
  if (!input.serviceDescription) throw new DomainError('REQUIRED', { field: 'serviceDescription' });
  return { serviceDescription: input.serviceDescription, serviceHours: input.serviceHours ?? null, estimatedValueRial };
}
