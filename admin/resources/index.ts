/**
 * The panel's resources, one file per model (<model>.resource.ts), each served by the
 * scoped data layer (scoped-resource.ts) under the access rules of admin/access.ts.
 */
import type { ResourceWithOptions } from 'adminjs';
import { ADMIN_RESOURCES, type AdminResource } from '../access.ts';
import { approvalRequestResource } from './approval-request.resource.ts';
import { archiveDocumentResource } from './archive-document.resource.ts';
import { auditLogResource } from './audit-log.resource.ts';
import { beneficiaryNeedResource } from './beneficiary-need.resource.ts';
import { beneficiaryResource } from './beneficiary.resource.ts';
import { broadcastResource } from './broadcast.resource.ts';
import { centerResource } from './center.resource.ts';
import { countyResource } from './county.resource.ts';
import type { DefineContext, ResourceDeps } from './define.ts';
import { distributionResource } from './distribution.resource.ts';
import { donationResource } from './donation.resource.ts';
import { donorResource } from './donor.resource.ts';
import { employmentPlanResource } from './employment-plan.resource.ts';
import { feedbackResource } from './feedback.resource.ts';
import { inspectionResource } from './inspection.resource.ts';
import { minutesResource } from './minutes.resource.ts';
import { networkMembershipResource } from './network-membership.resource.ts';
import { networkResource } from './network.resource.ts';
import { outboxMessageResource } from './outbox-message.resource.ts';
import { personResource } from './person.resource.ts';
import { pledgeResource } from './pledge.resource.ts';
import { provinceResource } from './province.resource.ts';
import { staffUserResource } from './staff-user.resource.ts';
import { taskTemplateResource } from './task-template.resource.ts';
import { trusteeMembershipResource } from './trustee-membership.resource.ts';
import { trusteeTaskResource } from './trustee-task.resource.ts';
import { volunteerResource } from './volunteer.resource.ts';

export type { ComponentIds, ResourceDeps } from './define.ts';

const BUILDERS: Record<AdminResource, (ctx: DefineContext) => ResourceWithOptions> = {
  Province: provinceResource,
  County: countyResource,
  Center: centerResource,
  Person: personResource,
  TrusteeMembership: trusteeMembershipResource,
  Volunteer: volunteerResource,
  Network: networkResource,
  NetworkMembership: networkMembershipResource,
  Donor: donorResource,
  Pledge: pledgeResource,
  Donation: donationResource,
  Distribution: distributionResource,
  Beneficiary: beneficiaryResource,
  BeneficiaryNeed: beneficiaryNeedResource,
  EmploymentPlan: employmentPlanResource,
  TrusteeTask: trusteeTaskResource,
  TaskTemplate: taskTemplateResource,
  Minutes: minutesResource,
  ArchiveDocument: archiveDocumentResource,
  Feedback: feedbackResource,
  ApprovalRequest: approvalRequestResource,
  Inspection: inspectionResource,
  StaffUser: staffUserResource,
  AuditLog: auditLogResource,
  OutboxMessage: outboxMessageResource,
  Broadcast: broadcastResource,
};

export function buildResources(deps: ResourceDeps): ResourceWithOptions[] {
  const enums = new Map(deps.clientModule.Prisma.dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)] as const));
  const ctx: DefineContext = { deps, registered: new Set<string>(ADMIN_RESOURCES), enums };
  return ADMIN_RESOURCES.map((name) => BUILDERS[name](ctx));
}
