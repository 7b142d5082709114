/** A donor chooses to be named or stay anonymous; only they (or staff and donor officers) may change it. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { setDonorAnonymity } from '../../../core/giving/set-donor-anonymity.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { donorActor } from '../../../fixtures/actors.ts';
import { type GivingWorld, openGivingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

const code = (c: string) => expect.objectContaining({ code: c });

describe('setDonorAnonymity', () => {
  it('lets the donor be named, then anonymous again, each change audited once', async () => {
    const before = await database.db.donor.findUniqueOrThrow({ where: { id: w.donor.donorId } });
    expect(before.anonymous).toBe(true);
    await setDonorAnonymity(ctx, w.donor, { anonymous: false });
    expect((await database.db.donor.findUniqueOrThrow({ where: { id: w.donor.donorId } })).anonymous).toBe(false);
    // Choosing what is already chosen changes and audits nothing.
    await setDonorAnonymity(ctx, w.donor, { anonymous: false });
    await setDonorAnonymity(ctx, w.donor, { anonymous: true });
    expect((await database.db.donor.findUniqueOrThrow({ where: { id: w.donor.donorId } })).anonymous).toBe(true);
    expect(await database.db.auditLog.count({ where: { entityId: w.donor.donorId, action: 'donor.setAnonymity' } })).toBe(2);
  });

  it('refuses another donor and a chat that is not the donor', async () => {
    const other = await donorActor(database.db);
    await expect(setDonorAnonymity(ctx, other, { donorId: w.donor.donorId, anonymous: false })).rejects.toThrow(code('FORBIDDEN'));
    const chat = { kind: 'chat', chatAccountId: w.donor.chatAccountId, personId: w.donor.personId } as const;
    await expect(setDonorAnonymity(ctx, chat, { donorId: w.donor.donorId, anonymous: false })).rejects.toThrow(code('FORBIDDEN'));
    await expect(setDonorAnonymity(ctx, chat, { anonymous: false })).rejects.toThrow(code('REQUIRED'));
  });

  it('lets county staff of the recruiting center set it; validates the flag', async () => {
    await database.db.donor.update({ where: { id: w.donor.donorId }, data: { recruitedByCenterId: w.center.id } });
    await setDonorAnonymity(ctx, w.staff, { donorId: w.donor.donorId, anonymous: false });
    expect((await database.db.donor.findUniqueOrThrow({ where: { id: w.donor.donorId } })).anonymous).toBe(false);
    // @ts-expect-error -- a word for the flag: what is tested is the run-time refusal
    await expect(setDonorAnonymity(ctx, w.donor, { anonymous: 'yes' })).rejects.toThrow(code('VALIDATION'));
  });
});
