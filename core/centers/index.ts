import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { applyForLicense } from './apply-for-license.ts';
import { dissolveCenter } from './dissolve-center.ts';
import { expireLicenses } from './expire-licenses.ts';
import { findLicensedCenter } from './find-licensed-center.ts';
import { issueLicense } from './issue-license.ts';
import { listCenterCounties } from './list-center-counties.ts';
import { listLicensedCenters } from './list-licensed-centers.ts';
import { licenseDecisionHandler } from './license-decision-approval.ts';
import { proposeLicenseDecision } from './propose-license-decision.ts';
import type { ApprovalHandlers } from '../approvals/registry.ts';
import { recordInspection } from './record-inspection.ts';
import { rejectApplication } from './reject-application.ts';
import { reinstateLicense } from './reinstate-license.ts';
import { renewLicense } from './renew-license.ts';
import { revokeLicense } from './revoke-license.ts';
import { suspendLicense } from './suspend-license.ts';

export function centersUseCases(ctx: Ctx) {
  return {
    applyForLicense: (actor: Actor, input: unknown) => applyForLicense(ctx, actor, input),
    issueLicense: (actor: Actor, input: unknown) => issueLicense(ctx, actor, input),
    rejectApplication: (actor: Actor, input: unknown) => rejectApplication(ctx, actor, input),
    renewLicense: (actor: Actor, input: unknown) => renewLicense(ctx, actor, input),
    suspendLicense: (actor: Actor, input: unknown) => suspendLicense(ctx, actor, input),
    reinstateLicense: (actor: Actor, input: unknown) => reinstateLicense(ctx, actor, input),
    revokeLicense: (actor: Actor, input: unknown) => revokeLicense(ctx, actor, input),
    expireLicenses: (actor: Actor, input: unknown = {}) => expireLicenses(ctx, actor, input),
    dissolveCenter: (actor: Actor, input: unknown) => dissolveCenter(ctx, actor, input),
    listLicensedCenters: (actor: Actor, input: unknown) => listLicensedCenters(ctx, actor, input),
    findLicensedCenter: (actor: Actor, input: unknown) => findLicensedCenter(ctx, actor, input),
    listCenterCounties: (actor: Actor) => listCenterCounties(ctx, actor),
    recordInspection: (actor: Actor, input: unknown) => recordInspection(ctx, actor, input),
    proposeLicenseDecision: (actor: Actor, input: unknown) => proposeLicenseDecision(ctx, actor, input),
  };
}

export const centersApprovalHandlers: ApprovalHandlers = { LICENSE_DECISION: licenseDecisionHandler };
