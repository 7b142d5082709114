/**
 * Centers and their license state. Trustees (chair, vice-chair) and Imdad staff edit the
 * description; Imdad also classifies the area and records the Sandogh account. The license
 * itself changes only through decisions (ApprovalRequest LICENSE_DECISION, core).
 */
import type { ResourceWithOptions } from 'adminjs';
import type { LicenseState } from '../../prisma/generated/client/client.ts';
import { DomainError } from '../../core/errors.ts';
import { normalizeCode } from '../../core/input/normalize.ts';
import { parseInput, sheba } from '../../core/input/schemas.ts';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function centerResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Center',
    navigation: NAV.centers,
    titleProperty: 'name',
    listProperties: ['name', 'county', 'licenseState', 'activityCode', 'hostType', 'licenseExpiresOn'],
    showProperties: [
      'name', 'county', 'licenseState', 'activityCode', 'hostType', 'hostName', 'address', 'phone', 'activityArea', 'areaKind',
      'latitude', 'longitude', 'appliedAt', 'licensedAt', 'lastRenewedAt', 'licenseExpiresOn', 'suspendedAt', 'revokedAt',
      'expiredAt', 'dissolvedAt', 'sandoghAccountNo', 'sandoghSheba', 'sandoghBranch', 'sandoghIntroLetterNo',
      'sandoghAccountOpenedAt', 'createdAt', 'updatedAt',
    ],
    editProperties: [
      'name', 'hostType', 'hostName', 'address', 'phone', 'activityArea', 'latitude', 'longitude', 'areaKind',
      'sandoghAccountNo', 'sandoghSheba', 'sandoghBranch', 'sandoghIntroLetterNo', 'sandoghAccountOpenedAt',
    ],
    properties: {
      address: { type: 'textarea' },
      activityArea: { type: 'textarea' },
      // Coordinates: every decimal, no separators.
      latitude: { custom: { plainDigits: true } },
      longitude: { custom: { plainDigits: true } },
    },
    settings: {
      // Centers are hundreds per province: every offered sort is cheap; state and county are indexed.
      sortable: ['name', 'licenseState', 'licenseExpiresOn', 'createdAt'],
      filterable: ['name', 'county', 'licenseState', 'hostType', 'areaKind', 'activityCode'],
      defaultSort: { sortBy: 'name', direction: 'asc' },
      policyScope: async (_tx, row) => ({
        centerId: row.id as string,
        countyId: row.countyId as string,
        licenseState: row.licenseState as LicenseState,
      }),
      validators: {
        sandoghSheba: (v) => parseInput(sheba, v),
        sandoghAccountNo: (v) => digits(v, 6, 20),
        phone: (v) => digits(v, 8, 11),
      },
    },
  });
}

function digits(v: unknown, min: number, max: number): string {
  const s = typeof v === 'string' ? normalizeCode(v) : '';
  if (!new RegExp(`^\\d{${min},${max}}$`).test(s)) throw new DomainError('VALIDATION');
  return s;
}
