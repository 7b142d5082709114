/**
 * Files the panel serves itself so a page makes no request outside this server: the
 * Vazirmatn variable font (from the `vazirmatn` package) and the panel's stylesheet.
 * These, and the login page, are the only /admin paths answered without a session.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const FONT_FILE = path.join(path.dirname(require.resolve('vazirmatn/package.json')), 'fonts/webfonts/Vazirmatn[wght].woff2');

export const FONT_PATH = '/admin/static/vazirmatn.woff2';
export const STYLESHEET_PATH = '/admin/static/panel.css';

/** The font first, then overrides for right-to-left pages (AdminJS's layout assumes ltr). */
const STYLESHEET = `@font-face {
  font-family: 'Vazirmatn';
  src: url('${FONT_PATH}') format('woff2-variations'), url('${FONT_PATH}') format('woff2');
  font-weight: 100 900;
  font-style: normal;
  font-display: swap;
}
html, body, input, textarea, select, button { font-family: 'Vazirmatn', Tahoma, sans-serif; }
html[dir='rtl'] body { text-align: right; }
html[dir='rtl'] table th, html[dir='rtl'] table td { text-align: right; }
/* AdminJS's sidebar is placed with left/right rules written for ltr: mirror them. */
html[dir='rtl'] [data-css='sidebar'] { border-right: 0; border-left: 1px solid #eeeeef; transition: right 0.25s ease-in-out; }
html[dir='rtl'] [data-css='sidebar'].visible { left: auto; right: 0; }
html[dir='rtl'] [data-css='sidebar'].hidden { left: auto; right: -300px; }
/* AdminJS's cells break words anywhere: in lists a name wraps only between words (donors and centers read whole). */
[data-css$='-list'] table td { word-break: normal; overflow-wrap: normal; }
/* Numbers, ids and codes keep their own direction inside Persian text. */
html[dir='rtl'] input[type='number'], html[dir='rtl'] input[type='tel'], html[dir='rtl'] input[type='email'] { direction: ltr; text-align: right; }
`;

export interface StaticFile {
  body: Buffer | string;
  type: string;
}

let files: Map<string, StaticFile> | undefined;

/** Exact pathname → file; read once. */
export function staticFiles(): Map<string, StaticFile> {
  files ??= new Map<string, StaticFile>([
    [FONT_PATH, { body: readFileSync(FONT_FILE), type: 'font/woff2' }],
    [STYLESHEET_PATH, { body: STYLESHEET, type: 'text/css; charset=utf-8' }],
  ]);
  return files;
}
