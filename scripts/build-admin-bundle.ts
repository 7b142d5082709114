/**
 * Prebuilds the admin panel's components bundle into the cache the server reads at start
 * (.adminjs/components.<hash>.js), e.g. in a Docker build step:
 *
 *   NODE_ENV=production node scripts/build-admin-bundle.ts
 *
 * NODE_ENV must be the one the server will run with (production bundles are minified).
 */
import AdminJS from 'adminjs';
import { ensureComponentsBundle } from '../admin/adminjs/bundle.ts';
import { panelComponents } from '../admin/adminjs/components.ts';

const { loader } = panelComponents();
const bundle = await ensureComponentsBundle(new AdminJS({ componentLoader: loader }), (msg) => console.log(msg));
console.log(bundle.rebuilt ? `built ${bundle.file}` : `up to date: ${bundle.file}`);
