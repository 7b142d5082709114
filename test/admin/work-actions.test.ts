/**
 * The board's work through the panel's own HTTP routes (POST, as the form sends it): tasks
 * given to trustees, feedback answered and closed, minutes with their follow-up, archive
 * documents and their destruction request, the role duties' templates. Each action runs
 * for every role the policy allows (database state and audit row), is refused for one it
 * does not allow with nothing written, and core's refusal arrives as its translated sentence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { localeString } from '../../admin/locale/index.ts';
import { renderNotification } from '../../messenger/notification-render.ts';
import type { NotificationParams } from '../../core/outbox.ts';
import { createPanelUser, loginAs } from '../helpers/admin.ts';
import { type AdminWorld, api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';

const panel = usePanelWorld();

const as = (role: RoleKey | 'VICE_CHAIR') => api(panel.app, role === 'VICE_CHAIR' ? viceChair : panel.world.logins[role]);
/** The home center's vice-chair: the world has a chair login, and minutes are the vice-chair's duty too. */
let viceChair: AdminWorld['logins'][RoleKey];
beforeAll(async () => {
  const user = await createPanelUser(panel.database.db, 'CENTER_TRUSTEE', { centerId: panel.world.centers.home.id, trusteeRole: 'VICE_CHAIR' });
  viceChair = { user, cookie: await loginAs(panel.app, user.username, user.password) };
});
const auditsOf = (entityId: string) => panel.database.db.auditLog.findMany({ where: { entityId }, select: { action: true } }).then((r) => r.map((a) => a.action));
const REQUIRED_FA = 'این مورد را باید وارد کنید.';

describe('createTask', () => {
  const typed = (title: string, centerId = panel.world.centers.home.id) => ({ centerId, title, dueAt: '2026-12-31', assigneeRole: 'VICE_CHAIR', description: 'برای جلسهٔ دی' });

  it.each(['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'] as const)('%s gives a task to a role; due at the end of that day in Tehran; audited', async (role) => {
    const form = await as(role).get('TrusteeTask/actions/createTask');
    expect(Object.keys((form.body.data?.form as { schema: { properties: object } }).schema.properties)).toContain('dueAt');
    const title = `فهرست خانواده‌ها (${role})`;
    const r = await as(role).post('TrusteeTask/actions/createTask', typed(title));
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const task = await panel.database.db.trusteeTask.findFirstOrThrow({ where: { title } });
    // 10 Dey 1405 ends at 20:30 UTC on 31 December 2026.
    expect(task).toMatchObject({ centerId: panel.world.centers.home.id, assigneeRole: 'VICE_CHAIR', dueAt: new Date('2026-12-31T20:29:59.999Z') });
    expect(await auditsOf(task.id)).toEqual(['task.create']);
  });

  it('AUDITOR and the finance officer are refused; nothing written', async () => {
    for (const role of ['AUDITOR', 'FINANCE'] as const) {
      const r = await as(role).post('TrusteeTask/actions/createTask', typed(`رد ${role}`));
      expect(refused(r), role).toBe(true);
    }
    expect(await panel.database.db.trusteeTask.count({ where: { title: { startsWith: 'رد ' } } })).toBe(0);
  });

  it("county staff cannot give a task in another county's center; a missing assignee is core's sentence", async () => {
    const r = await as('COUNTY_STAFF').post('TrusteeTask/actions/createTask', typed('بیرون از شهرستان', panel.world.centers.elsewhere.id));
    expect(r.body.notice?.type).toBe('error');
    expect(r.body.data?.error).toMatchObject({ code: 'FORBIDDEN' });
    const missing = await as('CHAIR').post('TrusteeTask/actions/createTask', { centerId: panel.world.centers.home.id, title: 'بی‌مسئول', dueAt: '2026-12-31' });
    expect(missing.body.notice).toMatchObject({ type: 'error', message: REQUIRED_FA });
    expect(await panel.database.db.trusteeTask.count({ where: { title: { in: ['بیرون از شهرستان', 'بی‌مسئول'] } } })).toBe(0);
  });
});

describe('updateTask', () => {
  const taskAt = (centerId: string, extra: Record<string, unknown> = {}) =>
    panel.database.db.trusteeTask.create({ data: { centerId, title: 'فهرست خانواده‌ها', assigneeRole: 'VICE_CHAIR', dueAt: new Date('2026-12-01T08:00:00Z'), reminderCount: 2, ...extra } });

  it.each(['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR', 'VICE_CHAIR'] as const)('%s rewords a task and moves its day; its reminders start afresh; audited', async (role) => {
    const task = await taskAt(panel.world.centers.home.id);
    const shown = await as(role).get(`TrusteeTask/records/${task.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name)).toContain('updateTask');
    const r = await as(role).post(`TrusteeTask/records/${task.id}/updateTask`, { title: 'فهرست به‌روز', dueAt: '2027-01-10' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await panel.database.db.trusteeTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      title: 'فهرست به‌روز',
      description: null,
      dueAt: new Date('2027-01-10T20:29:59.999Z'),
      reminderCount: 0,
    });
    expect(await auditsOf(task.id)).toEqual(['task.update']);
  });

  it("opens with the task as it is, its day as Tehran's calendar has it; an emptied description is cleared, the rest kept", async () => {
    // 22:00 UTC is already the next day in Tehran (01:30).
    const task = await taskAt(panel.world.centers.home.id, { description: 'با مددکار هماهنگ شود', dueAt: new Date('2026-12-11T22:00:00Z') });
    const url = `TrusteeTask/records/${task.id}/updateTask`;
    const form = (await as('CHAIR').get(url)).body.data?.form as { values: Record<string, string> };
    expect(form.values).toEqual({ title: 'فهرست خانواده‌ها', description: 'با مددکار هماهنگ شود', dueAt: '2026-12-12' });
    const r = await as('CHAIR').post(url, { description: '' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await panel.database.db.trusteeTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      title: 'فهرست خانواده‌ها',
      description: null,
      dueAt: new Date('2026-12-11T22:00:00Z'),
      reminderCount: 2,
    });
  });

  it("the finance officer and the auditor are refused; another center's task is not found; a done task has no button; nothing written", async () => {
    const task = await taskAt(panel.world.centers.home.id);
    for (const role of ['FINANCE', 'AUDITOR'] as const) {
      const shown = await as(role).get(`TrusteeTask/records/${task.id}/show`);
      expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain('updateTask');
      expect(refused(await as(role).post(`TrusteeTask/records/${task.id}/updateTask`, { title: 'جعلی' })), role).toBe(true);
    }
    const sibling = await taskAt(panel.world.centers.sibling.id);
    expect(refused(await as('CHAIR').post(`TrusteeTask/records/${sibling.id}/updateTask`, { title: 'جعلی' }))).toBe(true);
    const done = await taskAt(panel.world.centers.home.id, { state: 'DONE', completedAt: new Date('2026-11-30T08:00:00Z') });
    expect((await as('CHAIR').get(`TrusteeTask/records/${done.id}/show`)).body.record?.recordActions?.map((a) => a.name)).not.toContain('updateTask');
    expect(refused(await as('CHAIR').post(`TrusteeTask/records/${done.id}/updateTask`, { title: 'جعلی' }))).toBe(true);
    expect(await panel.database.db.trusteeTask.count({ where: { title: 'جعلی' } })).toBe(0);
    for (const t of [task, sibling, done]) expect(await auditsOf(t.id)).toEqual([]);
  });
});

describe('handleFeedback', () => {
  async function namedFeedback(body: string, language = 'fa') {
    const chat = await panel.database.db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: `fb-${body}`, chatId: `fb-${body}`, language } });
    const fb = await panel.database.db.feedback.create({
      data: { kind: 'COMPLAINT', countyId: panel.world.countyA, centerId: panel.world.centers.home.id, body, authorChatAccountId: chat.id },
    });
    return { fb, chat };
  }

  it.each(['PROVINCE_ADMIN', 'COUNTY_STAFF'] as const)('%s takes it into review, then answers and closes it; the sender is told in their language', async (role) => {
    const { fb, chat } = await namedFeedback(`صف طولانی ${role}`, 'en');
    const shown = await as(role).get(`Feedback/records/${fb.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name)).toContain('handleFeedback');
    expect((await as(role).post(`Feedback/records/${fb.id}/handleFeedback`, { state: 'IN_REVIEW' })).body.notice?.type).toBe('success');
    expect(await panel.database.db.feedback.findUniqueOrThrow({ where: { id: fb.id } })).toMatchObject({ state: 'IN_REVIEW', assignedToId: panel.world.logins[role].user.id });
    const r = await as(role).post(`Feedback/records/${fb.id}/handleFeedback`, { state: 'RESOLVED', response: 'میز دوم شنبه‌ها باز است.' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await panel.database.db.feedback.findUniqueOrThrow({ where: { id: fb.id } })).toMatchObject({ state: 'RESOLVED', response: 'میز دوم شنبه‌ها باز است.' });
    expect(await auditsOf(fb.id)).toEqual(['feedback.handle', 'feedback.handle']);
    const [sent] = await panel.database.db.outboxMessage.findMany({ where: { chatAccountId: chat.id } });
    expect(renderNotification(sent!.template, sent!.params as NotificationParams, chat.language).text).toBe('The answer to your message: میز دوم شنبه‌ها باز است.');
    // Closed: no button any more.
    const after = await as(role).get(`Feedback/records/${fb.id}/show`);
    expect(after.body.record?.recordActions?.map((a) => a.name)).not.toContain('handleFeedback');
  });

  it('PROVINCE_SUPERVISOR and AUDITOR see it without the button and are refused; nothing written', async () => {
    const { fb } = await namedFeedback('بدون دسترسی');
    for (const role of ['PROVINCE_SUPERVISOR', 'AUDITOR'] as const) {
      const shown = await as(role).get(`Feedback/records/${fb.id}/show`);
      expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain('handleFeedback');
      expect(refused(await as(role).post(`Feedback/records/${fb.id}/handleFeedback`, { state: 'DISMISSED', response: 'x' })), role).toBe(true);
    }
    expect(await panel.database.db.feedback.findUniqueOrThrow({ where: { id: fb.id } })).toMatchObject({ state: 'NEW', response: null });
    expect(await auditsOf(fb.id)).toEqual([]);
  });

  it("closing without an answer is core's sentence under the field; nothing written", async () => {
    const { fb, chat } = await namedFeedback('بی‌پاسخ');
    const r = await as('COUNTY_STAFF').post(`Feedback/records/${fb.id}/handleFeedback`, { state: 'RESOLVED' });
    expect(r.body.notice).toMatchObject({ type: 'error', message: REQUIRED_FA });
    expect(r.body.data?.error).toMatchObject({ code: 'REQUIRED', field: 'response' });
    expect(await panel.database.db.feedback.findUniqueOrThrow({ where: { id: fb.id } })).toMatchObject({ state: 'NEW' });
    expect(await panel.database.db.outboxMessage.count({ where: { chatAccountId: chat.id } })).toBe(0);
  });
});

describe('recordMinutes', () => {
  const typed = (title: string) => ({
    centerId: panel.world.centers.home.id,
    title,
    meetingAt: '2026-11-20',
    attendees: 'رئیس، نائب رئیس، مسئول مالی',
    decisions: 'توزیع ۴۰ سبد غذایی در دی',
    followUpDueAt: '۲۰۲۶-۱۲-۳۱',
    followUpRole: 'ADMIN_FINANCE',
  });

  it("the form is core's schema in Persian: days on the Jalali calendar, the follow-up role by its name", async () => {
    const r = await as('CHAIR').get('Minutes/actions/recordMinutes');
    const form = r.body.data?.form as { schema: { properties: Record<string, { format?: string }>; required: string[] }; ui: Record<string, { label: string; options?: { value: string; label: string }[] }> };
    expect(form.schema.properties.meetingAt?.format).toBe('date');
    expect(form.schema.properties.followUpDueAt?.format).toBe('date');
    expect(form.schema.required).toEqual(expect.arrayContaining(['centerId', 'meetingAt', 'title', 'decisions']));
    expect(form.ui.followUpDueAt?.label).toBe('مهلت پیگیری مصوبات');
    expect(form.ui.followUpRole?.options).toContainEqual({ value: 'VICE_CHAIR', label: 'نائب رئیس' });
    // The center picker offers the chair's own center only.
    expect(form.ui.centerId?.options?.map((o) => o.value)).toEqual([panel.world.centers.home.id]);
  });

  it.each(['CHAIR', 'VICE_CHAIR'] as const)('%s records the minutes and the follow-up task they set; audited', async (role) => {
    const title = `جلسهٔ آذر (${role})`;
    const r = await as(role).post('Minutes/actions/recordMinutes', typed(title));
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const minutes = await panel.database.db.minutes.findFirstOrThrow({ where: { title } });
    expect(minutes).toMatchObject({ centerId: panel.world.centers.home.id, decisions: 'توزیع 40 سبد غذایی در دی' });
    expect(await auditsOf(minutes.id)).toEqual(['minutes.record']);
    const task = await panel.database.db.trusteeTask.findFirstOrThrow({ where: { minutesId: minutes.id } });
    expect(task).toMatchObject({ assigneeRole: 'ADMIN_FINANCE', title, dueAt: new Date('2026-12-31T20:29:59.999Z') });
    expect(await auditsOf(task.id)).toEqual(['task.create']);
  });

  it('county staff are refused (minutes are the board\'s); missing decisions are core\'s sentence; nothing written', async () => {
    expect(refused(await as('COUNTY_STAFF').post('Minutes/actions/recordMinutes', typed('جلسهٔ ستاد')))).toBe(true);
    const { decisions: _, ...withoutDecisions } = typed('بی‌مصوبه');
    const r = await as('CHAIR').post('Minutes/actions/recordMinutes', withoutDecisions);
    expect(r.body.notice).toMatchObject({ type: 'error', message: REQUIRED_FA });
    expect(r.body.data?.error).toMatchObject({ code: 'REQUIRED', field: 'decisions' });
    expect(await panel.database.db.minutes.count({ where: { title: { in: ['جلسهٔ ستاد', 'بی‌مصوبه'] } } })).toBe(0);
  });
});

describe('archive documents', () => {
  const typed = (title: string, centerId = panel.world.centers.home.id) => ({ centerId, title, kind: 'FINANCIAL', referenceNo: '۱۴۰۵/م/۷', documentDate: '2026-11-01', physicalLocation: 'قفسهٔ ۲' });

  it.each(['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR', 'VICE_CHAIR'] as const)('%s adds a document, then asks to destroy it; Imdad decides on the approval request', async (role) => {
    const title = `دفتر دریافت‌ها (${role})`;
    expect((await as(role).post('ArchiveDocument/actions/addArchiveDocument', typed(title))).body.notice?.type).toBe('success');
    const doc = await panel.database.db.archiveDocument.findFirstOrThrow({ where: { title } });
    expect(doc).toMatchObject({ kind: 'FINANCIAL', referenceNo: '1405/م/7', state: 'KEPT' });

    const shown = await as(role).get(`ArchiveDocument/records/${doc.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name)).toContain('requestArchiveDestruction');
    const r = await as(role).post(`ArchiveDocument/records/${doc.id}/requestArchiveDestruction`, { reason: 'مهلت نگهداری گذشته است' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect((await panel.database.db.archiveDocument.findUniqueOrThrow({ where: { id: doc.id } })).state).toBe('DESTRUCTION_REQUESTED');
    expect(await auditsOf(doc.id)).toEqual(['archive.add', 'archive.requestDestruction']);

    // The one approval mechanism: Imdad approves the request, and only then is it destroyed --
    // a second officer when county staff asked for it themselves.
    const request = await panel.database.db.approvalRequest.findFirstOrThrow({ where: { kind: 'ARCHIVE_DESTRUCTION', targetId: doc.id } });
    if (role === 'COUNTY_STAFF') {
      const own = await as('COUNTY_STAFF').post(`ApprovalRequest/records/${request.id}/approve`);
      expect(own.body.notice).toMatchObject({ type: 'error', message: localeString('fa', 'errors', 'OWN_REQUEST_APPROVAL') });
      expect((await panel.database.db.archiveDocument.findUniqueOrThrow({ where: { id: doc.id } })).state).toBe('DESTRUCTION_REQUESTED');
    }
    const decider = role === 'COUNTY_STAFF' ? 'PROVINCE_ADMIN' : 'COUNTY_STAFF';
    expect((await as(decider).post(`ApprovalRequest/records/${request.id}/approve`)).body.notice?.type).toBe('success');
    expect(await panel.database.db.archiveDocument.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({ state: 'DESTROYED', destructionApprovalId: request.id });
  });

  it('the auditor and the finance officer are refused both; a center of another county is refused to county staff; nothing written', async () => {
    for (const role of ['AUDITOR', 'FINANCE'] as const) expect(refused(await as(role).post('ArchiveDocument/actions/addArchiveDocument', typed(`رد ${role}`))), role).toBe(true);
    const elsewhere = await as('COUNTY_STAFF').post('ArchiveDocument/actions/addArchiveDocument', typed('رد بیرون', panel.world.centers.elsewhere.id));
    expect(elsewhere.body.data?.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(await panel.database.db.archiveDocument.count({ where: { title: { startsWith: 'رد ' } } })).toBe(0);

    const doc = await panel.database.db.archiveDocument.create({ data: { centerId: panel.world.centers.home.id, kind: 'OTHER', title: 'نامهٔ قدیمی' } });
    const shown = await as('FINANCE').get(`ArchiveDocument/records/${doc.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain('requestArchiveDestruction');
    expect(refused(await as('FINANCE').post(`ArchiveDocument/records/${doc.id}/requestArchiveDestruction`, { reason: 'x' }))).toBe(true);
    const blank = await as('CHAIR').post(`ArchiveDocument/records/${doc.id}/requestArchiveDestruction`, { reason: ' ' });
    expect(blank.body.notice).toMatchObject({ type: 'error', message: REQUIRED_FA });
    expect((await panel.database.db.archiveDocument.findUniqueOrThrow({ where: { id: doc.id } })).state).toBe('KEPT');
    expect(await panel.database.db.approvalRequest.count({ where: { targetId: doc.id } })).toBe(0);
  });
});

describe('task templates', () => {
  it.each(['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'] as const)('%s adds a role duty and edits one; audited', async (role) => {
    const form = await as(role).get('TaskTemplate/actions/createTaskTemplate');
    const properties = (form.body.data?.form as { schema: { properties: Record<string, { type?: string }> } }).schema.properties;
    expect(properties.day?.type).toBe('integer');
    const title = `گزارش بهداشت (${role})`;
    const r = await as(role).post('TaskTemplate/actions/createTaskTemplate', { role: 'HEALTH', title, frequency: 'YEARLY', month: '۹', day: '۲۰' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const created = await panel.database.db.taskTemplate.findFirstOrThrow({ where: { title } });
    expect(created).toMatchObject({ role: 'HEALTH', rrule: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=20', active: true });
    expect(await auditsOf(created.id)).toEqual(['taskTemplate.create']);

    const edited = await as(role).post(`TaskTemplate/records/${created.id}/updateTaskTemplate`, { day: '۵', active: 'false' });
    expect(edited.body.notice?.type, edited.body.notice?.message).toBe('success');
    expect(await panel.database.db.taskTemplate.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ rrule: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=5', active: false, title });
    expect(await auditsOf(created.id)).toEqual(['taskTemplate.create', 'taskTemplate.update']);
  });

  it('county staff read the duties but cannot add or change one; a yearly duty without its month is core\'s sentence', async () => {
    const meeting = await panel.database.db.taskTemplate.findUniqueOrThrow({ where: { code: 'monthly-board-meeting' } });
    const shown = await as('COUNTY_STAFF').get(`TaskTemplate/records/${meeting.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain('updateTaskTemplate');
    expect(refused(await as('COUNTY_STAFF').post(`TaskTemplate/records/${meeting.id}/updateTaskTemplate`, { active: 'false' }))).toBe(true);
    expect(refused(await as('COUNTY_STAFF').post('TaskTemplate/actions/createTaskTemplate', { role: 'CHAIR', title: 'رد ستاد', frequency: 'MONTHLY', day: '1' }))).toBe(true);
    expect(await panel.database.db.taskTemplate.findUniqueOrThrow({ where: { id: meeting.id } })).toEqual(meeting);
    const r = await as('PROVINCE_ADMIN').post('TaskTemplate/actions/createTaskTemplate', { role: 'CHAIR', title: 'بی‌ماه', frequency: 'YEARLY', day: '1' });
    expect(r.body.notice).toMatchObject({ type: 'error', message: REQUIRED_FA });
    expect(await panel.database.db.taskTemplate.count({ where: { title: { in: ['رد ستاد', 'بی‌ماه'] } } })).toBe(0);
  });
});
