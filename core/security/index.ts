import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { createFirstAdmin } from './create-first-admin.ts';
import { createStaffUser, updateStaffUser } from './staff-users.ts';

export function securityUseCases(ctx: Ctx) {
  return bindUseCases(ctx, { createFirstAdmin, createStaffUser, updateStaffUser });
}
