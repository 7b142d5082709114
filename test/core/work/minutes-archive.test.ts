/** Minutes by the chair / vice-chair; archive documents destroyed only after Imdad approves. */
import { describe, expect, it } from 'vitest';
import { recordMinutes } from '../../../core/work/record-minutes.ts';
import { addArchiveDocument } from '../../../core/work/add-archive-document.ts';
import { requestArchiveDestruction } from '../../../core/work/request-archive-destruction.ts';
import { workApprovalHandlers } from '../../../core/work/index.ts';
import { decideApproval } from '../../../core/approvals/decide-approval.ts';
import { createCenter } from '../../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { auditRows, chatActor, outboxFor, useWorkCtx } from '../../helpers/work.ts';

const ctx = useWorkCtx();

const minutes = (centerId: string) => ({
  centerId,
  meetingAt: '2026-11-20T14:30:00Z',
  title: 'جلسه ماهانه هیئت امنا',
  attendees: 'رئیس، نائب رئیس، مسئول مالی',
  decisions: 'تصویب توزیع سبد غذایی ۱۴۰۵/۰۹',
});

describe('recordMinutes', () => {
  it('the chair and vice-chair record minutes; audited', async () => {
    const center = await createCenter(ctx.db);
    for (const role of ['CHAIR', 'VICE_CHAIR'] as const) {
      const m = await recordMinutes(ctx, await trusteeActor(ctx.db, center.id, role), minutes(center.id));
      expect(m.decisions).toBe('تصویب توزیع سبد غذایی 1405/09');
      expect((await auditRows(ctx.db, 'Minutes', m.id)).map((r) => r.action)).toEqual(['minutes.record']);
    }
  });

  it('other officers, another center\'s chair, staff and a suspended center\'s chair cannot', async () => {
    const center = await createCenter(ctx.db);
    const other = await createCenter(ctx.db);
    for (const actor of [
      await trusteeActor(ctx.db, center.id, 'ADMIN_FINANCE'),
      await trusteeActor(ctx.db, other.id, 'CHAIR'),
      await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId }),
    ])
      await expect(recordMinutes(ctx, actor, minutes(center.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const suspended = await createCenter(ctx.db, { licenseState: 'SUSPENDED' });
    await expect(recordMinutes(ctx, await trusteeActor(ctx.db, suspended.id, 'CHAIR'), minutes(suspended.id))).rejects.toMatchObject({ code: 'CENTER_READ_ONLY' });
    await expect(recordMinutes(ctx, await trusteeActor(ctx.db, center.id, 'CHAIR'), { ...minutes(center.id), decisions: '' })).rejects.toMatchObject({ code: 'REQUIRED' });
  });

  it('with a follow-up date the meeting gives the vice-chair a task on its decisions, told at once', async () => {
    const center = await createCenter(ctx.db);
    const vice = await trusteeActor(ctx.db, center.id, 'VICE_CHAIR');
    await chatActor(ctx.db, vice.personId);
    const m = await recordMinutes(ctx, await trusteeActor(ctx.db, center.id, 'CHAIR'), { ...minutes(center.id), followUpDueAt: '2026-12-10T20:30:00Z' });
    expect(m.followUpTask).toMatchObject({ centerId: center.id, assigneeRole: 'VICE_CHAIR', title: 'جلسه ماهانه هیئت امنا', state: 'OPEN' });
    const task = await ctx.db.trusteeTask.findUniqueOrThrow({ where: { id: m.followUpTask!.id } });
    expect(task).toMatchObject({ minutesId: m.id, description: 'تصویب توزیع سبد غذایی 1405/09', dueAt: new Date('2026-12-10T20:30:00Z') });
    expect((await auditRows(ctx.db, 'TrusteeTask', task.id)).map((r) => r.action)).toEqual(['task.create']);
    expect((await outboxFor(ctx.db, vice.personId)).map((o) => [o.template, o.params])).toEqual([['task.assigned', { title: 'جلسه ماهانه هیئت امنا' }]]);

    // Another role and title may be named; without a date there is no follow-up.
    const named = await recordMinutes(ctx, vice, { ...minutes(center.id), followUpDueAt: '2026-12-20T20:30:00Z', followUpRole: 'ADMIN_FINANCE', followUpTitle: 'خرید سبد' });
    expect(named.followUpTask).toMatchObject({ assigneeRole: 'ADMIN_FINANCE', title: 'خرید سبد' });
    expect((await recordMinutes(ctx, vice, minutes(center.id))).followUpTask).toBeNull();
  });

  it('a follow-up needs a date in the future; a role without a date is refused; nothing is written', async () => {
    const center = await createCenter(ctx.db);
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    await expect(recordMinutes(ctx, chair, { ...minutes(center.id), followUpDueAt: '2026-11-01T00:00:00Z' })).rejects.toMatchObject({ code: 'INVALID_DATE' });
    await expect(recordMinutes(ctx, chair, { ...minutes(center.id), followUpRole: 'VICE_CHAIR' })).rejects.toMatchObject({ code: 'REQUIRED', params: { field: 'followUpDueAt' } });
    expect(await ctx.db.minutes.count({ where: { centerId: center.id } })).toBe(0);
    expect(await ctx.db.trusteeTask.count({ where: { centerId: center.id } })).toBe(0);
  });
});

describe('archive', () => {
  async function archived() {
    const center = await createCenter(ctx.db);
    const vice = await trusteeActor(ctx.db, center.id, 'VICE_CHAIR');
    await chatActor(ctx.db, vice.personId);
    const doc = await addArchiveDocument(ctx, vice, { centerId: center.id, kind: 'FINANCIAL', title: 'رسیدهای ۱۴۰۰', physicalLocation: 'قفسه ۳' });
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    return { center, vice, doc, staff };
  }

  it('adding a document is audited; trustees of other centers and suspended centers cannot add', async () => {
    const { center, doc } = await archived();
    expect(doc.state).toBe('KEPT');
    expect((await auditRows(ctx.db, 'ArchiveDocument', doc.id)).map((r) => r.action)).toEqual(['archive.add']);
    const other = await createCenter(ctx.db);
    await expect(addArchiveDocument(ctx, await trusteeActor(ctx.db, other.id, 'CHAIR'), { centerId: center.id, kind: 'OTHER', title: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const suspended = await createCenter(ctx.db, { licenseState: 'SUSPENDED' });
    await expect(addArchiveDocument(ctx, await trusteeActor(ctx.db, suspended.id, 'CHAIR'), { centerId: suspended.id, kind: 'OTHER', title: 'x' })).rejects.toMatchObject({ code: 'CENTER_READ_ONLY' });
  });

  it('a destruction request destroys nothing until county staff approve; then DESTROYED and the requester told', async () => {
    const { vice, doc, staff } = await archived();
    const req = await requestArchiveDestruction(ctx, vice, { documentId: doc.id, reason: 'پایان دوره نگهداری ده ساله' });
    let row = await ctx.db.archiveDocument.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row).toMatchObject({ state: 'DESTRUCTION_REQUESTED', destroyedAt: null });
    expect((await ctx.db.approvalRequest.findUniqueOrThrow({ where: { id: req.approvalRequestId } })).kind).toBe('ARCHIVE_DESTRUCTION');
    await expect(requestArchiveDestruction(ctx, vice, { documentId: doc.id, reason: 'دوباره' })).rejects.toMatchObject({ code: 'ARCHIVE_DOCUMENT_NOT_KEPT' });

    await decideApproval(ctx, workApprovalHandlers, staff, { requestId: req.approvalRequestId, decision: 'APPROVE' });
    row = await ctx.db.archiveDocument.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row).toMatchObject({ state: 'DESTROYED', destructionApprovalId: req.approvalRequestId, destroyedById: staff.personId });
    expect((await outboxFor(ctx.db, vice.personId)).map((m) => m.template)).toEqual(['archive.destructionApproved']);
    expect((await auditRows(ctx.db, 'ArchiveDocument', doc.id)).map((r) => r.action)).toEqual(['archive.add', 'archive.requestDestruction', 'archive.destroy']);
  });

  it('trustees (even the chair) and staff of another county cannot approve; a rejection keeps the document', async () => {
    const { center, vice, doc, staff } = await archived();
    const req = await requestArchiveDestruction(ctx, vice, { documentId: doc.id, reason: 'فضای ناکافی' });
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    const otherStaff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: (await createCenter(ctx.db)).countyId });
    for (const actor of [chair, otherStaff])
      await expect(decideApproval(ctx, workApprovalHandlers, actor, { requestId: req.approvalRequestId, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await decideApproval(ctx, workApprovalHandlers, staff, { requestId: req.approvalRequestId, decision: 'REJECT', reason: 'اسناد مالی باید بماند' });
    expect((await ctx.db.archiveDocument.findUniqueOrThrow({ where: { id: doc.id } })).state).toBe('KEPT');
    expect((await outboxFor(ctx.db, vice.personId)).map((m) => m.template)).toEqual(['archive.destructionRejected']);
  });

  it('an officer without archive duties cannot request destruction', async () => {
    const { center, doc } = await archived();
    await expect(requestArchiveDestruction(ctx, await trusteeActor(ctx.db, center.id, 'ADMIN_FINANCE'), { documentId: doc.id, reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
