/**
 * The panel's component loader: the dashboard/resources components of admin/components
 * plus our overrides of AdminJS's logged-in menu, list count and pages, array cells and yes/no badges. Shared by the plugin and the prebuild
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
  // AdminJS writes these numbers in Latin digits whatever the language.
  loader.override('DefaultListAction', path.join(ADMIN_DIR, 'components/list/ListAction.tsx'));
  loader.override('DefaultArrayListProperty', path.join(ADMIN_DIR, 'ui/array-count.ts'));
  loader.override('DefaultArrayShowProperty', path.join(ADMIN_DIR, 'ui/array-show.ts'));
  // And "Yes"/"No" in English whatever the language.
  loader.override('BooleanPropertyValue', path.join(ADMIN_DIR, 'ui/boolean-value.ts'));
  return { loader, ids };
}
