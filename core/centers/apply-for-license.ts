/**
 * County staff apply for a new center in their county (domain.md: county offices open
 * the centers): host, address, activity area in words and optionally on a map.
 */
import { z } from 'zod';
import { AreaKind, HostType } from '../../prisma/generated/client/client.ts';
import { personOf, type Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { centerResult, type CenterResult } from './license-transition.ts';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ring = z.array(position).min(4);
/** A GeoJSON Polygon or MultiPolygon (WGS 84), the shapes a neighbourhood map draws. */
export const areaBoundary = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export const applyForLicenseInput = z.object({
  countyId: id,
  name: text(200),
  hostType: z.enum(HostType, { message: 'VALIDATION' }),
  hostName: text(200),
  address: text(500),
  phone: optionalText(30),
  activityArea: text(1000),
  activityAreaBoundary: areaBoundary.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  areaKind: z.enum(AreaKind, { message: 'VALIDATION' }).optional(),
});
export type ApplyForLicenseInput = z.input<typeof applyForLicenseInput>;

export async function applyForLicense(ctx: Ctx, actor: Actor, raw: ApplyForLicenseInput): Promise<CenterResult> {
  const input = parseInput(applyForLicenseInput, raw);
  const county = await ctx.db.county.findUnique({ where: { id: input.countyId }, select: { id: true } });
  if (!county) throw new DomainError('NOT_FOUND', {}, 'county');
  authorize(actor, 'center.apply', { countyId: county.id });
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const center = await tx.center.create({
      data: { ...input, licenseState: 'APPLIED', appliedAt: now },
    });
    await tx.centerLicenseEvent.create({
      data: { centerId: center.id, kind: 'APPLIED', toState: 'APPLIED', actorId: personOf(actor), at: now },
    });
    await audit(tx, actor, { action: 'center.apply', entity: 'Center', entityId: center.id, after: center });
    return centerResult(center);
  });
}
