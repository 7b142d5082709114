/**
 * What a caller may see of a household (domain.md rule 5). Identity fields are
 * copied only when the policy's field rule allows; everyone else gets the
 * reference code and fields that identify nobody.
 */
import type { Beneficiary, BeneficiaryNeed, Center } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Db } from '../../prisma/client.ts';
import type { Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { canSeeBeneficiaryIdentity, type Scope } from '../policy.ts';

export interface NeedView {
  id: string;
  category: BeneficiaryNeed['category'];
  priority: BeneficiaryNeed['priority'];
  state: BeneficiaryNeed['state'];
  description: string | null;
  estimatedCostRial: bigint | null;
  routedNetworkId: string | null;
}

export interface BeneficiaryIdentity {
  headName: string;
  headNationalId: string | null;
  headGender: Beneficiary['headGender'];
  phone: string | null;
  address: string | null;
  /** An Imdad case number points at one person too. */
  imdadCaseNo: string | null;
}

export interface BeneficiaryView {
  id: string;
  referenceCode: string;
  centerId: string;
  state: Beneficiary['state'];
  membersCount: number;
  employmentCapabilities: string | null;
  consentGiven: boolean;
  consentAt: Date | null;
  selfSufficientAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  needs?: NeedView[];
  /** Present only for those allowed to see it. */
  identity?: BeneficiaryIdentity;
}

export function beneficiaryScope(b: { centerId: string; center: Pick<Center, 'countyId' | 'licenseState'> }): Scope {
  return { centerId: b.centerId, countyId: b.center.countyId, licenseState: b.center.licenseState };
}

/** Loads a household with the scope fields of its center, or NOT_FOUND. */
export async function loadBeneficiary(db: Tx | Db, beneficiaryId: string) {
  const b = await db.beneficiary.findUnique({
    where: { id: beneficiaryId },
    include: { center: { select: { countyId: true, licenseState: true } } },
  });
  if (!b) throw new DomainError('NOT_FOUND');
  return b;
}

export function needView(n: BeneficiaryNeed): NeedView {
  return {
    id: n.id,
    category: n.category,
    priority: n.priority,
    state: n.state,
    description: n.description,
    estimatedCostRial: n.estimatedCostRial,
    routedNetworkId: n.routedNetworkId,
  };
}

export function beneficiaryView(actor: Actor, scope: Scope, b: Beneficiary, needs?: BeneficiaryNeed[]): BeneficiaryView {
  const view: BeneficiaryView = {
    id: b.id,
    referenceCode: b.referenceCode,
    centerId: b.centerId,
    state: b.state,
    membersCount: b.membersCount,
    employmentCapabilities: b.employmentCapabilities,
    consentGiven: b.consentGiven,
    consentAt: b.consentAt,
    selfSufficientAt: b.selfSufficientAt,
    closedAt: b.closedAt,
    createdAt: b.createdAt,
  };
  if (needs) view.needs = needs.map(needView);
  if (canSeeBeneficiaryIdentity(actor, scope))
    view.identity = {
      headName: b.headName,
      headNationalId: b.headNationalId,
      headGender: b.headGender,
      phone: b.phone,
      address: b.address,
      imdadCaseNo: b.imdadCaseNo,
    };
  return view;
}
