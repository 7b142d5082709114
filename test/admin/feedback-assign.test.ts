/**
 * Feedback handed to a colleague through core (assignFeedback), over the panel's HTTP
 * routes: an operator covering it assigns it to a colleague who can answer it; a colleague
 * of another county, or a role that does not handle feedback, is refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { createPanelUser } from '../helpers/admin.ts';
import { api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const complaint = (body: string) =>
  panel.database.db.feedback.create({ data: { kind: 'COMPLAINT', countyId: panel.world.countyA, centerId: panel.world.centers.home.id, body } });
const auditsOf = (entityId: string) => panel.database.db.auditLog.findMany({ where: { entityId }, select: { action: true } }).then((r) => r.map((a) => a.action));

describe('assigning feedback to a colleague', () => {
  it("the province admin hands it to the county's staff, audited; the picker offers them", async () => {
    const fb = await complaint('صف طولانی');
    const colleague = panel.world.logins.COUNTY_STAFF.user.id;
    const form = (await as('PROVINCE_ADMIN').get(`Feedback/records/${fb.id}/assignFeedback`)).body.data?.form as { ui: Record<string, { options?: { value: string }[] }> };
    expect(form.ui.assignedToId?.options?.map((o) => o.value)).toContain(colleague);
    const r = await as('PROVINCE_ADMIN').post(`Feedback/records/${fb.id}/assignFeedback`, { assignedToId: colleague });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await panel.database.db.feedback.findUniqueOrThrow({ where: { id: fb.id } })).toMatchObject({ assignedToId: colleague, state: 'NEW' });
    expect(await auditsOf(fb.id)).toEqual(['feedback.assign']);
  });

  it('a colleague of another county cannot answer it: refused in words, nothing written', async () => {
    const fb = await complaint('نور کم');
    const other = await createPanelUser(panel.database.db, 'COUNTY_STAFF', { countyId: panel.world.countyB });
    const r = await as('PROVINCE_ADMIN').post(`Feedback/records/${fb.id}/assignFeedback`, { assignedToId: other.id });
    expect(r.body.data?.error).toMatchObject({ code: 'VALIDATION', field: 'assignedToId' });
    expect((await panel.database.db.feedback.findUniqueOrThrow({ where: { id: fb.id } })).assignedToId).toBeNull();
  });

  it.each(['PROVINCE_SUPERVISOR', 'AUDITOR', 'CHAIR'] as const)('%s may not assign: no button, refused, nothing written', async (role) => {
    const fb = await complaint(`شکایت ${role}`);
    const shown = await as(role).get(`Feedback/records/${fb.id}/show`);
    expect((shown.body.record?.recordActions ?? []).map((a) => a.name)).not.toContain('assignFeedback');
    expect(refused(await as(role).post(`Feedback/records/${fb.id}/assignFeedback`, { assignedToId: panel.world.logins.COUNTY_STAFF.user.id }))).toBe(true);
    expect((await panel.database.db.feedback.findUniqueOrThrow({ where: { id: fb.id } })).assignedToId).toBeNull();
    expect(await auditsOf(fb.id)).toEqual([]);
  });
});
