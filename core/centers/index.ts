import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { applyForLicense } from './apply-for-license.ts';
import { createCounty } from './create-county.ts';
import { dissolveCenter } from './dissolve-center.ts';
import { expireLicenses } from './expire-licenses.ts';
import { findLicensedCenter } from './find-licensed-center.ts';
import { getCenterLicense } from './get-center-license.ts';
import { getCenterPoster } from './get-center-poster.ts';
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
import { recordCenterAccount, updateCenter } from './update-center.ts';

export function centersUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    createCounty,
    applyForLicense,
    updateCenter,
    recordCenterAccount,
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
    getCenterPoster,
    getCenterLicense,
    listCenterCounties,
    recordInspection,
    proposeLicenseDecision,
  });
}

export const centersApprovalHandlers: ApprovalHandlers = { LICENSE_DECISION: licenseDecisionHandler };
