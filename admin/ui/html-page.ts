/**
 * The panel's own pages outside AdminJS (login, logout, a center's poster): one HTML
 * document each, in the reader's language and direction, that asks nothing of any other
 * server.
 */
import type { Language } from '../../messenger/i18n.ts';
import { directionOf } from '../locale/index.ts';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A whole document: `head` adds its styles after the title, `body` is the page's markup. */
export function htmlPage(lng: Language, title: string, parts: { head: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="${lng}" dir="${directionOf(lng)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
${parts.head}
</head>
<body>
${parts.body}
</body>
</html>`;
}
