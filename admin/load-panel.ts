/**
 * The panel as app.ts loads it: AdminJS's server side only (adminjs/server-only.ts) before
 * anything imports AdminJS, then the panel's plugin. Kept apart from panel.ts, whose own
 * imports would load AdminJS before the hooks were in place.
 */
import { loadAdminjsServerOnly } from './adminjs/server-only.ts';

export async function loadAdminPanel() {
  loadAdminjsServerOnly();
  const { adminPanel } = await import('./panel.ts');
  return adminPanel;
}
