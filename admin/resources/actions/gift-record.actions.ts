/**
 * Recording what a center received, each a core use-case: a gift (cash paid into the
 * Sandogh account, goods, a service) from the Donation list -- anonymous or for a donor of
 * the center -- or from a donor's page; and registering a person or an organisation met at
 * the center (who may never use the bot) as a donor. Core
 * decides whether the gift is confirmed at once (see core/giving/record-donation.ts).
 */
import type { Action, ActionResponse } from 'adminjs';
import type { Actor } from '../../../core/actor.ts';
import type { Core } from '../../../core/index.ts';
import { recordDonationInput } from '../../../core/giving/record-donation.ts';
import { legalDonorInput, naturalDonorInput, type RegisterDonorInput } from '../../../core/giving/register-donor.ts';
import type { DefineContext } from '../define.ts';
import { coreAction, type Relation } from './core-action.ts';

/** Gifts are recorded at a licensed center only: the picker offers no other. */
const LICENSED_CENTER: Relation = { resource: 'Center', filter: () => ({ licenseState: 'LICENSED' }) };

const GIFT = {
  input: recordDonationInput,
  useCase: (core: Core) => core.giving.recordDonation,
  policy: 'donation.report',
  labels: 'Donation',
  // The panel retries nothing by itself; core gives each submission its own key.
  hidden: ['idempotencyKey'],
  multiline: ['itemDescription', 'serviceDescription', 'note'],
  redirect: (donation: { id: string }) => ({ resource: 'Donation' as const, id: donation.id }),
} as const;

/**
 * A form has no nested fields: the contact person is typed as contactFirstName, ... and
 * handed to core in its own shape, whose schema checks them (the labels are the
 * `fields.contact*` locale keys).
 */
const legalDonorForm = legalDonorInput.omit({ type: true, contactPerson: true }).extend({
  contactFirstName: legalDonorInput.shape.contactPerson.unwrap().shape.firstName.optional(),
  contactLastName: legalDonorInput.shape.contactPerson.unwrap().shape.lastName.optional(),
  contactMobile: legalDonorInput.shape.contactPerson.unwrap().shape.mobile.optional(),
  contactNationalId: legalDonorInput.shape.contactPerson.unwrap().shape.nationalId,
});

type LegalDonorForm = Record<string, unknown>;

function registerLegal(core: Core) {
  return (actor: Actor, form: LegalDonorForm) => {
    const { contactFirstName, contactLastName, contactMobile, contactNationalId, ...organisation } = form;
    const contact = [contactFirstName, contactLastName, contactMobile, contactNationalId].some((v) => v !== undefined)
      ? { firstName: contactFirstName, lastName: contactLastName, mobile: contactMobile, nationalId: contactNationalId }
      : undefined;
    return core.giving.registerDonor(actor, { ...organisation, type: 'LEGAL', contactPerson: contact } as RegisterDonorInput);
  };
}

/** The form's fields, without the branch's tag (the action adds it). */
const naturalDonorForm = naturalDonorInput.omit({ type: true });

function registerNatural(core: Core) {
  return (actor: Actor, form: Record<string, unknown>) => core.giving.registerDonor(actor, { ...form, type: 'NATURAL' } as RegisterDonorInput);
}

export function giftRecordActions(ctx: DefineContext): {
  donation: Record<string, Partial<Action<ActionResponse>>>;
  donor: Record<string, Partial<Action<ActionResponse>>>;
} {
  return {
    donation: {
      recordDonation: coreAction(ctx, {
        ...GIFT,
        resource: 'Donation',
        name: 'recordDonation',
        icon: 'Plus',
        variant: 'primary',
        // Which donor is not known when the form opens: a pledge is paid from the donor's page.
        hidden: [...GIFT.hidden, 'pledgeId'],
        relations: { centerId: LICENSED_CENTER, donorId: 'Donor' },
      }),
    },
    donor: {
      recordDonationFromDonor: coreAction(ctx, {
        ...GIFT,
        resource: 'Donor',
        name: 'recordDonationFromDonor',
        icon: 'Gift',
        record: 'donorId',
        // A merged record gives nothing more: its gifts are recorded on the record it was merged into.
        records: (donor) => !donor.mergedInto,
        relations: {
          centerId: LICENSED_CENTER,
          pledgeId: { resource: 'Pledge', filter: (donor) => ({ donor: String(donor.id), state: 'ACTIVE' }) },
        },
      }),
      registerNaturalDonor: coreAction(ctx, {
        resource: 'Donor',
        name: 'registerNaturalDonor',
        icon: 'UserPlus',
        variant: 'primary',
        input: naturalDonorForm,
        useCase: registerNatural,
        policy: 'donor.register',
        relations: { recruitedByCenterId: LICENSED_CENTER },
        multiline: ['note'],
      }),
      registerLegalDonor: coreAction(ctx, {
        resource: 'Donor',
        name: 'registerLegalDonor',
        icon: 'Briefcase',
        variant: 'primary',
        input: legalDonorForm,
        useCase: registerLegal,
        policy: 'donor.register',
        relations: { recruitedByCenterId: LICENSED_CENTER },
        multiline: ['note'],
      }),
    },
  };
}
