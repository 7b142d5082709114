/** The panel's home page data (see dashboard-handler.ts); the plugin sets it as AdminJS's dashboard handler. */
export { dashboardHandler } from './dashboard-handler.ts';
export type { DashboardData, DashboardRefusal } from './dashboard-data.ts';
