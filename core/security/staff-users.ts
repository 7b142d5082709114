/**
 * Panel logins, given and changed by the province admin alone. A login belongs to one
 * person and one area, the right one for its role (a county for county staff, a center
 * for a trustee, the province for the province offices; the database checks it too). A
 * password is stored only as its hash, and a disabled login or a reset password ends
 * every session of that login in the same transaction.
 */
import { z } from 'zod';
import { StaffRole } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, mobile, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { password, username } from './login-fields.ts';
import { hashPassword } from './password.ts';

export const createStaffUserInput = z.object({
  username,
  role: z.enum(StaffRole, { message: 'VALIDATION' }),
  /** County staff (and a county's auditor) work in one county. */
  countyId: id.optional(),
  /** A trustee's login acts under their appointment at a center. */
  trusteeMembershipId: id.optional(),
  /** An existing person (a trustee), else a new one by name. */
  personId: id.optional(),
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  mobile: mobile.optional(),
  password,
  mustChangePassword: z.boolean().default(true),
});
export type CreateStaffUserInput = z.input<typeof createStaffUserInput>;

export interface StaffUserResult {
  id: string;
  username: string;
  role: StaffRole;
  active: boolean;
}

export async function createStaffUser(ctx: Ctx, actor: Actor, raw: CreateStaffUserInput): Promise<StaffUserResult> {
  const input = parseInput(createStaffUserInput, raw);
  authorize(actor, 'staff.manage');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const area = await areaOf(tx, actor, input);
    if (await tx.staffUser.findUnique({ where: { username: input.username }, select: { id: true } })) throw new DomainError('CONFLICT', { field: 'username' });
    const personId = area.personId ?? input.personId ?? (await newPerson(tx, input));
    if (!(await tx.person.findUnique({ where: { id: personId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', { field: 'personId' });
    const user = await tx.staffUser.create({
      data: {
        username: input.username,
        role: input.role,
        personId,
        provinceId: area.provinceId,
        countyId: area.countyId,
        centerId: area.centerId,
        trusteeMembershipId: area.trusteeMembershipId,
        passwordHash,
        passwordChangedAt: ctx.clock.now(),
        mustChangePassword: input.mustChangePassword,
      },
    });
    await audit(tx, actor, {
      action: 'staff.create',
      entity: 'StaffUser',
      entityId: user.id,
      after: { username: user.username, role: user.role, provinceId: user.provinceId, countyId: user.countyId, centerId: user.centerId, password: 'set' },
    });
    return { id: user.id, username: user.username, role: user.role, active: user.active };
  });
}

interface Area {
  provinceId: string | null;
  countyId: string | null;
  centerId: string | null;
  trusteeMembershipId: string | null;
  /** A trustee's login is the appointed person's. */
  personId: string | null;
}

/** The one area a login of this role belongs to, read from the records named. */
async function areaOf(tx: Tx, actor: Actor, input: z.output<typeof createStaffUserInput>): Promise<Area> {
  const none: Area = { provinceId: null, countyId: null, centerId: null, trusteeMembershipId: null, personId: null };
  if (input.role === 'CENTER_TRUSTEE') {
    if (!input.trusteeMembershipId) throw new DomainError('REQUIRED', { field: 'trusteeMembershipId' });
    const membership = await tx.trusteeMembership.findUnique({ where: { id: input.trusteeMembershipId }, select: { id: true, centerId: true, personId: true } });
    if (!membership) throw new DomainError('NOT_FOUND', { field: 'trusteeMembershipId' });
    return { ...none, centerId: membership.centerId, trusteeMembershipId: membership.id, personId: membership.personId };
  }
  const needsCounty = input.role === 'COUNTY_STAFF' || (input.role === 'AUDITOR' && input.countyId);
  if (needsCounty) {
    if (!input.countyId) throw new DomainError('REQUIRED', { field: 'countyId' });
    const county = await tx.county.findUnique({ where: { id: input.countyId }, select: { id: true } });
    if (!county) throw new DomainError('NOT_FOUND', { field: 'countyId' });
    return { ...none, countyId: county.id };
  }
  // The province offices: the admin's own province (the one this installation serves).
  const own = actor.kind === 'staff' ? actor.provinceId : null;
  const province = await tx.province.findFirst({ where: own ? { id: own } : {}, select: { id: true }, orderBy: { createdAt: 'asc' } });
  if (!province) throw new DomainError('NOT_FOUND', {}, 'province');
  return { ...none, provinceId: province.id };
}

async function newPerson(tx: Tx, input: z.output<typeof createStaffUserInput>): Promise<string> {
  if (!input.firstName) throw new DomainError('REQUIRED', { field: 'firstName' });
  if (!input.lastName) throw new DomainError('REQUIRED', { field: 'lastName' });
  const person = await tx.person.create({ data: { firstName: input.firstName, lastName: input.lastName, mobile: input.mobile ?? null } });
  return person.id;
}

export const updateStaffUserInput = z.object({
  staffUserId: id,
  active: z.boolean().optional(),
  mustChangePassword: z.boolean().optional(),
  newPassword: password.optional(),
});
export type UpdateStaffUserInput = z.input<typeof updateStaffUserInput>;

export async function updateStaffUser(ctx: Ctx, actor: Actor, raw: UpdateStaffUserInput): Promise<StaffUserResult> {
  const input = parseInput(updateStaffUserInput, raw);
  authorize(actor, 'staff.manage');
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : null;
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `staff-user:${input.staffUserId}`);
    const user = await tx.staffUser.findUnique({ where: { id: input.staffUserId } });
    if (!user) throw new DomainError('NOT_FOUND');
    const updated = await tx.staffUser.update({
      where: { id: user.id },
      data: {
        active: input.active ?? user.active,
        mustChangePassword: input.mustChangePassword ?? user.mustChangePassword,
        ...(passwordHash ? { passwordHash, passwordChangedAt: ctx.clock.now(), failedLoginCount: 0, lockedUntil: null } : {}),
      },
    });
    // A disabled login, or one whose password was reset, must not stay logged in anywhere.
    const endedSessions = !updated.active || passwordHash ? (await tx.adminSession.deleteMany({ where: { staffUserId: user.id } })).count : 0;
    await audit(tx, actor, {
      action: 'staff.update',
      entity: 'StaffUser',
      entityId: user.id,
      before: { active: user.active, mustChangePassword: user.mustChangePassword },
      after: { active: updated.active, mustChangePassword: updated.mustChangePassword, ...(passwordHash ? { password: 'changed' } : {}), endedSessions },
    });
    return { id: updated.id, username: updated.username, role: updated.role, active: updated.active };
  });
}
