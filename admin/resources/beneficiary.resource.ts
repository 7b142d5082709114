/**
 * Households. Everyone who may read them sees the reference code; the identity of the
 * head of household (name, national ID, phone, address, Imdad case number) only those
 * the policy allows (core's canSeeBeneficiaryIdentity: chair, vice-chair, social-work
 * officer, Imdad staff) -- the fields never leave the server for anyone else, and cannot
 * be filtered, sorted or searched on by them. Closing and graduating go through core.
 */
import type { ResourceWithOptions } from 'adminjs';
import { DomainError } from '../../core/errors.ts';
import { normalizeCode } from '../../core/input/normalize.ts';
import { nationalId, parseInput } from '../../core/input/schemas.ts';
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
    editProperties: ['headName', 'headNationalId', 'headGender', 'phone', 'address', 'imdadCaseNo', 'membersCount', 'employmentCapabilities'],
    properties: { address: { type: 'textarea' }, employmentCapabilities: { type: 'textarea' } },
    settings: {
      // Indexed: (centerId, state), referenceCode (unique), headNationalId.
      sortable: ['referenceCode', 'createdAt'],
      filterable: ['referenceCode', 'center', 'state', 'headName', 'headNationalId'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
      policyScope: centerOwned,
      validators: {
        headNationalId: (v) => parseInput(nationalId, v),
        phone: (v) => {
          const s = typeof v === 'string' ? normalizeCode(v) : '';
          if (!/^0\d{10}$/.test(s)) throw new DomainError('VALIDATION');
          return s;
        },
        membersCount: (v) => {
          const n = Number(normalizeCode(String(v)));
          if (!Number.isSafeInteger(n) || n < 1 || n > 100) throw new DomainError('VALIDATION');
          return n;
        },
      },
    },
  });
}
