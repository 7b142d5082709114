/**
 * `node --import` this: every module the process loads (ESM and CommonJS) is written, one URL
 * a line, to LOADED_MODULES_FILE when the process exits.
 */
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded: string[] = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => writeFileSync(process.env.LOADED_MODULES_FILE!, loaded.join('\n')));
