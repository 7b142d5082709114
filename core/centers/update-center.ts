/**
 * A center's description as its board and the Imdad offices keep it up to date: its name,
 * the mosque (or other host) it meets in, address and phone, and the activity area in
 * words and on the map (domain.md rule 8). The license, its dates and the county are not
 * here: they change only through license decisions.
 */
import { z } from 'zod';
import { AreaKind, HostType, type Prisma } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { normalizeCode } from '../input/normalize.ts';
import { clearable, clearableNumber, clearableText, day, id, parseInput, sheba, text } from '../input/schemas.ts';
import { authorize, type Action } from '../policy.ts';
import { areaBoundary } from './apply-for-license.ts';
import { centerResult, type CenterResult } from './license-transition.ts';

/** Digits only (any script typed), between min and max of them. */
const digits = (min: number, max: number) =>
  z
    .string()
    .transform(normalizeCode)
    .pipe(z.string().regex(new RegExp(`^\\d{${min},${max}}$`), { message: 'VALIDATION' }));

export const updateCenterInput = z.object({
  centerId: id,
  name: text(200).optional(),
  hostType: z.enum(HostType, { message: 'VALIDATION' }).optional(),
  hostName: text(200).optional(),
  address: text(500).optional(),
  phone: clearable(digits(8, 11)),
  activityArea: text(1000).optional(),
  activityAreaBoundary: areaBoundary.optional(),
  latitude: clearableNumber(z.number().min(-90).max(90)),
  longitude: clearableNumber(z.number().min(-180).max(180)),
});
export type UpdateCenterInput = z.input<typeof updateCenterInput>;

export async function updateCenter(ctx: Ctx, actor: Actor, raw: UpdateCenterInput): Promise<CenterResult> {
  const { centerId, ...changes } = parseInput(updateCenterInput, raw);
  return changeCenter(ctx, actor, centerId, 'center.update', changes);
}

/**
 * Imdad's own records of a center, kept by its offices: the kind of area it serves (a
 * well-off area may serve a less-privileged one, rule 8) and the center's one account at
 * Sandogh Emdad Velayat, opened on Imdad's introduction (rule 3).
 */
export const recordCenterAccountInput = z.object({
  centerId: id,
  areaKind: z.enum(AreaKind, { message: 'VALIDATION' }).optional(),
  // Cleared (a wrong record withdrawn), pay-in-chat stops by itself: its card was tied to the account.
  sandoghAccountNo: clearable(digits(6, 20)),
  sandoghSheba: clearable(sheba),
  sandoghBranch: clearableText(200),
  sandoghIntroLetterNo: clearableText(100),
  sandoghAccountOpenedAt: clearable(day, { type: 'string', format: 'date' }),
});
export type RecordCenterAccountInput = z.input<typeof recordCenterAccountInput>;

export async function recordCenterAccount(ctx: Ctx, actor: Actor, raw: RecordCenterAccountInput): Promise<CenterResult> {
  const { centerId, ...changes } = parseInput(recordCenterAccountInput, raw);
  return changeCenter(ctx, actor, centerId, 'center.recordAccount', changes);
}

/** Writes the given columns of one center, if the actor may, with the changed ones in the audit row. */
async function changeCenter(ctx: Ctx, actor: Actor, centerId: string, action: Action, changes: Prisma.CenterUncheckedUpdateInput): Promise<CenterResult> {
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `center:${centerId}`);
    const center = await tx.center.findUnique({ where: { id: centerId } });
    if (!center) throw new DomainError('NOT_FOUND', {}, 'center');
    authorize(actor, action, { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState });
    const data = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Record<string, unknown>;
    const changed = Object.keys(data).filter((k) => JSON.stringify(data[k]) !== JSON.stringify((center as Record<string, unknown>)[k]));
    if (changed.length === 0) return centerResult(center);
    const updated = await writeUnique(tx, center.id, data);
    await audit(tx, actor, {
      action,
      entity: 'Center',
      entityId: center.id,
      before: Object.fromEntries(changed.map((k) => [k, (center as Record<string, unknown>)[k]])),
      after: Object.fromEntries(changed.map((k) => [k, (updated as Record<string, unknown>)[k]])),
    });
    return centerResult(updated);
  });
}

/** A Sandogh account or Sheba already recorded for another center is a conflict, not a crash. */
async function writeUnique(tx: Tx, centerId: string, data: Record<string, unknown>) {
  try {
    return await tx.center.update({ where: { id: centerId }, data });
  } catch (e) {
    if ((e as { code?: string })?.code === 'P2002') throw new DomainError('CONFLICT');
    throw e;
  }
}
