/**
 * The province office opens a county office (شهرستان): its name and optional code, the
 * prefix of the activity codes its centers will get.
 */
import { z } from 'zod';
import type { County } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { normalizeCode } from '../input/normalize.ts';
import { id, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';

export const createCountyInput = z.object({
  provinceId: id,
  name: text(100),
  code: z
    .string()
    .transform((s) => normalizeCode(s).toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{1,10}$/, { message: 'VALIDATION' }))
    .optional(),
});
export type CreateCountyInput = z.input<typeof createCountyInput>;

export type CountyResult = Pick<County, 'id' | 'provinceId' | 'name' | 'code'>;

export async function createCounty(ctx: Ctx, actor: Actor, raw: CreateCountyInput): Promise<CountyResult> {
  const input = parseInput(createCountyInput, raw);
  authorize(actor, 'county.create');
  return inTransaction(ctx, async (tx) => {
    const province = await tx.province.findUnique({ where: { id: input.provinceId }, select: { id: true } });
    if (!province) throw new DomainError('NOT_FOUND', {}, 'province');
    const taken = await tx.county.findFirst({
      where: { OR: [{ provinceId: province.id, name: input.name }, ...(input.code ? [{ code: input.code }] : [])] },
      select: { id: true },
    });
    if (taken) throw new DomainError('CONFLICT');
    const county = await tx.county.create({ data: { provinceId: province.id, name: input.name, code: input.code ?? null } });
    await audit(tx, actor, { action: 'county.create', entity: 'County', entityId: county.id, after: county });
    return { id: county.id, provinceId: county.provinceId, name: county.name, code: county.code };
  });
}
