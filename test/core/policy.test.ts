/** The one authorization policy: who may do what to which record. */
import { describe, expect, it } from 'vitest';
import type { Actor, StaffActor, TrusteeActor } from '../../core/actor.ts';
import { DomainError } from '../../core/errors.ts';
import { authorize, can, canSeeBeneficiaryIdentity, RULES, type Action } from '../../core/policy.ts';

const here = { centerId: 'c1', countyId: 'k1', licenseState: 'LICENSED' as const };
const elsewhere = { centerId: 'c2', countyId: 'k2', licenseState: 'LICENSED' as const };
const staff = (role: StaffActor['role'], countyId: string | null = null): StaffActor => ({
  kind: 'staff', staffUserId: `s-${role}`, personId: `p-${role}`, role, countyId, provinceId: countyId ? null : 'p1',
});
const trustee = (role: TrusteeActor['role'], centerId = 'c1'): TrusteeActor => ({ kind: 'trustee', personId: `p-${role}`, membershipId: `m-${role}`, centerId, role });

describe('policy', () => {
  it('the finance officer confirms donations of their own center only', () => {
    expect(can(trustee('ADMIN_FINANCE'), 'donation.confirm', here)).toBe(true);
    expect(can(trustee('ADMIN_FINANCE'), 'donation.confirm', elsewhere)).toBe(false);
    expect(can(trustee('CHAIR'), 'donation.confirm', here)).toBe(false);
  });

  it('county staff act in their county; province roles everywhere; the auditor only reads', () => {
    expect(can(staff('COUNTY_STAFF', 'k1'), 'donation.confirm', here)).toBe(true);
    expect(can(staff('COUNTY_STAFF', 'k1'), 'donation.confirm', elsewhere)).toBe(false);
    expect(can(staff('PROVINCE_ADMIN'), 'donation.confirm', elsewhere)).toBe(true);
    expect(can(staff('AUDITOR'), 'donation.read', elsewhere)).toBe(true);
    expect(can(staff('AUDITOR'), 'audit.read')).toBe(true);
    const writes = (Object.keys(RULES) as Action[]).filter((a) => RULES[a].staff?.includes('AUDITOR') && !/read|report/.test(a));
    expect(writes).toEqual([]);
  });

  it('only Imdad staff appoint a chair or vice-chair; the chair appoints the other roles', () => {
    expect(can(staff('COUNTY_STAFF', 'k1'), 'trustee.appointMain', here)).toBe(true);
    expect(can(trustee('CHAIR'), 'trustee.appointMain', here)).toBe(false);
    expect(can(trustee('CHAIR'), 'trustee.appointOther', here)).toBe(true);
    expect(can(trustee('VICE_CHAIR'), 'trustee.appointOther', here)).toBe(false);
  });

  it('a suspended center is read-only for its trustees', () => {
    const suspended = { ...here, licenseState: 'SUSPENDED' as const };
    expect(can(trustee('ADMIN_FINANCE'), 'report.center', suspended)).toBe(true);
    expect(() => authorize(trustee('ADMIN_FINANCE'), 'donation.confirm', suspended)).toThrowError(
      expect.objectContaining({ code: 'CENTER_READ_ONLY' }),
    );
  });

  it("a beneficiary's identity: chair, vice-chair, social-work officer and Imdad staff (not the auditor)", () => {
    const allowed: Actor[] = [trustee('CHAIR'), trustee('VICE_CHAIR'), trustee('SOCIAL_WORK'), staff('PROVINCE_ADMIN'), staff('PROVINCE_SUPERVISOR'), staff('COUNTY_STAFF', 'k1')];
    const denied: Actor[] = [trustee('ADMIN_FINANCE'), trustee('DONORS_MEN'), trustee('EMPLOYMENT'), trustee('CHAIR', 'c2'), staff('AUDITOR'), staff('COUNTY_STAFF', 'k2'),
      { kind: 'donor', donorId: 'd1' }, { kind: 'volunteer', personId: 'v1' }];
    for (const a of allowed) expect(canSeeBeneficiaryIdentity(a, here), JSON.stringify(a)).toBe(true);
    for (const a of denied) expect(canSeeBeneficiaryIdentity(a, here), JSON.stringify(a)).toBe(false);
  });

  it('donors act only on their own records', () => {
    const donor: Actor = { kind: 'donor', donorId: 'd1' };
    expect(can(donor, 'pledge.create', { ...here, ownerDonorId: 'd1' })).toBe(true);
    expect(can(donor, 'pledge.create', { ...here, ownerDonorId: 'd2' })).toBe(false);
    expect(can(donor, 'donation.confirm', { ...here, ownerDonorId: 'd1' })).toBe(false);
  });

  it('denials are typed errors', () => {
    expect(() => authorize({ kind: 'donor', donorId: 'd1' }, 'audit.read')).toThrow(DomainError);
  });
});
