/**
 * One-time codes that link a trustee's chat account: hashed at rest, one open
 * code per membership, single use, expiring after linkCodeTtlHours.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../prisma/client.ts';
import type { ChatActor } from '../../../core/actor.ts';
import type { Ctx } from '../../../core/context.ts';
import { issueLinkCode } from '../../../core/trustees/issue-link-code.ts';
import { redeemLinkCode } from '../../../core/trustees/redeem-link-code.ts';
import { endAppointment } from '../../../core/trustees/end-appointment.ts';
import { hashLinkCode } from '../../../core/trustees/link-code.ts';
import { createCenter, createTrustee, uniqueNumber } from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { NOW, openWorld, personWithChat, testCtx, type World } from '../../helpers/centers.ts';
import { persianDigits } from '../../../messenger/digits.ts';

const database = useTestDatabase();
let db: Db;
let ctx: Ctx;
let w: World;
beforeAll(async () => ({ db, ctx, w } = await openWorld(database)));

async function newChat(): Promise<ChatActor> {
  const chat = await db.chatAccount.create({ data: { platform: 'BALE', externalUserId: `b${uniqueNumber()}` } });
  return { kind: 'chat', chatAccountId: chat.id, personId: null };
}

async function appointedTrustee() {
  const center = await createCenter(db, { countyId: w.countyA });
  return createTrustee(db, { centerId: center.id, role: 'VICE_CHAIR' });
}


describe('issue a link code', () => {
  it('staff of the county issue a 10-digit code stored only as its hash, valid for linkCodeTtlHours', async () => {
    const m = await appointedTrustee();
    const { code, expiresAt, linkCodeId } = await issueLinkCode(ctx, w.staffA, { membershipId: m.id });
    expect(code).toMatch(/^\d{10}$/);
    expect(expiresAt).toEqual(new Date(NOW.getTime() + 72 * 3600_000));
    const row = await db.trusteeLinkCode.findUniqueOrThrow({ where: { id: linkCodeId } });
    expect(row.codeHash).toBe(hashLinkCode(code));
    expect(JSON.stringify(row)).not.toContain(code);
    const auditRow = await db.auditLog.findFirstOrThrow({ where: { entityId: linkCodeId, action: 'trustee.issueLinkCode' } });
    expect(JSON.stringify(auditRow.after)).not.toContain(code);
  });
  it('a new code revokes the previous one', async () => {
    const m = await appointedTrustee();
    const first = await issueLinkCode(ctx, w.staffA, { membershipId: m.id });
    const second = await issueLinkCode(ctx, w.staffA, { membershipId: m.id });
    expect((await db.trusteeLinkCode.findUniqueOrThrow({ where: { id: first.linkCodeId } })).revokedAt).toEqual(NOW);
    await expect(redeemLinkCode(ctx, await newChat(), { code: first.code })).rejects.toMatchObject({ code: 'LINK_CODE_INVALID' });
    expect((await redeemLinkCode(ctx, await newChat(), { code: second.code })).membershipId).toBe(m.id);
  });
  it('is refused to the chair, to another county’s staff, and for a trustee not appointed', async () => {
    const m = await appointedTrustee();
    const chair = await trusteeActor(db, m.centerId, 'CHAIR');
    await expect(issueLinkCode(ctx, chair, { membershipId: m.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(issueLinkCode(ctx, w.staffB, { membershipId: m.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const proposed = await createTrustee(db, { centerId: m.centerId, role: 'HEALTH', state: 'PROPOSED' });
    await expect(issueLinkCode(ctx, w.staffA, { membershipId: proposed.id })).rejects.toMatchObject({ code: 'TRUSTEE_NOT_APPOINTED' });
    expect(await db.trusteeLinkCode.count({ where: { membershipId: { in: [m.id, proposed.id] } } })).toBe(0);
  });
});

describe('redeem a link code', () => {
  it('links the chat account to the trustee once (typed in Persian digits), audited and acknowledged', async () => {
    const m = await appointedTrustee();
    const { code } = await issueLinkCode(ctx, w.staffA, { membershipId: m.id });
    const chat = await newChat();
    const result = await redeemLinkCode(ctx, chat, { code: persianDigits(`${code.slice(0, 5)} ${code.slice(5)}`) });
    expect(result).toMatchObject({ membershipId: m.id, personId: m.personId, role: 'VICE_CHAIR' });
    expect((await db.chatAccount.findUniqueOrThrow({ where: { id: chat.chatAccountId } })).personId).toBe(m.personId);
    expect(await db.auditLog.count({ where: { entityId: chat.chatAccountId, action: 'trustee.linkChat' } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { chatAccountId: chat.chatAccountId, template: 'trustee.linked' } })).toBe(1);
    // Used: refused for anyone, the same chat included.
    await expect(redeemLinkCode(ctx, await newChat(), { code })).rejects.toMatchObject({ code: 'LINK_CODE_USED' });
    await expect(redeemLinkCode(ctx, chat, { code })).rejects.toMatchObject({ code: 'LINK_CODE_USED' });
  });
  it('two chats redeeming one code at once: exactly one is linked', async () => {
    const m = await appointedTrustee();
    const { code } = await issueLinkCode(ctx, w.staffA, { membershipId: m.id });
    const chats = [await newChat(), await newChat()];
    const results = await Promise.allSettled(chats.map((c) => redeemLinkCode(ctx, c, { code })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'LINK_CODE_USED' } });
    expect(await db.chatAccount.count({ where: { id: { in: chats.map((c) => c.chatAccountId) }, personId: m.personId } })).toBe(1);
  });
  it('an expired code is refused: valid at TTL − 1 minute, refused at TTL', async () => {
    const m = await appointedTrustee();
    const { code } = await issueLinkCode(ctx, w.staffA, { membershipId: m.id });
    const at = (ms: number) => testCtx(db, new Date(NOW.getTime() + ms));
    const chat = await newChat();
    await expect(redeemLinkCode(at(72 * 3600_000), chat, { code })).rejects.toMatchObject({ code: 'LINK_CODE_EXPIRED' });
    expect((await db.chatAccount.findUniqueOrThrow({ where: { id: chat.chatAccountId } })).personId).toBeNull();
    expect((await redeemLinkCode(at(72 * 3600_000 - 60_000), chat, { code })).membershipId).toBe(m.id);
  });
  it('wrong and malformed codes are refused with LINK_CODE_INVALID', async () => {
    for (const code of ['0000000000', '12345', 'abcdefghij', '', '۱۲۳۴۵۶۷۸۹۰۱'])
      await expect(redeemLinkCode(ctx, await newChat(), { code }), code).rejects.toMatchObject({ code: 'LINK_CODE_INVALID' });
  });
  it('a chat already linked to someone else is refused; an actor without a chat is refused', async () => {
    const m = await appointedTrustee();
    const { code } = await issueLinkCode(ctx, w.staffA, { membershipId: m.id });
    const other = await personWithChat(db);
    await expect(redeemLinkCode(ctx, { kind: 'chat', chatAccountId: other.chat.id, personId: other.person.id }, { code })).rejects.toMatchObject({
      code: 'CHAT_LINKED_TO_OTHER_PERSON',
    });
    await expect(redeemLinkCode(ctx, w.staffA, { code })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await db.trusteeLinkCode.findFirstOrThrow({ where: { membershipId: m.id } })).usedAt).toBeNull();
  });
  it('ending the appointment revokes its open code', async () => {
    const m = await appointedTrustee();
    const { code } = await issueLinkCode(ctx, w.staffA, { membershipId: m.id });
    await endAppointment(ctx, w.staffA, { membershipId: m.id, reason: 'پایان دوره' });
    await expect(redeemLinkCode(ctx, await newChat(), { code })).rejects.toMatchObject({ code: 'LINK_CODE_INVALID' });
  });
});
