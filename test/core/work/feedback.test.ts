/** Feedback: anyone may send it (anonymously too), routed to the center's county, handled by that county's staff. */
import { describe, expect, it } from 'vitest';
import { submitFeedback } from '../../../core/work/submit-feedback.ts';
import { handleFeedback } from '../../../core/work/handle-feedback.ts';
import { createCenter, createPerson } from '../../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { auditRows, chatActor, outboxFor, useWorkCtx } from '../../helpers/work.ts';

const ctx = useWorkCtx();

describe('submitFeedback', () => {
  it('a named complaint about a center goes to its county with its author', async () => {
    const center = await createCenter(ctx.db);
    const person = await createPerson(ctx.db);
    const chat = await chatActor(ctx.db, person.id);
    const fb = await submitFeedback(ctx, chat, { kind: 'COMPLAINT', body: 'برخورد نامناسب', centerId: center.id });
    const row = await ctx.db.feedback.findUniqueOrThrow({ where: { id: fb.id } });
    expect(row).toMatchObject({ countyId: center.countyId, centerId: center.id, anonymous: false, authorPersonId: person.id, authorChatAccountId: chat.chatAccountId });
  });

  it('anonymous feedback stores no person or chat, and the audit row does not name the sender', async () => {
    const center = await createCenter(ctx.db);
    const person = await createPerson(ctx.db);
    const chat = await chatActor(ctx.db, person.id);
    // A wrong county chosen by the sender is overridden by the center's.
    const otherCounty = (await createCenter(ctx.db)).countyId;
    const fb = await submitFeedback(ctx, chat, { kind: 'CRITICISM', body: 'تأخیر در توزیع', centerId: center.id, countyId: otherCounty, anonymous: true });
    const row = await ctx.db.feedback.findUniqueOrThrow({ where: { id: fb.id } });
    expect(row).toMatchObject({ anonymous: true, authorPersonId: null, authorChatAccountId: null, countyId: center.countyId });
    const [a] = await auditRows(ctx.db, 'Feedback', fb.id);
    expect(a!.actorId).not.toBe(chat.chatAccountId);
    const text = JSON.stringify({ ...a, id: String(a!.id) });
    expect(text).not.toContain(person.id);
    expect(text).not.toContain(chat.chatAccountId);
  });

  it('needs a center or a county', async () => {
    await expect(submitFeedback(ctx, await chatActor(ctx.db), { kind: 'SUGGESTION', body: 'x' })).rejects.toMatchObject({ code: 'REQUIRED' });
    const county = (await createCenter(ctx.db)).countyId;
    expect((await submitFeedback(ctx, await chatActor(ctx.db), { kind: 'SUGGESTION', body: 'پیشنهاد', countyId: county })).countyId).toBe(county);
  });
});

describe('handleFeedback', () => {
  it('staff of the county review then resolve with a response; the named author is told', async () => {
    const center = await createCenter(ctx.db);
    const person = await createPerson(ctx.db);
    const fb = await submitFeedback(ctx, await chatActor(ctx.db, person.id), { kind: 'COMPLAINT', body: 'x', centerId: center.id });
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    expect((await handleFeedback(ctx, staff, { feedbackId: fb.id, state: 'IN_REVIEW' })).state).toBe('IN_REVIEW');
    await expect(handleFeedback(ctx, staff, { feedbackId: fb.id, state: 'RESOLVED' })).rejects.toMatchObject({ code: 'REQUIRED' });
    const done = await handleFeedback(ctx, staff, { feedbackId: fb.id, state: 'RESOLVED', response: 'با مسئول مرکز صحبت شد' });
    expect(done.state).toBe('RESOLVED');
    expect((await ctx.db.feedback.findUniqueOrThrow({ where: { id: fb.id } })).assignedToId).toBe(staff.staffUserId);
    expect((await outboxFor(ctx.db, person.id)).map((m) => m.template)).toEqual(['feedback.answered']);
    expect((await auditRows(ctx.db, 'Feedback', fb.id)).map((r) => r.action)).toEqual(['feedback.submit', 'feedback.handle', 'feedback.handle']);
    await expect(handleFeedback(ctx, staff, { feedbackId: fb.id, state: 'IN_REVIEW' })).rejects.toMatchObject({ code: 'FEEDBACK_CLOSED' });
  });

  it('staff of another county and the center\'s own trustees cannot handle it', async () => {
    const center = await createCenter(ctx.db);
    const fb = await submitFeedback(ctx, await chatActor(ctx.db), { kind: 'COMPLAINT', body: 'x', centerId: center.id, anonymous: true });
    const otherStaff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: (await createCenter(ctx.db)).countyId });
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    for (const actor of [otherStaff, chair])
      await expect(handleFeedback(ctx, actor, { feedbackId: fb.id, state: 'DISMISSED', response: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await ctx.db.feedback.findUniqueOrThrow({ where: { id: fb.id } })).state).toBe('NEW');
  });
});
