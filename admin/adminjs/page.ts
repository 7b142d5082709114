/**
 * AdminJS renders its pages from a fixed template (adminjs/lib/frontend/layout-template.js)
 * that links Roboto on Google Fonts and sets no `dir`. We rewrite the rendered HTML: the
 * external link is replaced by our stylesheet (self-hosted Vazirmatn), `<html>` gets
 * `dir`, and react-select's built-in English texts ("Select...", "No options") get the
 * page language through `window.__ADMIN_SELECT__` (see patchDesignSystemBundle).
 * Anything that still points outside the server makes the render fail loudly, so an
 * AdminJS upgrade that changes the template is caught by the tests instead of by users.
 */
import type { Language } from '../../messenger/i18n.ts';
import { directionOf, translate } from '../locale/index.ts';
import { STYLESHEET_PATH } from './static.ts';

const GOOGLE_FONTS_LINK = /<link[^>]+fonts\.googleapis\.com[^>]*>/g;
const HTML_TAG = /<html lang=[^>\s]*>/;
/** A link, script, image or CSS import that a browser would fetch from another host. */
export const EXTERNAL_REFERENCE = /(?:\b(?:src|href|action)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\/)|(?:url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\/)|@import/i;

export class PageTemplateChangedError extends Error {}

function escapeScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function patchPage(html: string, lng: Language): string {
  if (!HTML_TAG.test(html) || !html.includes('</head>')) throw new PageTemplateChangedError('AdminJS page: <html lang=…> or </head> not found');
  const select = {
    placeholder: translate(lng, 'select.placeholder'),
    noOptions: translate(lng, 'select.noOptions'),
    loading: translate(lng, 'select.loading'),
  };
  // Before the bundles (they read it when loaded); the stylesheet last, after AdminJS's reset.
  const script = `<script>window.__ADMIN_SELECT__ = ${escapeScriptJson(select)};</script>`;
  const stylesheet = `<link rel="stylesheet" type="text/css" href="${STYLESHEET_PATH}">`;
  const out = html
    .replace(HTML_TAG, `<html lang="${lng}" dir="${directionOf(lng)}">`)
    .replace(GOOGLE_FONTS_LINK, '')
    .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n      ${script}`)
    .replace('</head>', `  ${stylesheet}\n    </head>`);
  if (EXTERNAL_REFERENCE.test(out)) {
    throw new PageTemplateChangedError('AdminJS page: an external URL remains in the page');
  }
  return out;
}

/**
 * react-select (inside @adminjs/design-system's bundle) has English defaults that no AdminJS
 * option reaches; the served bundle reads them from `window.__ADMIN_SELECT__` instead.
 */
export function patchDesignSystemBundle(code: string): string {
  const replacements: [RegExp, string][] = [
    [/placeholder\s*:\s*(["'])Select\.\.\.\1/, 'placeholder:(window.__ADMIN_SELECT__||{}).placeholder||"Select..."'],
    [
      /noOptionsMessage\s*:\s*function\s*\w*\s*\(\)\s*\{\s*return\s*(["'])No options\1;?\s*\}/,
      'noOptionsMessage:function(){return (window.__ADMIN_SELECT__||{}).noOptions||"No options"}',
    ],
    [
      /loadingMessage\s*:\s*function\s*\w*\s*\(\)\s*\{\s*return\s*(["'])Loading\.\.\.\1;?\s*\}/,
      'loadingMessage:function(){return (window.__ADMIN_SELECT__||{}).loading||"Loading..."}',
    ],
  ];
  let out = code;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(out)) throw new PageTemplateChangedError(`design-system bundle: ${pattern} not found`);
    out = out.replace(pattern, replacement);
  }
  return out;
}
