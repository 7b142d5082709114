/**
 * The first day in production: on a database with no province admin yet, the province and
 * its first admin login are created (by the `create-admin` command, as the system); from
 * then on the panel does the rest. Refused once a province admin exists, so the command
 * can never become a back door.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { password, username } from './login-fields.ts';
import { hashPassword } from './password.ts';

export const createFirstAdminInput = z.object({
  provinceName: text(100),
  firstName: text(100),
  lastName: text(100),
  username,
  password,
});
export type CreateFirstAdminInput = z.input<typeof createFirstAdminInput>;

export interface FirstAdmin {
  provinceId: string;
  staffUserId: string;
  username: string;
}

export async function createFirstAdmin(ctx: Ctx, actor: Actor, raw: CreateFirstAdminInput): Promise<FirstAdmin> {
  const input = parseInput(createFirstAdminInput, raw);
  authorize(actor, 'staff.bootstrap');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, 'first-admin');
    if (await tx.staffUser.count({ where: { role: 'PROVINCE_ADMIN' } })) throw new DomainError('CONFLICT', {}, 'a province admin exists');
    const province = (await tx.province.findFirst({ where: { name: input.provinceName } })) ?? (await tx.province.create({ data: { name: input.provinceName } }));
    const person = await tx.person.create({ data: { firstName: input.firstName, lastName: input.lastName } });
    const user = await tx.staffUser.create({
      data: { username: input.username, personId: person.id, role: 'PROVINCE_ADMIN', provinceId: province.id, passwordHash, passwordChangedAt: ctx.clock.now() },
    });
    await audit(tx, actor, { action: 'staff.createFirstAdmin', entity: 'StaffUser', entityId: user.id, after: { username: user.username, provinceId: province.id } });
    return { provinceId: province.id, staffUserId: user.id, username: user.username };
  });
}
