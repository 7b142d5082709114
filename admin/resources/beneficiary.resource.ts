/**
 * Households. Everyone who may read them sees the reference code; the identity of the
 * head of household (name, national ID, phone, address, Imdad case number) only those
 * the policy allows (core's canSeeBeneficiaryIdentity: chair, vice-chair, social-work
 * officer, Imdad staff) -- the fields never leave the server for anyone else, and cannot
 * be filtered, sorted or searched on by them. Registering, needs, employment plans,
 * closing and graduating are core actions (beneficiary.actions.ts): there is no plain
 * edit, so core's schema is the only rule for what a household's fields may hold.
 */
import type { ResourceWithOptions } from 'adminjs';
import { beneficiaryActions } from './actions/beneficiary.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { centerOwned, NAV } from './shared.ts';

export function beneficiaryResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Beneficiary',
    navigation: NAV.beneficiaries,
    titleProperty: 'referenceCode',
    listProperties: ['referenceCode', 'headName', 'center', 'membersCount', 'state', 'createdAt'],
    showProperties: [
      'referenceCode', 'center', 'state', 'headName', 'headNationalId', 'headGender', 'phone', 'address', 'imdadCaseNo', 'membersCount',
      'employmentCapabilities', 'consentGiven', 'consentAt', 'selfSufficientAt', 'closedAt', 'closeReason', 'createdAt',
    ],
    properties: { address: { type: 'textarea' }, employmentCapabilities: { type: 'textarea' } },
    settings: {
      // Indexed: (centerId, state), referenceCode (unique), headNationalId.
      sortable: ['referenceCode', 'createdAt'],
      filterable: ['referenceCode', 'center', 'state', 'headName', 'headNationalId'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
      policyScope: centerOwned,
    },
    actions: beneficiaryActions(ctx),
  });
}
