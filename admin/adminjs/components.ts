/**
 * The panel's component loader: the dashboard/resources components of admin/components
 * plus our override of AdminJS's logged-in menu. Shared by the plugin and the prebuild
 * script, so both bundle exactly the same components (and hit the same cache entry).
 */
import path from 'node:path';
import { ComponentLoader } from 'adminjs';
import { registerComponents } from '../components/index.ts';

const ADMIN_DIR = path.resolve(import.meta.dirname, '..');

export function panelComponents(): { loader: ComponentLoader; ids: Record<string, string> } {
  const loader = new ComponentLoader();
  const ids = registerComponents(loader);
  loader.override('LoggedIn', path.join(ADMIN_DIR, 'ui/logged-in.ts'));
  return { loader, ids };
}
