/**
 * The login and logout-confirmation pages: plain server-rendered forms (no scripts, no
 * external resources), right-to-left in Persian, in the self-hosted Vazirmatn font.
 */
import type { Language } from '../../messenger/i18n.ts';
import { STYLESHEET_PATH } from '../adminjs/static.ts';
import { localDigits, translate } from '../locale/index.ts';
import { escapeHtml, htmlPage } from '../ui/html-page.ts';

const PAGE_STYLE = `
body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: #f6f7fb; color: #1c1c38; }
main { width: min(92vw, 380px); background: #fff; border-radius: 12px; box-shadow: 0 4px 24px rgba(28,28,56,.08); padding: 32px 28px; }
h1 { font-size: 20px; margin: 0 0 4px; }
p.sub { color: #5b5b77; font-size: 13px; margin: 0 0 24px; }
label { display: block; font-size: 14px; margin: 16px 0 6px; }
input[type=text], input[type=password] { box-sizing: border-box; width: 100%; padding: 10px 12px; border: 1px solid #c0c0ca; border-radius: 8px; font-size: 15px; direction: ltr; }
button { margin-top: 24px; width: 100%; padding: 11px; border: 0; border-radius: 8px; background: #3040d6; color: #fff; font-size: 15px; cursor: pointer; }
.msg { padding: 10px 12px; border-radius: 8px; font-size: 14px; margin-bottom: 8px; }
.msg.error { background: #fdecec; color: #9b1c1c; }
.msg.info { background: #eef3ff; color: #1c3b9b; }
nav { margin-top: 18px; text-align: center; font-size: 13px; }
nav a { color: #3040d6; }
`;

function page(lng: Language, title: string, body: string): string {
  return htmlPage(lng, title, { head: `<link rel="stylesheet" href="${STYLESHEET_PATH}">\n<style>${PAGE_STYLE}</style>`, body: `<main>\n${body}\n</main>` });
}

export type LoginMessage =
  | { kind: 'invalidCredentials' | 'notAppointed' | 'crossSite'; tone: 'error' }
  | { kind: 'locked'; tone: 'error'; minutes: number }
  | { kind: 'expired' | 'loggedOut'; tone: 'info' };

export function renderLoginPage(options: { lng: Language; username?: string; next?: string | null; message?: LoginMessage }): string {
  const { lng, username = '', next, message } = options;
  const t = (key: string, vars?: Record<string, string | number>) => escapeHtml(translate(lng, key, vars));
  const other: Language = lng === 'fa' ? 'en' : 'fa';
  const switchHref = `/admin/login?lang=${other}${next ? `&next=${encodeURIComponent(next)}` : ''}`;
  const notice = message
    ? `<div class="msg ${message.tone}" role="${message.tone === 'error' ? 'alert' : 'status'}">${
        message.kind === 'locked' ? t('login.locked', { minutes: localDigits(lng, message.minutes) }) : t(`login.${message.kind}`)
      }</div>`
    : '';
  return page(
    lng,
    translate(lng, 'login.title'),
    `<h1>${t('login.title')}</h1>
<p class="sub">${t('login.subtitle')}</p>
${notice}
<form method="post" action="/admin/login" autocomplete="on">
<input type="hidden" name="lang" value="${lng}">
${next ? `<input type="hidden" name="next" value="${escapeHtml(next)}">` : ''}
<label for="username">${t('login.username')}</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${username ? '' : ' autofocus'}>
<label for="password">${t('login.password')}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${username ? ' autofocus' : ''}>
<button type="submit">${t('login.submit')}</button>
</form>
<nav><a href="${escapeHtml(switchHref)}" hreflang="${other}" lang="${other}">${t('login.switchLanguage')}</a></nav>`,
  );
}

export function renderLogoutPage(lng: Language): string {
  const t = (key: string) => escapeHtml(translate(lng, key));
  return page(
    lng,
    translate(lng, 'logout.title'),
    `<h1>${t('logout.title')}</h1>
<p class="sub">${t('logout.question')}</p>
<form method="post" action="/admin/logout"><button type="submit">${t('logout.submit')}</button></form>
<nav><a href="/admin">${t('adminjs.labels.dashboard')}</a></nav>`,
  );
}
