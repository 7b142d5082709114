import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { getCenterMonthReport } from './get-center-month-report.ts';
import { getDonorHistory } from './get-donor-history.ts';
import { getOverview } from './get-overview.ts';
import { getTransparencyReport } from './get-transparency-report.ts';

export function reportsUseCases(ctx: Ctx) {
  return {
    centerMonth: (actor: Actor, input: unknown) => getCenterMonthReport(ctx, actor, input),
    transparency: (actor: Actor, input: unknown) => getTransparencyReport(ctx, actor, input),
    donorHistory: (actor: Actor, input: unknown) => getDonorHistory(ctx, actor, input),
    overview: (actor: Actor, input: unknown) => getOverview(ctx, actor, input),
  };
}
