/** A user turns reminder kinds off and on for their own chat; nobody else can. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../prisma/client.ts';
import { createCore, type Core } from '../../../core/index.ts';
import { createProvince } from '../../../fixtures/factories.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import { staffActor } from '../../../fixtures/actors.ts';
import { chatActor, fakeClock } from '../../helpers/work.ts';

let database: Database;
let core: Core;
beforeAll(async () => {
  database = await createTestDatabase();
  core = createCore({ db: database.db, clock: fakeClock() });
});
afterAll(async () => database?.close());

describe('reminder settings', () => {
  it('mute and unmute one kind; the change is audited; the others stay on', async () => {
    const chat = await chatActor(database.db);
    expect(await core.notifications.listReminderSettings(chat)).toEqual([
      { kind: 'task', muted: false },
      { kind: 'installment', muted: false },
      { kind: 'license', muted: false },
      { kind: 'approvals', muted: false },
    ]);
    await core.notifications.setReminderMuted(chat, { kind: 'installment', muted: true });
    await core.notifications.setReminderMuted(chat, { kind: 'installment', muted: true }); // twice: no change
    expect((await core.notifications.listReminderSettings(chat)).filter((s) => s.muted).map((s) => s.kind)).toEqual(['installment']);
    expect((await database.db.chatAccount.findUniqueOrThrow({ where: { id: chat.chatAccountId } })).mutedReminders).toEqual(['installment']);
    await core.notifications.setReminderMuted(chat, { kind: 'installment', muted: false });
    expect((await core.notifications.listReminderSettings(chat)).every((s) => !s.muted)).toBe(true);
    const audit = await database.db.auditLog.findMany({ where: { entity: 'ChatAccount', entityId: chat.chatAccountId } });
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([
      ['reminders.mute', 'CHAT'],
      ['reminders.mute', 'CHAT'],
    ]);
  });

  it('an unknown kind is a validation error; staff cannot change a user\'s settings', async () => {
    const chat = await chatActor(database.db);
    // @ts-expect-error -- a broadcast is no reminder kind: what is tested is the run-time refusal
    await expect(core.notifications.setReminderMuted(chat, { kind: 'broadcast', muted: true })).rejects.toMatchObject({ code: 'VALIDATION' });
    const staff = await staffActor(database.db, 'PROVINCE_ADMIN', { provinceId: (await createProvince(database.db)).id });
    await expect(core.notifications.setReminderMuted(staff, { kind: 'task', muted: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
