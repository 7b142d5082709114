import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { getCenterMonthReport } from './get-center-month-report.ts';
import { getDashboard } from './get-dashboard.ts';
import { getDonorHistory } from './get-donor-history.ts';
import { getOverview } from './get-overview.ts';
import { getTransparencyReport } from './get-transparency-report.ts';

export function reportsUseCases(ctx: Ctx) {
  return {
    getCenterMonthReport: (actor: Actor, input: unknown) => getCenterMonthReport(ctx, actor, input),
    getTransparencyReport: (actor: Actor, input: unknown) => getTransparencyReport(ctx, actor, input),
    getDonorHistory: (actor: Actor, input: unknown) => getDonorHistory(ctx, actor, input),
    getOverview: (actor: Actor, input: unknown) => getOverview(ctx, actor, input),
    getDashboard: (actor: Actor, input?: unknown) => getDashboard(ctx, actor, input),
  };
}
