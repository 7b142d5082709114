/**
 * A center's life in the panel, each a core use-case: county staff register a center
 * (its application) and propose license decisions; the province office issues the license
 * or rejects the application, renews, suspends, reinstates, revokes and dissolves it, and
 * inspectors record inspections whose outcome the license follows. Which records offer
 * which button follows core's own table of license transitions.
 */
import type { Action, ActionResponse } from 'adminjs';
import type { LicenseState } from '../../../prisma/generated/client/client.ts';
import { applyForLicenseInput } from '../../../core/centers/apply-for-license.ts';
import { dissolveCenterInput } from '../../../core/centers/dissolve-center.ts';
import { issueLicenseInput } from '../../../core/centers/issue-license.ts';
import { LICENSE_TRANSITIONS, type TransitionKind } from '../../../core/centers/license-transition.ts';
import { proposeLicenseDecisionInput } from '../../../core/centers/propose-license-decision.ts';
import { recordInspectionInput } from '../../../core/centers/record-inspection.ts';
import { reinstateLicenseInput } from '../../../core/centers/reinstate-license.ts';
import { rejectApplicationInput } from '../../../core/centers/reject-application.ts';
import { renewLicenseInput } from '../../../core/centers/renew-license.ts';
import { revokeLicenseInput } from '../../../core/centers/revoke-license.ts';
import { suspendLicenseInput } from '../../../core/centers/suspend-license.ts';
import { recordCenterAccountInput, updateCenterInput } from '../../../core/centers/update-center.ts';
import { setPaymentSettingInput } from '../../../core/payments/set-payment-setting.ts';
import type { DefineContext } from '../define.ts';
import { coreAction } from './core-action.ts';

/** Centers whose license may take this step (core's transition table). */
const canTake = (kind: TransitionKind) => (center: Record<string, unknown>) =>
  LICENSE_TRANSITIONS[kind].from.includes(center.licenseState as LicenseState);

const REASON = ['reason', 'assetHandover'] as const;

export function centerActions(ctx: DefineContext): Record<string, Partial<Action<ActionResponse>>> {
  const center = { resource: 'Center', record: 'centerId', multiline: [...REASON] } as const;
  return {
    registerCenter: coreAction(ctx, {
      resource: 'Center',
      name: 'registerCenter',
      icon: 'Plus',
      variant: 'primary',
      input: applyForLicenseInput,
      useCase: (core) => core.centers.applyForLicense,
      policy: 'center.apply',
      relations: { countyId: 'County' },
      multiline: ['address', 'activityArea'],
    }),
    // The description (name, mosque, activity area and its map) and Imdad's own records of
    // the center are edited through core; the license only through the decisions below.
    updateCenter: coreAction(ctx, {
      resource: 'Center',
      name: 'updateCenter',
      record: 'centerId',
      input: updateCenterInput,
      useCase: (core) => core.centers.updateCenter,
      policy: 'center.update',
      prefill: true,
      multiline: ['address', 'activityArea'],
    }),
    recordCenterAccount: coreAction(ctx, {
      resource: 'Center',
      name: 'recordCenterAccount',
      icon: 'CreditCard',
      record: 'centerId',
      input: recordCenterAccountInput,
      useCase: (core) => core.centers.recordCenterAccount,
      policy: 'center.recordAccount',
      prefill: true,
    }),
    // Payments in the chat go to the card of that same Sandogh account: recorded by the same offices.
    setPaymentSetting: coreAction(ctx, {
      resource: 'Center',
      name: 'setPaymentSetting',
      icon: 'DollarSign',
      record: 'centerId',
      input: setPaymentSettingInput,
      useCase: (core) => core.payments.setPaymentSetting,
      policy: 'center.recordAccount',
      records: (center) => typeof center.sandoghAccountNo === 'string' && center.sandoghAccountNo !== '',
    }),
    issueLicense: coreAction(ctx, {
      ...center,
      name: 'issueLicense',
      icon: 'Award',
      variant: 'success',
      input: issueLicenseInput,
      useCase: (core) => core.centers.issueLicense,
      policy: 'license.decide',
      records: canTake('ISSUED'),
    }),
    rejectApplication: coreAction(ctx, {
      ...center,
      name: 'rejectApplication',
      icon: 'X',
      variant: 'danger',
      input: rejectApplicationInput,
      useCase: (core) => core.centers.rejectApplication,
      policy: 'license.decide',
      records: canTake('REJECTED'),
    }),
    renewLicense: coreAction(ctx, {
      ...center,
      name: 'renewLicense',
      icon: 'RefreshCw',
      input: renewLicenseInput,
      useCase: (core) => core.centers.renewLicense,
      policy: 'license.decide',
      records: canTake('RENEWED'),
    }),
    suspendLicense: coreAction(ctx, {
      ...center,
      name: 'suspendLicense',
      icon: 'PauseCircle',
      variant: 'danger',
      input: suspendLicenseInput,
      useCase: (core) => core.centers.suspendLicense,
      policy: 'license.decide',
      records: canTake('SUSPENDED'),
    }),
    reinstateLicense: coreAction(ctx, {
      ...center,
      name: 'reinstateLicense',
      icon: 'PlayCircle',
      variant: 'success',
      input: reinstateLicenseInput,
      useCase: (core) => core.centers.reinstateLicense,
      policy: 'license.decide',
      records: canTake('REINSTATED'),
    }),
    revokeLicense: coreAction(ctx, {
      ...center,
      name: 'revokeLicense',
      icon: 'Slash',
      variant: 'danger',
      input: revokeLicenseInput,
      useCase: (core) => core.centers.revokeLicense,
      policy: 'license.decide',
      records: canTake('REVOKED'),
    }),
    dissolveCenter: coreAction(ctx, {
      ...center,
      name: 'dissolveCenter',
      icon: 'Archive',
      variant: 'danger',
      input: dissolveCenterInput,
      useCase: (core) => core.centers.dissolveCenter,
      policy: 'license.decide',
      records: canTake('DISSOLVED'),
    }),
    // County offices propose; the province office decides the request (ApprovalRequest: approve / reject).
    proposeLicenseDecision: coreAction(ctx, {
      ...center,
      name: 'proposeLicenseDecision',
      icon: 'Send',
      input: proposeLicenseDecisionInput,
      useCase: (core) => core.centers.proposeLicenseDecision,
      policy: 'license.propose',
      records: (c) => Object.values(LICENSE_TRANSITIONS).some((t) => t.from.includes(c.licenseState as LicenseState)),
      redirect: (r) => ({ resource: 'ApprovalRequest', id: r.requestId }),
    }),
    recordInspection: coreAction(ctx, {
      ...center,
      name: 'recordInspection',
      icon: 'ClipboardCheck',
      labels: 'Inspection',
      input: recordInspectionInput,
      useCase: (core) => core.centers.recordInspection,
      policy: 'inspection.record',
      multiline: ['findings', 'recommendations', 'outcomeReason'],
      relations: { feedbackId: { resource: 'Feedback', filter: (c) => ({ center: String(c.id) }) } },
      redirect: (r) => ({ resource: 'Inspection', id: r.inspectionId }),
    }),
  };
}
