import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { getCenterMonthReport } from './get-center-month-report.ts';
import { getDashboard } from './get-dashboard.ts';
import { getDonorHistory } from './get-donor-history.ts';
import { getOverview } from './get-overview.ts';
import { getTransparencyReport } from './get-transparency-report.ts';

export function reportsUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    getCenterMonthReport,
    getTransparencyReport,
    getDonorHistory,
    getOverview,
    getDashboard,
  });
}
