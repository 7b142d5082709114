/**
 * LICENSE_DECISION through the one approval mechanism: county staff propose,
 * the province office decides; nothing changes on the center before that.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/index.ts';
import { createCenter } from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { chairWithChat, createWorld, fakeClock, type World } from '../../helpers/centers.ts';

const database = useTestDatabase();
let core: Core;
let w: World;
beforeAll(async () => {
  core = createCore({ db: database.db, clock: fakeClock });
  w = await createWorld(database.db);
});

describe('license decisions proposed by a county and decided by the province', () => {
  it('a suspension takes effect only when the supervisor approves, with its event, audit and the chair told', async () => {
    const center = await createCenter(database.db, { countyId: w.countyA });
    const chair = await chairWithChat(database.db, center.id);
    const { requestId } = await core.centers.proposeLicenseDecision(w.staffA, { centerId: center.id, decision: 'SUSPENDED', reason: 'گزارش مالی سه ماه ارسال نشده' });
    expect((await database.db.center.findUniqueOrThrow({ where: { id: center.id } })).licenseState).toBe('LICENSED');

    await expect(core.approvals.decide(w.staffA, { requestId, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await core.approvals.decide(w.supervisor, { requestId, decision: 'APPROVE' });

    expect((await database.db.center.findUniqueOrThrow({ where: { id: center.id } })).licenseState).toBe('SUSPENDED');
    const event = await database.db.centerLicenseEvent.findFirstOrThrow({ where: { centerId: center.id, kind: 'SUSPENDED' } });
    expect(event).toMatchObject({ approvalRequestId: requestId, reason: 'گزارش مالی سه ماه ارسال نشده' });
    expect(await database.db.auditLog.count({ where: { entityId: requestId, action: 'approval.approve' } })).toBe(1);
    expect(await database.db.outboxMessage.count({ where: { chatAccount: { personId: chair.person.id }, template: 'license.suspended' } })).toBe(1);
  });

  it('an issued license from an approved proposal gets its activity code and receipt counter', async () => {
    const center = await createCenter(database.db, { countyId: w.countyA, licenseState: 'APPLIED' });
    const { requestId } = await core.centers.proposeLicenseDecision(w.staffA, { centerId: center.id, decision: 'ISSUED', validityMonths: '۱۲' });
    await core.approvals.decide(w.provinceAdmin, { requestId, decision: 'APPROVE' });
    const issued = await database.db.center.findUniqueOrThrow({ where: { id: center.id }, include: { receiptCounter: true } });
    expect(issued.licenseState).toBe('LICENSED');
    expect(issued.activityCode).toBeTruthy();
    expect(issued.receiptCounter?.lastNo).toBe(0);
  });

  it('a request whose payload is not a proposal is refused in words when approved, the center unchanged, and can still be rejected', async () => {
    const center = await createCenter(database.db, { countyId: w.countyA, licenseState: 'APPLIED' });
    const request = await database.db.approvalRequest.create({
      data: { kind: 'LICENSE_DECISION', targetEntity: 'Center', targetId: center.id, centerId: center.id, countyId: w.countyA, payload: { action: 'ISSUE' } },
    });
    await expect(core.approvals.decide(w.supervisor, { requestId: request.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await database.db.center.findUniqueOrThrow({ where: { id: center.id } })).licenseState).toBe('APPLIED');
    await core.approvals.decide(w.supervisor, { requestId: request.id, decision: 'REJECT', reason: 'درخواست ناقص است' });
    expect((await database.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe('REJECTED');
  });

  it('a rejected proposal changes nothing and needs a reason', async () => {
    const center = await createCenter(database.db, { countyId: w.countyA });
    const { requestId } = await core.centers.proposeLicenseDecision(w.staffA, { centerId: center.id, decision: 'REVOKED', reason: 'تخلف' });
    await expect(core.approvals.decide(w.supervisor, { requestId, decision: 'REJECT' })).rejects.toMatchObject({ code: 'REQUIRED' });
    await core.approvals.decide(w.supervisor, { requestId, decision: 'REJECT', reason: 'شواهد کافی نیست' });
    expect((await database.db.center.findUniqueOrThrow({ where: { id: center.id } })).licenseState).toBe('LICENSED');
    await expect(core.approvals.decide(w.supervisor, { requestId, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('refuses proposals from another county, impossible transitions, a second pending one, and missing reasons', async () => {
    const center = await createCenter(database.db, { countyId: w.countyA });
    await expect(core.centers.proposeLicenseDecision(w.staffB, { centerId: center.id, decision: 'SUSPENDED', reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.centers.proposeLicenseDecision(w.auditor, { centerId: center.id, decision: 'SUSPENDED', reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.centers.proposeLicenseDecision(w.staffA, { centerId: center.id, decision: 'REINSTATED' })).rejects.toMatchObject({ code: 'LICENSE_TRANSITION_NOT_ALLOWED' });
    await expect(core.centers.proposeLicenseDecision(w.staffA, { centerId: center.id, decision: 'SUSPENDED' })).rejects.toMatchObject({ code: 'REQUIRED' });
    await expect(core.centers.proposeLicenseDecision(w.staffA, { centerId: center.id, decision: 'DISSOLVED' })).rejects.toMatchObject({ code: 'REQUIRED' });
    await core.centers.proposeLicenseDecision(w.staffA, { centerId: center.id, decision: 'RENEWED' });
    await expect(core.centers.proposeLicenseDecision(w.staffA, { centerId: center.id, decision: 'SUSPENDED', reason: 'x' })).rejects.toMatchObject({ code: 'APPROVAL_ALREADY_PENDING' });
  });
});

describe('createCore', () => {
  it('has a handler for every approval kind', async () => {
    const { approvalHandlers } = await import('../../../core/index.ts');
    const { ApprovalKind } = await import('../../../prisma/generated/client/enums.ts');
    const missing = Object.values(ApprovalKind).filter((k) => !approvalHandlers[k]);
    expect(missing).toEqual(['DONOR_MERGE']); // merges are done directly by staff (see core/giving/merge-donors.ts)
  });
});
