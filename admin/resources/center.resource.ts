/**
 * Centers and their license state. Every change is a core action (center.actions.ts):
 * trustees (chair, vice-chair) and Imdad staff edit the description; Imdad also classifies
 * the area and records the Sandogh account; the license changes only through decisions.
 */
import type { ResourceWithOptions } from 'adminjs';
import type { LicenseState } from '../../prisma/generated/client/client.ts';
import { expiringSoonWhere, isExpiringSoon } from '../../core/centers/license-expiry.ts';
import { centerActions } from './actions/center.actions.ts';
import { centerPosterAction } from './actions/center-poster.action.ts';
import { defineResource, type DefineContext } from './define.ts';
import { fundBalancesLine } from './fund-balances-line.ts';
import { paymentInChatLine } from './payment-in-chat-line.ts';
import { NAV } from './shared.ts';

export function centerResource(ctx: DefineContext): ResourceWithOptions {
  const clock = ctx.deps.core.ctx.clock;
  return defineResource(ctx, {
    name: 'Center',
    navigation: NAV.centers,
    titleProperty: 'name',
    listProperties: ['name', 'county', 'licenseState', 'activityCode', 'hostType', 'licenseExpiresOn', 'licenseExpiringSoon'],
    showProperties: [
      'name', 'county', 'licenseState', 'activityCode', 'hostType', 'hostName', 'address', 'phone', 'activityArea', 'areaKind',
      'latitude', 'longitude', 'appliedAt', 'licensedAt', 'lastRenewedAt', 'licenseExpiresOn', 'suspendedAt', 'revokedAt',
      'expiredAt', 'dissolvedAt', 'sandoghAccountNo', 'sandoghSheba', 'sandoghBranch', 'sandoghIntroLetterNo',
      'sandoghAccountOpenedAt', 'paymentInChat', 'fundBalances', 'createdAt', 'updatedAt',
    ],
    properties: {
      address: { type: 'textarea' },
      activityArea: { type: 'textarea' },
      // Coordinates: every decimal, no separators.
      latitude: { custom: { plainDigits: true } },
      longitude: { custom: { plainDigits: true } },
    },
    actions: { ...centerActions(ctx), poster: centerPosterAction(ctx.deps.components ?? {}) },
    settings: {
      virtuals: {
        // A license running out soon is marked in the list and is a filter (the dashboard links to it).
        licenseExpiringSoon: {
          type: 'boolean',
          value: (row) => isExpiringSoon(row as { licenseState: string; licenseExpiresOn: Date | null }, clock.now()),
          filter: (q) => (q === 'true' ? expiringSoonWhere(clock.now()) : { NOT: expiringSoonWhere(clock.now()) }),
        },
        // Each fund's balance in Toman, for the logins core lets read the funds (others: left out).
        fundBalances: { value: (row) => (typeof row.__fundBalances === 'string' ? row.__fundBalances : undefined) },
        // Whether donors are offered "pay now" (the setting county staff keep), the card masked.
        paymentInChat: { value: (row) => (typeof row.__paymentInChat === 'string' ? row.__paymentInChat : undefined) },
      },
      async enrich(rows, _db, actor, lng) {
        const balances = await ctx.deps.core.funds.listFundBalances(actor, { centerIds: rows.map((r) => String(r.id)) });
        const byCenter = new Map(balances.map((b) => [b.centerId, b]));
        for (const row of rows) {
          const b = byCenter.get(String(row.id));
          if (b) row.__fundBalances = fundBalancesLine(b.funds, lng);
        }
        const payments = await ctx.deps.core.payments.listPaymentSettings(actor, { centerIds: rows.map((r) => String(r.id)) });
        const paymentsOf = new Map(payments.map((p) => [p.centerId, p]));
        for (const row of rows) {
          const p = paymentsOf.get(String(row.id));
          if (p) row.__paymentInChat = paymentInChatLine(p, lng);
        }
      },
      // Centers are hundreds per province: every offered sort is cheap; state and county are indexed.
      sortable: ['name', 'licenseState', 'licenseExpiresOn', 'createdAt'],
      filterable: ['name', 'county', 'licenseState', 'licenseExpiringSoon', 'hostType', 'areaKind', 'activityCode'],
      defaultSort: { sortBy: 'name', direction: 'asc' },
      policyScope: async (_tx, row) => ({
        centerId: row.id as string,
        countyId: row.countyId as string,
        licenseState: row.licenseState as LicenseState,
      }),
    },
  });
}

