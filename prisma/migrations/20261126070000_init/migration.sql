-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "BeneficiaryState" AS ENUM ('ACTIVE', 'SELF_SUFFICIENT', 'CLOSED');

-- CreateEnum
CREATE TYPE "NeedCategory" AS ENUM ('FOOD', 'CLOTHING', 'HOUSEHOLD_GOODS', 'HOUSING', 'HEALTH', 'EDUCATION', 'EMPLOYMENT', 'DOWRY_MARRIAGE', 'ORPHAN_SUPPORT', 'DEBT_LOAN', 'LEGAL', 'COUNSELING', 'OTHER');

-- CreateEnum
CREATE TYPE "NeedPriority" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "NeedState" AS ENUM ('OPEN', 'IN_PROGRESS', 'MET', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DistributionState" AS ENUM ('PENDING_APPROVAL', 'APPROVED', 'DISTRIBUTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EmploymentPlanKind" AS ENUM ('JOB_PLACEMENT', 'SELF_EMPLOYMENT', 'HOME_BUSINESS', 'TRAINING');

-- CreateEnum
CREATE TYPE "EmploymentPlanState" AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "FollowUpOutcome" AS ENUM ('ON_TRACK', 'NEEDS_HELP', 'EMPLOYED', 'SELF_SUFFICIENT', 'DROPPED');

-- CreateEnum
CREATE TYPE "HostType" AS ENUM ('MOSQUE', 'SCHOOL', 'OFFICE', 'BUSINESS', 'CLINIC', 'UNIVERSITY', 'OTHER');

-- CreateEnum
CREATE TYPE "AreaKind" AS ENUM ('ADVANTAGED', 'LESS_PRIVILEGED');

-- CreateEnum
CREATE TYPE "LicenseState" AS ENUM ('APPLIED', 'REJECTED', 'LICENSED', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'DISSOLVED');

-- CreateEnum
CREATE TYPE "LicenseEventKind" AS ENUM ('APPLIED', 'REJECTED', 'ISSUED', 'RENEWED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'EXPIRED', 'DISSOLVED');

-- CreateEnum
CREATE TYPE "DonorType" AS ENUM ('NATURAL', 'LEGAL');

-- CreateEnum
CREATE TYPE "Fund" AS ENUM ('ZAKAT', 'FITRIYEH', 'SADAQA', 'KAFFARA', 'NAZR', 'RADD_MAZALEM', 'GENERAL', 'ORPHANS', 'DOWRY', 'QARD_AL_HASAN', 'EMPLOYMENT', 'HEALTH', 'HOUSING', 'EDUCATION');

-- CreateEnum
CREATE TYPE "AidKind" AS ENUM ('CASH', 'IN_KIND', 'SERVICE');

-- CreateEnum
CREATE TYPE "PledgeSchedule" AS ENUM ('ONE_TIME', 'MONTHLY');

-- CreateEnum
CREATE TYPE "PledgeState" AS ENUM ('ACTIVE', 'FULFILLED', 'CANCELLED', 'LAPSED');

-- CreateEnum
CREATE TYPE "InstallmentState" AS ENUM ('PENDING', 'PARTIAL', 'PAID', 'MISSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DonationState" AS ENUM ('REPORTED', 'CONFIRMED', 'REJECTED', 'REVERSED');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('TELEGRAM', 'BALE');

-- CreateEnum
CREATE TYPE "ApprovalKind" AS ENUM ('DONATION_CONFIRMATION', 'VOLUNTEER_VETTING', 'TRUSTEE_APPOINTMENT', 'LICENSE_DECISION', 'DISTRIBUTION', 'ARCHIVE_DESTRUCTION', 'DONOR_MERGE');

-- CreateEnum
CREATE TYPE "ApprovalState" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('STAFF', 'TRUSTEE', 'DONOR', 'VOLUNTEER', 'SYSTEM');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'COUNTY_STAFF', 'AUDITOR', 'CENTER_TRUSTEE');

-- CreateEnum
CREATE TYPE "TrusteeRole" AS ENUM ('CHAIR', 'VICE_CHAIR', 'ADMIN_FINANCE', 'DONORS_MEN', 'DONORS_WOMEN', 'ORGANIZATIONS', 'PUBLIC_PARTICIPATION', 'ORPHANS', 'DOWRY_MARRIAGE', 'QARD_AL_HASAN', 'SOCIAL_WORK', 'EMPLOYMENT', 'CULTURE_EDUCATION', 'HEALTH', 'HOUSING', 'PUBLIC_RELATIONS');

-- CreateEnum
CREATE TYPE "TrusteeState" AS ENUM ('PROPOSED', 'VETTING', 'APPOINTED', 'ENDED', 'REJECTED');

-- CreateEnum
CREATE TYPE "VolunteerState" AS ENUM ('APPLIED', 'VETTING', 'ACTIVE', 'INACTIVE', 'REJECTED');

-- CreateEnum
CREATE TYPE "VolunteerKind" AS ENUM ('RELIEF_VOLUNTEER', 'HONORARY_STAFF');

-- CreateEnum
CREATE TYPE "NetworkKind" AS ENUM ('ENTREPRENEURSHIP_EMPLOYMENT', 'CULTURE_EDUCATION', 'LEGAL_SERVICES', 'HOUSING_CONSTRUCTION', 'SUPPORT_HEALTH', 'PUBLIC_PARTICIPATION');

-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('OPEN', 'SNOOZED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ArchiveDocumentKind" AS ENUM ('FINANCIAL', 'ADMINISTRATIVE', 'MINUTES', 'DECREE', 'CORRESPONDENCE', 'BENEFICIARY_FILE', 'TRUSTEE_FILE', 'VOLUNTEER_FILE', 'OTHER');

-- CreateEnum
CREATE TYPE "ArchiveState" AS ENUM ('KEPT', 'DESTRUCTION_REQUESTED', 'DESTROYED');

-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('ROUTINE', 'COMPLAINT', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "InspectionOutcome" AS ENUM ('RENEW', 'WARN', 'SUSPEND', 'REVOKE');

-- CreateEnum
CREATE TYPE "FeedbackKind" AS ENUM ('SUGGESTION', 'CRITICISM', 'COMPLAINT', 'PRAISE', 'SUCCESS_STORY');

-- CreateEnum
CREATE TYPE "FeedbackState" AS ENUM ('NEW', 'IN_REVIEW', 'RESOLVED', 'DISMISSED');

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "referenceCode" TEXT NOT NULL,
    "headName" TEXT NOT NULL,
    "headNationalId" TEXT,
    "headGender" "Gender",
    "phone" TEXT,
    "address" TEXT,
    "membersCount" INTEGER NOT NULL,
    "employmentCapabilities" TEXT,
    "consentGiven" BOOLEAN NOT NULL DEFAULT false,
    "consentAt" TIMESTAMP(3),
    "imdadCaseNo" TEXT,
    "state" "BeneficiaryState" NOT NULL DEFAULT 'ACTIVE',
    "selfSufficientAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BeneficiaryNeed" (
    "id" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "category" "NeedCategory" NOT NULL,
    "priority" "NeedPriority" NOT NULL DEFAULT 'MEDIUM',
    "state" "NeedState" NOT NULL DEFAULT 'OPEN',
    "description" TEXT,
    "estimatedCostRial" BIGINT,
    "routedNetworkId" TEXT,
    "routedAt" TIMESTAMP(3),
    "metAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BeneficiaryNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Distribution" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "needId" TEXT,
    "fund" "Fund" NOT NULL,
    "kind" "AidKind" NOT NULL,
    "state" "DistributionState" NOT NULL DEFAULT 'PENDING_APPROVAL',
    "amountRial" BIGINT,
    "itemDescription" TEXT,
    "quantity" INTEGER,
    "unit" TEXT,
    "estimatedValueRial" BIGINT,
    "serviceDescription" TEXT,
    "serviceHours" INTEGER,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "distributedById" TEXT,
    "distributedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Distribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmploymentPlan" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "kind" "EmploymentPlanKind" NOT NULL,
    "state" "EmploymentPlanState" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "description" TEXT,
    "capitalNeededRial" BIGINT,
    "fundingFund" "Fund",
    "mentorVolunteerId" TEXT,
    "networkId" TEXT,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmploymentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmploymentFollowUp" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "followedUpAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,
    "outcome" "FollowUpOutcome" NOT NULL,
    "note" TEXT,
    "nextFollowUpOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmploymentFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Province" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "County" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "County_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Center" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "activityCode" TEXT,
    "hostType" "HostType" NOT NULL,
    "hostName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "activityArea" TEXT NOT NULL,
    "activityAreaBoundary" JSONB,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "areaKind" "AreaKind",
    "licenseState" "LicenseState" NOT NULL DEFAULT 'APPLIED',
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "licensedAt" TIMESTAMP(3),
    "lastRenewedAt" TIMESTAMP(3),
    "licenseExpiresOn" DATE,
    "suspendedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "expiredAt" TIMESTAMP(3),
    "dissolvedAt" TIMESTAMP(3),
    "sandoghAccountNo" TEXT,
    "sandoghSheba" TEXT,
    "sandoghBranch" TEXT,
    "sandoghIntroLetterNo" TEXT,
    "sandoghAccountOpenedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Center_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CenterLicenseEvent" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "kind" "LicenseEventKind" NOT NULL,
    "fromState" "LicenseState",
    "toState" "LicenseState" NOT NULL,
    "activityCode" TEXT,
    "validUntil" DATE,
    "letterNo" TEXT,
    "reason" TEXT,
    "assetHandover" TEXT,
    "inspectionId" TEXT,
    "approvalRequestId" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CenterLicenseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Donor" (
    "id" TEXT NOT NULL,
    "type" "DonorType" NOT NULL,
    "personId" TEXT,
    "organizationName" TEXT,
    "organizationRegNo" TEXT,
    "contactPersonId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "recruitedByCenterId" TEXT,
    "mergedIntoId" TEXT,
    "mergedAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Donor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "donorId" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "kind" "AidKind" NOT NULL,
    "fund" "Fund" NOT NULL,
    "amountRial" BIGINT,
    "itemDescription" TEXT,
    "quantity" INTEGER,
    "unit" TEXT,
    "estimatedValueRial" BIGINT,
    "serviceDescription" TEXT,
    "serviceHours" INTEGER,
    "schedule" "PledgeSchedule" NOT NULL DEFAULT 'ONE_TIME',
    "installmentCount" INTEGER NOT NULL DEFAULT 1,
    "firstDueOn" DATE NOT NULL,
    "state" "PledgeState" NOT NULL DEFAULT 'ACTIVE',
    "fulfilledAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "lapsedAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeInstallment" (
    "id" TEXT NOT NULL,
    "pledgeId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "dueOn" DATE NOT NULL,
    "scheduledAmountRial" BIGINT,
    "paidAmountRial" BIGINT NOT NULL DEFAULT 0,
    "state" "InstallmentState" NOT NULL DEFAULT 'PENDING',
    "reminderCount" INTEGER NOT NULL DEFAULT 0,
    "lastRemindedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PledgeInstallment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Donation" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "donorId" TEXT,
    "pledgeId" TEXT,
    "installmentId" TEXT,
    "kind" "AidKind" NOT NULL,
    "fund" "Fund" NOT NULL,
    "state" "DonationState" NOT NULL DEFAULT 'REPORTED',
    "amountRial" BIGINT,
    "sandoghAccountNo" TEXT,
    "itemDescription" TEXT,
    "quantity" INTEGER,
    "unit" TEXT,
    "estimatedValueRial" BIGINT,
    "serviceDescription" TEXT,
    "serviceHours" INTEGER,
    "receiptFileId" TEXT,
    "traceNumber" TEXT,
    "cardLast4" TEXT,
    "paidAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receiptNo" INTEGER,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "rejectedAt" TIMESTAMP(3),
    "rejectedById" TEXT,
    "rejectReason" TEXT,
    "reversesId" TEXT,
    "reversalReason" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "reportedViaChatAccountId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Donation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceiptCounter" (
    "centerId" TEXT NOT NULL,
    "lastNo" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReceiptCounter_pkey" PRIMARY KEY ("centerId")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "gender" "Gender",
    "nationalId" TEXT,
    "mobile" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatAccount" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "externalUserId" TEXT NOT NULL,
    "chatId" TEXT,
    "personId" TEXT,
    "username" TEXT,
    "displayName" TEXT,
    "language" TEXT NOT NULL DEFAULT 'fa',
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "blockedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalRequest" (
    "id" TEXT NOT NULL,
    "kind" "ApprovalKind" NOT NULL,
    "state" "ApprovalState" NOT NULL DEFAULT 'PENDING',
    "targetEntity" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "payload" JSONB,
    "centerId" TEXT,
    "countyId" TEXT,
    "deciderStaffRole" "StaffRole",
    "deciderTrusteeRole" "TrusteeRole",
    "requestedById" TEXT,
    "requestReason" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApprovalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "chatAccountId" TEXT NOT NULL,
    "botId" TEXT,
    "template" TEXT NOT NULL,
    "params" JSONB,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "platform" "Platform" NOT NULL,
    "botId" TEXT NOT NULL,
    "updateId" BIGINT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedUpdate_pkey" PRIMARY KEY ("platform","botId","updateId")
);

-- CreateTable
CREATE TABLE "BotSession" (
    "platform" "Platform" NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BotSession_pkey" PRIMARY KEY ("platform","key")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "provinceId" TEXT,
    "countyId" TEXT,
    "centerId" TEXT,
    "trusteeMembershipId" TEXT,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMP(3),
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lastFailedLoginAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminSession" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT,
    "data" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdminSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrusteeMembership" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "TrusteeRole" NOT NULL,
    "state" "TrusteeState" NOT NULL DEFAULT 'PROPOSED',
    "decreeNo" TEXT,
    "decreeDate" DATE,
    "termEndsOn" DATE,
    "appointedById" TEXT,
    "approvedById" TEXT,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "vettingStartedAt" TIMESTAMP(3),
    "selectionClearedAt" TIMESTAMP(3),
    "securityClearedAt" TIMESTAMP(3),
    "appointedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "rejectedAt" TIMESTAMP(3),
    "rejectReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrusteeMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrusteeLinkCode" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedByChatAccountId" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrusteeLinkCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Volunteer" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "kind" "VolunteerKind" NOT NULL DEFAULT 'RELIEF_VOLUNTEER',
    "state" "VolunteerState" NOT NULL DEFAULT 'APPLIED',
    "skills" TEXT[],
    "availability" TEXT,
    "serviceForService" BOOLEAN NOT NULL DEFAULT false,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "vettingStartedAt" TIMESTAMP(3),
    "selectionClearedAt" TIMESTAMP(3),
    "securityClearedAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "deactivatedAt" TIMESTAMP(3),
    "rejectReason" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Volunteer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Network" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "kind" "NetworkKind" NOT NULL,
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMembership" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "volunteerId" TEXT,
    "donorId" TEXT,
    "isCoordinator" BOOLEAN NOT NULL DEFAULT false,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskTemplate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "role" "TrusteeRole" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "rrule" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrusteeTask" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "templateId" TEXT,
    "periodKey" TEXT,
    "assigneeRole" "TrusteeRole",
    "assigneeMembershipId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "rrule" TEXT,
    "state" "TaskState" NOT NULL DEFAULT 'OPEN',
    "snoozedUntil" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "reminderCount" INTEGER NOT NULL DEFAULT 0,
    "lastRemindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrusteeTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Minutes" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "meetingAt" TIMESTAMP(3) NOT NULL,
    "title" TEXT NOT NULL,
    "location" TEXT,
    "attendees" TEXT,
    "agenda" TEXT,
    "decisions" TEXT NOT NULL,
    "fileRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveDocument" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "kind" "ArchiveDocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "referenceNo" TEXT,
    "documentDate" DATE,
    "fileRef" TEXT,
    "physicalLocation" TEXT,
    "submittedToImdadAt" TIMESTAMP(3),
    "state" "ArchiveState" NOT NULL DEFAULT 'KEPT',
    "destructionApprovalId" TEXT,
    "destroyedAt" TIMESTAMP(3),
    "destroyedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArchiveDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "inspectorId" TEXT NOT NULL,
    "kind" "InspectionKind" NOT NULL DEFAULT 'ROUTINE',
    "feedbackId" TEXT,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "findings" TEXT NOT NULL,
    "recommendations" TEXT,
    "outcome" "InspectionOutcome",
    "outcomeReason" TEXT,
    "concludedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "kind" "FeedbackKind" NOT NULL,
    "countyId" TEXT NOT NULL,
    "centerId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "authorPersonId" TEXT,
    "authorChatAccountId" TEXT,
    "body" TEXT NOT NULL,
    "state" "FeedbackState" NOT NULL DEFAULT 'NEW',
    "assignedToId" TEXT,
    "response" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_referenceCode_key" ON "Beneficiary"("referenceCode");

-- CreateIndex
CREATE INDEX "Beneficiary_centerId_state_idx" ON "Beneficiary"("centerId", "state");

-- CreateIndex
CREATE INDEX "Beneficiary_headNationalId_idx" ON "Beneficiary"("headNationalId");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_centerId_headNationalId_key" ON "Beneficiary"("centerId", "headNationalId");

-- CreateIndex
CREATE INDEX "BeneficiaryNeed_beneficiaryId_state_idx" ON "BeneficiaryNeed"("beneficiaryId", "state");

-- CreateIndex
CREATE INDEX "BeneficiaryNeed_routedNetworkId_state_idx" ON "BeneficiaryNeed"("routedNetworkId", "state");

-- CreateIndex
CREATE INDEX "BeneficiaryNeed_state_priority_idx" ON "BeneficiaryNeed"("state", "priority");

-- CreateIndex
CREATE INDEX "Distribution_centerId_fund_state_idx" ON "Distribution"("centerId", "fund", "state");

-- CreateIndex
CREATE INDEX "Distribution_centerId_distributedAt_idx" ON "Distribution"("centerId", "distributedAt");

-- CreateIndex
CREATE INDEX "Distribution_distributedAt_idx" ON "Distribution"("distributedAt");

-- CreateIndex
CREATE INDEX "Distribution_beneficiaryId_createdAt_idx" ON "Distribution"("beneficiaryId", "createdAt");

-- CreateIndex
CREATE INDEX "Distribution_needId_idx" ON "Distribution"("needId");

-- CreateIndex
CREATE INDEX "Distribution_approvedById_idx" ON "Distribution"("approvedById");

-- CreateIndex
CREATE INDEX "Distribution_distributedById_idx" ON "Distribution"("distributedById");

-- CreateIndex
CREATE INDEX "EmploymentPlan_centerId_state_idx" ON "EmploymentPlan"("centerId", "state");

-- CreateIndex
CREATE INDEX "EmploymentPlan_beneficiaryId_idx" ON "EmploymentPlan"("beneficiaryId");

-- CreateIndex
CREATE INDEX "EmploymentPlan_mentorVolunteerId_idx" ON "EmploymentPlan"("mentorVolunteerId");

-- CreateIndex
CREATE INDEX "EmploymentPlan_networkId_idx" ON "EmploymentPlan"("networkId");

-- CreateIndex
CREATE INDEX "EmploymentFollowUp_planId_followedUpAt_idx" ON "EmploymentFollowUp"("planId", "followedUpAt");

-- CreateIndex
CREATE INDEX "EmploymentFollowUp_recordedById_idx" ON "EmploymentFollowUp"("recordedById");

-- CreateIndex
CREATE INDEX "EmploymentFollowUp_nextFollowUpOn_idx" ON "EmploymentFollowUp"("nextFollowUpOn");

-- CreateIndex
CREATE UNIQUE INDEX "Province_name_key" ON "Province"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Province_code_key" ON "Province"("code");

-- CreateIndex
CREATE UNIQUE INDEX "County_code_key" ON "County"("code");

-- CreateIndex
CREATE UNIQUE INDEX "County_provinceId_name_key" ON "County"("provinceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Center_activityCode_key" ON "Center"("activityCode");

-- CreateIndex
CREATE UNIQUE INDEX "Center_sandoghAccountNo_key" ON "Center"("sandoghAccountNo");

-- CreateIndex
CREATE UNIQUE INDEX "Center_sandoghSheba_key" ON "Center"("sandoghSheba");

-- CreateIndex
CREATE INDEX "Center_countyId_idx" ON "Center"("countyId");

-- CreateIndex
CREATE INDEX "Center_countyId_licenseState_idx" ON "Center"("countyId", "licenseState");

-- CreateIndex
CREATE INDEX "Center_licenseState_idx" ON "Center"("licenseState");

-- CreateIndex
CREATE INDEX "Center_licenseExpiresOn_idx" ON "Center"("licenseExpiresOn");

-- CreateIndex
CREATE INDEX "CenterLicenseEvent_centerId_at_idx" ON "CenterLicenseEvent"("centerId", "at");

-- CreateIndex
CREATE INDEX "CenterLicenseEvent_inspectionId_idx" ON "CenterLicenseEvent"("inspectionId");

-- CreateIndex
CREATE INDEX "CenterLicenseEvent_approvalRequestId_idx" ON "CenterLicenseEvent"("approvalRequestId");

-- CreateIndex
CREATE INDEX "CenterLicenseEvent_actorId_idx" ON "CenterLicenseEvent"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "Donor_personId_key" ON "Donor"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Donor_organizationRegNo_key" ON "Donor"("organizationRegNo");

-- CreateIndex
CREATE INDEX "Donor_contactPersonId_idx" ON "Donor"("contactPersonId");

-- CreateIndex
CREATE INDEX "Donor_recruitedByCenterId_createdAt_idx" ON "Donor"("recruitedByCenterId", "createdAt");

-- CreateIndex
CREATE INDEX "Donor_mergedIntoId_idx" ON "Donor"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Donor_createdAt_idx" ON "Donor"("createdAt");

-- CreateIndex
CREATE INDEX "Pledge_donorId_state_idx" ON "Pledge"("donorId", "state");

-- CreateIndex
CREATE INDEX "Pledge_centerId_state_idx" ON "Pledge"("centerId", "state");

-- CreateIndex
CREATE INDEX "PledgeInstallment_state_dueOn_idx" ON "PledgeInstallment"("state", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "PledgeInstallment_pledgeId_seq_key" ON "PledgeInstallment"("pledgeId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_reversesId_key" ON "Donation"("reversesId");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_idempotencyKey_key" ON "Donation"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Donation_centerId_state_idx" ON "Donation"("centerId", "state");

-- CreateIndex
CREATE INDEX "Donation_centerId_paidAt_idx" ON "Donation"("centerId", "paidAt");

-- CreateIndex
CREATE INDEX "Donation_centerId_fund_state_idx" ON "Donation"("centerId", "fund", "state");

-- CreateIndex
CREATE INDEX "Donation_paidAt_idx" ON "Donation"("paidAt");

-- CreateIndex
CREATE INDEX "Donation_state_createdAt_idx" ON "Donation"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Donation_donorId_paidAt_idx" ON "Donation"("donorId", "paidAt");

-- CreateIndex
CREATE INDEX "Donation_pledgeId_idx" ON "Donation"("pledgeId");

-- CreateIndex
CREATE INDEX "Donation_installmentId_idx" ON "Donation"("installmentId");

-- CreateIndex
CREATE INDEX "Donation_confirmedById_idx" ON "Donation"("confirmedById");

-- CreateIndex
CREATE INDEX "Donation_rejectedById_idx" ON "Donation"("rejectedById");

-- CreateIndex
CREATE INDEX "Donation_reportedViaChatAccountId_idx" ON "Donation"("reportedViaChatAccountId");

-- CreateIndex
CREATE INDEX "Donation_traceNumber_idx" ON "Donation"("traceNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_centerId_receiptNo_key" ON "Donation"("centerId", "receiptNo");

-- CreateIndex
CREATE UNIQUE INDEX "Person_nationalId_key" ON "Person"("nationalId");

-- CreateIndex
CREATE INDEX "Person_mobile_idx" ON "Person"("mobile");

-- CreateIndex
CREATE INDEX "Person_lastName_firstName_idx" ON "Person"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "ChatAccount_personId_idx" ON "ChatAccount"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatAccount_platform_externalUserId_key" ON "ChatAccount"("platform", "externalUserId");

-- CreateIndex
CREATE INDEX "ApprovalRequest_countyId_state_requestedAt_idx" ON "ApprovalRequest"("countyId", "state", "requestedAt");

-- CreateIndex
CREATE INDEX "ApprovalRequest_centerId_state_idx" ON "ApprovalRequest"("centerId", "state");

-- CreateIndex
CREATE INDEX "ApprovalRequest_state_kind_requestedAt_idx" ON "ApprovalRequest"("state", "kind", "requestedAt");

-- CreateIndex
CREATE INDEX "ApprovalRequest_targetEntity_targetId_idx" ON "ApprovalRequest"("targetEntity", "targetId");

-- CreateIndex
CREATE INDEX "ApprovalRequest_requestedById_idx" ON "ApprovalRequest"("requestedById");

-- CreateIndex
CREATE INDEX "ApprovalRequest_decidedById_idx" ON "ApprovalRequest"("decidedById");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorType_actorId_idx" ON "AuditLog"("actorType", "actorId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_chatAccountId_idx" ON "OutboxMessage"("chatAccountId");

-- CreateIndex
CREATE INDEX "ProcessedUpdate_processedAt_idx" ON "ProcessedUpdate"("processedAt");

-- CreateIndex
CREATE INDEX "BotSession_expiresAt_idx" ON "BotSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_username_key" ON "StaffUser"("username");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_trusteeMembershipId_key" ON "StaffUser"("trusteeMembershipId");

-- CreateIndex
CREATE INDEX "StaffUser_personId_idx" ON "StaffUser"("personId");

-- CreateIndex
CREATE INDEX "StaffUser_provinceId_idx" ON "StaffUser"("provinceId");

-- CreateIndex
CREATE INDEX "StaffUser_countyId_role_idx" ON "StaffUser"("countyId", "role");

-- CreateIndex
CREATE INDEX "StaffUser_centerId_idx" ON "StaffUser"("centerId");

-- CreateIndex
CREATE INDEX "AdminSession_staffUserId_idx" ON "AdminSession"("staffUserId");

-- CreateIndex
CREATE INDEX "AdminSession_expiresAt_idx" ON "AdminSession"("expiresAt");

-- CreateIndex
CREATE INDEX "TrusteeMembership_centerId_state_idx" ON "TrusteeMembership"("centerId", "state");

-- CreateIndex
CREATE INDEX "TrusteeMembership_centerId_role_state_idx" ON "TrusteeMembership"("centerId", "role", "state");

-- CreateIndex
CREATE INDEX "TrusteeMembership_personId_idx" ON "TrusteeMembership"("personId");

-- CreateIndex
CREATE INDEX "TrusteeMembership_appointedById_idx" ON "TrusteeMembership"("appointedById");

-- CreateIndex
CREATE INDEX "TrusteeMembership_approvedById_idx" ON "TrusteeMembership"("approvedById");

-- CreateIndex
CREATE INDEX "TrusteeMembership_state_proposedAt_idx" ON "TrusteeMembership"("state", "proposedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrusteeLinkCode_codeHash_key" ON "TrusteeLinkCode"("codeHash");

-- CreateIndex
CREATE INDEX "TrusteeLinkCode_membershipId_idx" ON "TrusteeLinkCode"("membershipId");

-- CreateIndex
CREATE INDEX "TrusteeLinkCode_usedByChatAccountId_idx" ON "TrusteeLinkCode"("usedByChatAccountId");

-- CreateIndex
CREATE INDEX "TrusteeLinkCode_createdById_idx" ON "TrusteeLinkCode"("createdById");

-- CreateIndex
CREATE INDEX "TrusteeLinkCode_expiresAt_idx" ON "TrusteeLinkCode"("expiresAt");

-- CreateIndex
CREATE INDEX "Volunteer_centerId_state_idx" ON "Volunteer"("centerId", "state");

-- CreateIndex
CREATE INDEX "Volunteer_state_appliedAt_idx" ON "Volunteer"("state", "appliedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Volunteer_personId_centerId_key" ON "Volunteer"("personId", "centerId");

-- CreateIndex
CREATE INDEX "Network_kind_idx" ON "Network"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Network_centerId_kind_key" ON "Network"("centerId", "kind");

-- CreateIndex
CREATE INDEX "NetworkMembership_volunteerId_idx" ON "NetworkMembership"("volunteerId");

-- CreateIndex
CREATE INDEX "NetworkMembership_donorId_idx" ON "NetworkMembership"("donorId");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkMembership_networkId_volunteerId_key" ON "NetworkMembership"("networkId", "volunteerId");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkMembership_networkId_donorId_key" ON "NetworkMembership"("networkId", "donorId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskTemplate_code_key" ON "TaskTemplate"("code");

-- CreateIndex
CREATE INDEX "TaskTemplate_role_active_idx" ON "TaskTemplate"("role", "active");

-- CreateIndex
CREATE INDEX "TrusteeTask_centerId_state_dueAt_idx" ON "TrusteeTask"("centerId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "TrusteeTask_state_dueAt_idx" ON "TrusteeTask"("state", "dueAt");

-- CreateIndex
CREATE INDEX "TrusteeTask_assigneeMembershipId_state_idx" ON "TrusteeTask"("assigneeMembershipId", "state");

-- CreateIndex
CREATE INDEX "TrusteeTask_completedById_idx" ON "TrusteeTask"("completedById");

-- CreateIndex
CREATE UNIQUE INDEX "TrusteeTask_templateId_centerId_periodKey_key" ON "TrusteeTask"("templateId", "centerId", "periodKey");

-- CreateIndex
CREATE INDEX "Minutes_centerId_meetingAt_idx" ON "Minutes"("centerId", "meetingAt");

-- CreateIndex
CREATE INDEX "ArchiveDocument_centerId_state_idx" ON "ArchiveDocument"("centerId", "state");

-- CreateIndex
CREATE INDEX "ArchiveDocument_centerId_kind_idx" ON "ArchiveDocument"("centerId", "kind");

-- CreateIndex
CREATE INDEX "ArchiveDocument_destructionApprovalId_idx" ON "ArchiveDocument"("destructionApprovalId");

-- CreateIndex
CREATE INDEX "ArchiveDocument_destroyedById_idx" ON "ArchiveDocument"("destroyedById");

-- CreateIndex
CREATE INDEX "Inspection_centerId_visitedAt_idx" ON "Inspection"("centerId", "visitedAt");

-- CreateIndex
CREATE INDEX "Inspection_inspectorId_idx" ON "Inspection"("inspectorId");

-- CreateIndex
CREATE INDEX "Inspection_feedbackId_idx" ON "Inspection"("feedbackId");

-- CreateIndex
CREATE INDEX "Inspection_outcome_idx" ON "Inspection"("outcome");

-- CreateIndex
CREATE INDEX "Feedback_countyId_state_createdAt_idx" ON "Feedback"("countyId", "state", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_centerId_createdAt_idx" ON "Feedback"("centerId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_authorPersonId_idx" ON "Feedback"("authorPersonId");

-- CreateIndex
CREATE INDEX "Feedback_authorChatAccountId_idx" ON "Feedback"("authorChatAccountId");

-- CreateIndex
CREATE INDEX "Feedback_assignedToId_state_idx" ON "Feedback"("assignedToId", "state");

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BeneficiaryNeed" ADD CONSTRAINT "BeneficiaryNeed_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BeneficiaryNeed" ADD CONSTRAINT "BeneficiaryNeed_routedNetworkId_fkey" FOREIGN KEY ("routedNetworkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_needId_fkey" FOREIGN KEY ("needId") REFERENCES "BeneficiaryNeed"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_distributedById_fkey" FOREIGN KEY ("distributedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentPlan" ADD CONSTRAINT "EmploymentPlan_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentPlan" ADD CONSTRAINT "EmploymentPlan_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentPlan" ADD CONSTRAINT "EmploymentPlan_mentorVolunteerId_fkey" FOREIGN KEY ("mentorVolunteerId") REFERENCES "Volunteer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentPlan" ADD CONSTRAINT "EmploymentPlan_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentFollowUp" ADD CONSTRAINT "EmploymentFollowUp_planId_fkey" FOREIGN KEY ("planId") REFERENCES "EmploymentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentFollowUp" ADD CONSTRAINT "EmploymentFollowUp_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "County" ADD CONSTRAINT "County_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Center" ADD CONSTRAINT "Center_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CenterLicenseEvent" ADD CONSTRAINT "CenterLicenseEvent_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CenterLicenseEvent" ADD CONSTRAINT "CenterLicenseEvent_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CenterLicenseEvent" ADD CONSTRAINT "CenterLicenseEvent_approvalRequestId_fkey" FOREIGN KEY ("approvalRequestId") REFERENCES "ApprovalRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CenterLicenseEvent" ADD CONSTRAINT "CenterLicenseEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donor" ADD CONSTRAINT "Donor_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donor" ADD CONSTRAINT "Donor_contactPersonId_fkey" FOREIGN KEY ("contactPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donor" ADD CONSTRAINT "Donor_recruitedByCenterId_fkey" FOREIGN KEY ("recruitedByCenterId") REFERENCES "Center"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donor" ADD CONSTRAINT "Donor_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Donor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Donor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeInstallment" ADD CONSTRAINT "PledgeInstallment_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Donor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_installmentId_fkey" FOREIGN KEY ("installmentId") REFERENCES "PledgeInstallment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_rejectedById_fkey" FOREIGN KEY ("rejectedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "Donation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_reportedViaChatAccountId_fkey" FOREIGN KEY ("reportedViaChatAccountId") REFERENCES "ChatAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceiptCounter" ADD CONSTRAINT "ReceiptCounter_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatAccount" ADD CONSTRAINT "ChatAccount_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_chatAccountId_fkey" FOREIGN KEY ("chatAccountId") REFERENCES "ChatAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_trusteeMembershipId_fkey" FOREIGN KEY ("trusteeMembershipId") REFERENCES "TrusteeMembership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminSession" ADD CONSTRAINT "AdminSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeMembership" ADD CONSTRAINT "TrusteeMembership_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeMembership" ADD CONSTRAINT "TrusteeMembership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeMembership" ADD CONSTRAINT "TrusteeMembership_appointedById_fkey" FOREIGN KEY ("appointedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeMembership" ADD CONSTRAINT "TrusteeMembership_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeLinkCode" ADD CONSTRAINT "TrusteeLinkCode_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "TrusteeMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeLinkCode" ADD CONSTRAINT "TrusteeLinkCode_usedByChatAccountId_fkey" FOREIGN KEY ("usedByChatAccountId") REFERENCES "ChatAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeLinkCode" ADD CONSTRAINT "TrusteeLinkCode_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Donor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeTask" ADD CONSTRAINT "TrusteeTask_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeTask" ADD CONSTRAINT "TrusteeTask_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "TaskTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeTask" ADD CONSTRAINT "TrusteeTask_assigneeMembershipId_fkey" FOREIGN KEY ("assigneeMembershipId") REFERENCES "TrusteeMembership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeTask" ADD CONSTRAINT "TrusteeTask_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveDocument" ADD CONSTRAINT "ArchiveDocument_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveDocument" ADD CONSTRAINT "ArchiveDocument_destructionApprovalId_fkey" FOREIGN KEY ("destructionApprovalId") REFERENCES "ApprovalRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveDocument" ADD CONSTRAINT "ArchiveDocument_destroyedById_fkey" FOREIGN KEY ("destroyedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorPersonId_fkey" FOREIGN KEY ("authorPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorChatAccountId_fkey" FOREIGN KEY ("authorChatAccountId") REFERENCES "ChatAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Hand-written: invariants Prisma's schema language cannot express
-- (listed at the top of each prisma/schema/*.prisma file).
-- ---------------------------------------------------------------------------
-- Database invariants that Prisma's schema language cannot express: partial unique indexes
-- and CHECK constraints. Append this file to the initial migration (migration.sql) by hand.
-- Prisma migrate leaves hand-written partial indexes and CHECK constraints alone, so later
-- migrations generated by `prisma migrate dev` do not drop them. Each .prisma file lists the
-- ones for its tables in its header ("hand-written in migration").
--
-- Plain statements only (no functions, no dollar quoting), so any driver can run the file.

------------------------------------------------------------------------------------------
-- geo-centers.prisma
------------------------------------------------------------------------------------------

-- Activity code unique once licensed: @unique on "activityCode" gives uniqueness; this makes
-- the code present exactly when the center has ever been licensed (every state except
-- APPLIED and REJECTED), and then a licensedAt date too.
ALTER TABLE "Center" ADD CONSTRAINT "Center_activityCode_iff_licensed" CHECK (
  ("licenseState" IN ('APPLIED', 'REJECTED')) = ("activityCode" IS NULL)
  AND ("licenseState" IN ('APPLIED', 'REJECTED') OR "licensedAt" IS NOT NULL)
);

-- The Sandogh Emdad Velayat account's Sheba (IBAN) is 'IR' followed by 24 digits.
ALTER TABLE "Center" ADD CONSTRAINT "Center_sandoghSheba_format" CHECK (
  "sandoghSheba" IS NULL OR "sandoghSheba" ~ '^IR[0-9]{24}$'
);

-- The map pin must be a real WGS 84 coordinate.
ALTER TABLE "Center" ADD CONSTRAINT "Center_coordinates_range" CHECK (
  ("latitude" IS NULL OR "latitude" BETWEEN -90 AND 90)
  AND ("longitude" IS NULL OR "longitude" BETWEEN -180 AND 180)
);

------------------------------------------------------------------------------------------
-- people.prisma
------------------------------------------------------------------------------------------

-- National IDs are stored normalised: exactly 10 ASCII digits (checksum checked in core).
ALTER TABLE "Person" ADD CONSTRAINT "Person_nationalId_format" CHECK (
  "nationalId" IS NULL OR "nationalId" ~ '^[0-9]{10}$'
);

-- Mobile numbers are stored in the one canonical form 09xxxxxxxxx, so duplicate detection
-- by mobile is a plain equality.
ALTER TABLE "Person" ADD CONSTRAINT "Person_mobile_format" CHECK (
  "mobile" IS NULL OR "mobile" ~ '^09[0-9]{9}$'
);

------------------------------------------------------------------------------------------
-- trustees.prisma
------------------------------------------------------------------------------------------

-- At most one APPOINTED holder of each of the six main roles per center. Replacing a holder
-- must end the previous appointment in the same transaction, before appointing the new one.
CREATE UNIQUE INDEX "TrusteeMembership_one_appointed_main_role"
  ON "TrusteeMembership" ("centerId", "role")
  WHERE "state" = 'APPOINTED'
    AND "role" IN ('CHAIR', 'VICE_CHAIR', 'ADMIN_FINANCE', 'DONORS_MEN', 'DONORS_WOMEN', 'ORGANIZATIONS');

-- A person cannot have two open candidacies (or a candidacy and an appointment) for the
-- same role in the same center; after REJECTED or ENDED they may be proposed again.
CREATE UNIQUE INDEX "TrusteeMembership_one_live_candidacy"
  ON "TrusteeMembership" ("centerId", "personId", "role")
  WHERE "state" IN ('PROPOSED', 'VETTING', 'APPOINTED');

-- State and its date go together: an appointment has a date, an ended membership too.
ALTER TABLE "TrusteeMembership" ADD CONSTRAINT "TrusteeMembership_state_dates" CHECK (
  ("state" <> 'APPOINTED' OR "appointedAt" IS NOT NULL)
  AND ("state" <> 'ENDED' OR "endedAt" IS NOT NULL)
);

-- Only one usable link code per membership: issuing a new one must revoke the old one.
CREATE UNIQUE INDEX "TrusteeLinkCode_one_open_code"
  ON "TrusteeLinkCode" ("membershipId")
  WHERE "usedAt" IS NULL AND "revokedAt" IS NULL;

-- A link code expires after it was created (guards against a zero or negative lifetime).
ALTER TABLE "TrusteeLinkCode" ADD CONSTRAINT "TrusteeLinkCode_expiry_after_creation" CHECK (
  "expiresAt" > "createdAt"
);

------------------------------------------------------------------------------------------
-- volunteers.prisma
------------------------------------------------------------------------------------------

-- A network membership belongs to exactly one member: a volunteer or a donor.
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_exactly_one_member" CHECK (
  num_nonnulls("volunteerId", "donorId") = 1
);

-- A rejected application says why (the applicant is told, and vetting is reviewable).
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_rejected_has_reason" CHECK (
  "state" <> 'REJECTED' OR "rejectReason" IS NOT NULL
);

------------------------------------------------------------------------------------------
-- giving.prisma
------------------------------------------------------------------------------------------

-- A natural donor is a Person; a legal donor is an organisation with a name.
ALTER TABLE "Donor" ADD CONSTRAINT "Donor_kind_fields" CHECK (
  ("type" = 'NATURAL' AND "personId" IS NOT NULL AND "organizationName" IS NULL AND "organizationRegNo" IS NULL)
  OR ("type" = 'LEGAL' AND "personId" IS NULL AND "organizationName" IS NOT NULL)
);

-- A merge always points at another donor (a self-reference would hide the donor's gifts).
ALTER TABLE "Donor" ADD CONSTRAINT "Donor_not_merged_into_self" CHECK (
  "mergedIntoId" IS NULL OR "mergedIntoId" <> "id"
);

-- Money, quantities and hours of a pledge are positive.
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_amounts_positive" CHECK (
  ("amountRial" IS NULL OR "amountRial" > 0)
  AND ("estimatedValueRial" IS NULL OR "estimatedValueRial" > 0)
  AND ("quantity" IS NULL OR "quantity" > 0)
  AND ("serviceHours" IS NULL OR "serviceHours" > 0)
);

-- A pledge describes what its kind needs: cash an amount, goods an item, a service what.
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_kind_fields" CHECK (
  ("kind" = 'CASH' AND "amountRial" IS NOT NULL)
  OR ("kind" = 'IN_KIND' AND "amountRial" IS NULL AND "itemDescription" IS NOT NULL)
  OR ("kind" = 'SERVICE' AND "amountRial" IS NULL AND "serviceDescription" IS NOT NULL)
);

-- A one-time pledge has exactly one installment; a recurring one at least one.
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_installment_count" CHECK (
  "installmentCount" >= 1 AND ("schedule" <> 'ONE_TIME' OR "installmentCount" = 1)
);

-- Installments are numbered from 1; scheduled money is positive, paid money and reminder
-- counts never negative.
ALTER TABLE "PledgeInstallment" ADD CONSTRAINT "PledgeInstallment_amounts" CHECK (
  "seq" >= 1
  AND ("scheduledAmountRial" IS NULL OR "scheduledAmountRial" > 0)
  AND "paidAmountRial" >= 0
  AND "reminderCount" >= 0
);

-- Money, quantities and hours of a donation are positive (a reversal is a separate row in
-- state REVERSED with a positive amount, never a negative amount).
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_amounts_positive" CHECK (
  ("amountRial" IS NULL OR "amountRial" > 0)
  AND ("estimatedValueRial" IS NULL OR "estimatedValueRial" > 0)
  AND ("quantity" IS NULL OR "quantity" > 0)
  AND ("serviceHours" IS NULL OR "serviceHours" > 0)
);

-- Cash has an amount and the center's Sandogh account it went into (rule 3: no other
-- account); goods and services have no cash amount but say what was given.
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_kind_fields" CHECK (
  ("kind" = 'CASH' AND "amountRial" IS NOT NULL AND "sandoghAccountNo" IS NOT NULL)
  OR ("kind" = 'IN_KIND' AND "amountRial" IS NULL AND "sandoghAccountNo" IS NULL AND "itemDescription" IS NOT NULL)
  OR ("kind" = 'SERVICE' AND "amountRial" IS NULL AND "sandoghAccountNo" IS NULL AND "serviceDescription" IS NOT NULL)
);

-- A receipt number is given at confirmation and only then (numbers start at 1); a
-- confirmed donation records when it was confirmed.
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_receiptNo_iff_confirmed" CHECK (
  ("state" = 'CONFIRMED') = ("receiptNo" IS NOT NULL)
  AND ("receiptNo" IS NULL OR "receiptNo" >= 1)
  AND ("state" <> 'CONFIRMED' OR "confirmedAt" IS NOT NULL)
);

-- A rejection tells the donor why.
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_rejected_has_reason" CHECK (
  "state" <> 'REJECTED' OR "rejectReason" IS NOT NULL
);

-- A REVERSED row is exactly a reversing entry: it points at the donation it cancels (never
-- itself), and only REVERSED rows point anywhere. (@unique on "reversesId": at most one
-- reversal per donation.)
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_reversal_link" CHECK (
  ("state" = 'REVERSED') = ("reversesId" IS NOT NULL)
  AND ("reversesId" IS NULL OR "reversesId" <> "id")
);

-- Only the last four digits of a card are kept, never more.
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_cardLast4_format" CHECK (
  "cardLast4" IS NULL OR "cardLast4" ~ '^[0-9]{4}$'
);

-- An installment belongs to a pledge, so a donation paying one names the pledge too.
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_installment_needs_pledge" CHECK (
  "installmentId" IS NULL OR "pledgeId" IS NOT NULL
);

-- Receipt counters only grow from 0.
ALTER TABLE "ReceiptCounter" ADD CONSTRAINT "ReceiptCounter_lastNo_nonnegative" CHECK (
  "lastNo" >= 0
);

------------------------------------------------------------------------------------------
-- beneficiaries.prisma
------------------------------------------------------------------------------------------

-- A household has at least its head.
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_membersCount_positive" CHECK (
  "membersCount" >= 1
);

-- The head's national ID is stored normalised (10 ASCII digits).
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_headNationalId_format" CHECK (
  "headNationalId" IS NULL OR "headNationalId" ~ '^[0-9]{10}$'
);

-- Phone numbers are stored normalised: 11 digits starting with 0 (mobile or landline with
-- its area code).
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_phone_format" CHECK (
  "phone" IS NULL OR "phone" ~ '^0[0-9]{10}$'
);

-- Consent is dated, so it can be shown when and whether the household agreed.
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_consent_dated" CHECK (
  NOT "consentGiven" OR "consentAt" IS NOT NULL
);

-- An estimated cost is positive.
ALTER TABLE "BeneficiaryNeed" ADD CONSTRAINT "BeneficiaryNeed_estimatedCost_positive" CHECK (
  "estimatedCostRial" IS NULL OR "estimatedCostRial" > 0
);

-- Money, quantities and hours handed out are positive.
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_amounts_positive" CHECK (
  ("amountRial" IS NULL OR "amountRial" > 0)
  AND ("estimatedValueRial" IS NULL OR "estimatedValueRial" > 0)
  AND ("quantity" IS NULL OR "quantity" > 0)
  AND ("serviceHours" IS NULL OR "serviceHours" > 0)
);

-- A distribution describes what its kind needs: cash an amount, goods an item, a service what.
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_kind_fields" CHECK (
  ("kind" = 'CASH' AND "amountRial" IS NOT NULL)
  OR ("kind" = 'IN_KIND' AND "amountRial" IS NULL AND "itemDescription" IS NOT NULL)
  OR ("kind" = 'SERVICE' AND "amountRial" IS NULL AND "serviceDescription" IS NOT NULL)
);

-- Approved and distributed aid carries its dates (approval may be automatic below the
-- configured amount, so approvedById may be null, but approvedAt is always set).
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_distributed_dated" CHECK (
  ("state" NOT IN ('APPROVED', 'DISTRIBUTED') OR "approvedAt" IS NOT NULL)
  AND ("state" <> 'DISTRIBUTED' OR "distributedAt" IS NOT NULL)
);

-- Capital needed by an employment plan is positive.
ALTER TABLE "EmploymentPlan" ADD CONSTRAINT "EmploymentPlan_capital_positive" CHECK (
  "capitalNeededRial" IS NULL OR "capitalNeededRial" > 0
);

------------------------------------------------------------------------------------------
-- work.prisma
------------------------------------------------------------------------------------------

-- Every task has someone to do it: the holder of a role, a specific membership, or both.
ALTER TABLE "TrusteeTask" ADD CONSTRAINT "TrusteeTask_has_assignee" CHECK (
  num_nonnulls("assigneeRole", "assigneeMembershipId") >= 1
);

-- A finished task says when it was finished; reminder counts never go negative.
ALTER TABLE "TrusteeTask" ADD CONSTRAINT "TrusteeTask_done_dated" CHECK (
  ("state" <> 'DONE' OR "completedAt" IS NOT NULL)
  AND "reminderCount" >= 0
);

-- Archives are destroyed only with Imdad's permission (rule 4): a DESTROYED document names
-- the approval request that allowed it and when it was destroyed.
ALTER TABLE "ArchiveDocument" ADD CONSTRAINT "ArchiveDocument_destroyed_approved" CHECK (
  "state" <> 'DESTROYED' OR ("destructionApprovalId" IS NOT NULL AND "destroyedAt" IS NOT NULL)
);

-- Anonymous feedback really is anonymous: no person and no chat account is stored with it.
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_anonymous_has_no_author" CHECK (
  NOT "anonymous" OR ("authorPersonId" IS NULL AND "authorChatAccountId" IS NULL)
);

------------------------------------------------------------------------------------------
-- staff.prisma
------------------------------------------------------------------------------------------

-- A login's scope matches its role: exactly one of province, county, center is set, and it
-- is the one the role works at. Only a CENTER_TRUSTEE login may act under a membership.
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_scope_matches_role" CHECK (
  num_nonnulls("provinceId", "countyId", "centerId") = 1
  AND CASE "role"
    WHEN 'PROVINCE_ADMIN' THEN "provinceId" IS NOT NULL
    WHEN 'PROVINCE_SUPERVISOR' THEN "provinceId" IS NOT NULL
    WHEN 'COUNTY_STAFF' THEN "countyId" IS NOT NULL
    WHEN 'AUDITOR' THEN "centerId" IS NULL
    WHEN 'CENTER_TRUSTEE' THEN "centerId" IS NOT NULL
  END
  AND ("trusteeMembershipId" IS NULL OR "role" = 'CENTER_TRUSTEE')
);

-- Usernames are stored lower-case so the plain @unique makes login case-insensitive.
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_username_lowercase" CHECK (
  "username" = lower("username")
);

-- The failed-login counter never goes negative.
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_failedLoginCount_nonnegative" CHECK (
  "failedLoginCount" >= 0
);

------------------------------------------------------------------------------------------
-- platform.prisma
------------------------------------------------------------------------------------------

-- A target has at most one PENDING request of each kind, so a double submission cannot be
-- approved (and applied) twice.
CREATE UNIQUE INDEX "ApprovalRequest_one_pending_per_target"
  ON "ApprovalRequest" ("kind", "targetEntity", "targetId")
  WHERE "state" = 'PENDING';

-- A decision is dated.
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_decided_dated" CHECK (
  "state" NOT IN ('APPROVED', 'REJECTED') OR "decidedAt" IS NOT NULL
);

-- Attempts never go negative.
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_attempts_nonnegative" CHECK (
  "attempts" >= 0
);

-- A sent message records when it was sent.
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_sent_dated" CHECK (
  "status" <> 'SENT' OR "sentAt" IS NOT NULL
);

-- Append-only audit log: rows are written in the same transaction as the change they
-- record and never changed or removed afterwards, by anyone with the app's credentials.
CREATE FUNCTION "audit_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_is_append_only"();

-- Confirmed donations are never edited: a correction is a new REVERSED row pointing at the
-- confirmed one. What was confirmed (where, how much, which fund, its receipt) is frozen, and
-- a confirmed donation cannot be deleted. The donor may change only by a recorded merge of
-- duplicate donors.
CREATE FUNCTION "confirmed_donation_is_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a confirmed donation cannot be deleted; reverse it' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (NEW."state", NEW."centerId", NEW."kind", NEW."fund", NEW."amountRial",
      NEW."estimatedValueRial", NEW."quantity", NEW."serviceHours", NEW."receiptNo",
      NEW."confirmedAt", NEW."confirmedById", NEW."pledgeId", NEW."installmentId", NEW."paidAt")
     IS DISTINCT FROM
     (OLD."state", OLD."centerId", OLD."kind", OLD."fund", OLD."amountRial",
      OLD."estimatedValueRial", OLD."quantity", OLD."serviceHours", OLD."receiptNo",
      OLD."confirmedAt", OLD."confirmedById", OLD."pledgeId", OLD."installmentId", OLD."paidAt") THEN
    RAISE EXCEPTION 'a confirmed donation cannot be edited; reverse it' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Donation_confirmed_is_frozen" BEFORE UPDATE OR DELETE ON "Donation"
  FOR EACH ROW WHEN (OLD."state" = 'CONFIRMED') EXECUTE FUNCTION "confirmed_donation_is_frozen"();
