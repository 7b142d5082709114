/**
 * AdminJS's server side without its browser side. AdminJS's entry point re-exports its React
 * front end (the design system, tiptap, react-select…) and imports its Rollup/Babel bundler,
 * though a server that serves a prebuilt bundle (admin/adminjs/bundle.ts) runs neither: together
 * about 2,000 modules and 150 MB of resident memory. These hooks rewrite six of AdminJS's
 * files as Node loads them, before anything imports AdminJS:
 * - its entry point stops re-exporting `./frontend/index.js` (the server never imports React
 *   components from 'adminjs'; admin/components are bundled for the browser, not loaded here);
 * - `lib/adminjs.js` and its app controller get a bundler that refuses to run instead of Rollup:
 *   AdminJS bundles only from `initialize()`/`watch()` and its own bundle route, which this
 *   server never uses (admin/adminjs/router.ts serves the bundle that bundle.ts keeps, and
 *   bundle.ts loads the bundler itself, only when the bundle is stale);
 * - the page templates and the action decorator take `combineStyles` and `DEFAULT_DRAWER_WIDTH`
 *   from their own files in the design system, not from its index (the whole React library).
 * A rewrite that no longer matches throws at load: an AdminJS upgrade that moves these lines
 * is caught by the tests, not by a server that quietly loads everything again.
 */
import { registerHooks } from 'node:module';

export class AdminjsLayoutChangedError extends Error {}

interface Rewrite {
  /** The end of the file's URL, inside node_modules. */
  file: string;
  from: string;
  to: string;
}

/** In place of AdminJS's Rollup bundler: any use of it says where the bundle comes from instead. */
const NO_BUNDLER =
  "const componentsBundler = new Proxy({}, { get() { throw new Error('AdminJS bundler not loaded on this server: the components bundle is built by admin/adminjs/bundle.ts'); } });";

function rewrites(): Rewrite[] {
  const designSystem = import.meta.resolve('@adminjs/design-system');
  const combineStyles = new URL('./utils/combine-styles.js', designSystem).href;
  const constants = new URL('./constants.js', designSystem).href;
  const importCombineStyles = "import { combineStyles } from '@adminjs/design-system';";
  const fromItsFile = `import { combineStyles } from ${JSON.stringify(combineStyles)};`;
  return [
    { file: '/node_modules/adminjs/lib/index.js', from: "export * from './frontend/index.js';", to: '' },
    { file: '/node_modules/adminjs/lib/adminjs.js', from: "import componentsBundler from './backend/bundler/components.bundler.js';", to: NO_BUNDLER },
    { file: '/node_modules/adminjs/lib/backend/controllers/app-controller.js', from: "import componentsBundler from '../bundler/components.bundler.js';", to: NO_BUNDLER },
    {
      file: '/node_modules/adminjs/lib/backend/decorators/action/action-decorator.js',
      from: "import { DEFAULT_DRAWER_WIDTH } from '@adminjs/design-system';",
      to: `import { DEFAULT_DRAWER_WIDTH } from ${JSON.stringify(constants)};`,
    },
    { file: '/node_modules/adminjs/lib/frontend/layout-template.js', from: importCombineStyles, to: fromItsFile },
    { file: '/node_modules/adminjs/lib/frontend/login-template.js', from: importCombineStyles, to: fromItsFile },
  ];
}

let registered = false;

/** Registers the rewrites once per process; must run before the first import of 'adminjs'. */
export function loadAdminjsServerOnly(): void {
  if (registered) return;
  registered = true;
  const byFile = rewrites();
  registerHooks({
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      const rewrite = byFile.find((r) => url.endsWith(r.file));
      if (!rewrite) return result;
      const source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source as Uint8Array);
      if (!source.includes(rewrite.from)) throw new AdminjsLayoutChangedError(`${rewrite.file}: "${rewrite.from}" not found`);
      return { ...result, source: source.replace(rewrite.from, rewrite.to) };
    },
  });
}
