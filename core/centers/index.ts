import { bindUseCases } from '../bind.ts';
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
  return bindUseCases(ctx, {
    applyForLicense,
    issueLicense,
    rejectApplication,
    renewLicense,
    suspendLicense,
    reinstateLicense,
    revokeLicense,
    expireLicenses,
    dissolveCenter,
    listLicensedCenters,
    findLicensedCenter,
    listCenterCounties,
    recordInspection,
    proposeLicenseDecision,
  });
}

export const centersApprovalHandlers: ApprovalHandlers = { LICENSE_DECISION: licenseDecisionHandler };
