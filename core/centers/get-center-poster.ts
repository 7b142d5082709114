/**
 * What a licensed center's poster prints (the panel's printable A4 page with the bot's QR
 * codes): its name, host, county and activity code. Only those who may see the center get
 * it, and only while the center is licensed: a poster must never invite people to a center
 * that may not act under its name (domain.md rule 1).
 */
import { z } from 'zod';
import type { HostType } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';

export const getCenterPosterInput = z.object({ centerId: id });
export type GetCenterPosterInput = z.input<typeof getCenterPosterInput>;

export interface CenterPoster {
  id: string;
  name: string;
  hostType: HostType;
  hostName: string;
  countyName: string;
  activityCode: string;
}

export async function getCenterPoster(ctx: Ctx, actor: Actor, raw: GetCenterPosterInput): Promise<CenterPoster> {
  const input = parseInput(getCenterPosterInput, raw);
  const center = await ctx.db.center.findUnique({
    where: { id: input.centerId },
    select: {
      id: true,
      name: true,
      hostType: true,
      hostName: true,
      activityCode: true,
      licenseState: true,
      countyId: true,
      county: { select: { name: true } },
    },
  });
  if (!center) throw new DomainError('NOT_FOUND');
  authorize(actor, 'center.read', { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState });
  if (center.licenseState !== 'LICENSED' || !center.activityCode) throw new DomainError('CENTER_NOT_LICENSED');
  return {
    id: center.id,
    name: center.name,
    hostType: center.hostType,
    hostName: center.hostName,
    countyName: center.county.name,
    activityCode: center.activityCode,
  };
}
