/**
 * A licensed center's poster as one self-contained A4 page: the center, its activity code
 * and, for each messenger that has a bot, a QR code of the link that opens the bot at this
 * center. Right to left in Persian with Persian digits; the font is the panel's own
 * Vazirmatn (admin/adminjs/static.ts), the QR codes inline SVG drawn by `qrcode`: the page
 * asks nothing of any other server. The links themselves stay in Latin characters: they
 * are typed and scanned, not read.
 */
import QRCode from 'qrcode';
import type { CenterPoster } from '../../core/centers/get-center-poster.ts';
import { translator, type Language } from '../../messenger/i18n.ts';
import { botStartUrl, centerStartPayload, type LinkablePlatform } from '../../messenger/start-link.ts';
import { FONT_PATH } from '../adminjs/static.ts';
import { localDigits } from '../locale/index.ts';
import { escapeHtml, htmlPage } from '../ui/html-page.ts';

/** A bot the poster links to. */
export interface PosterBot {
  platform: LinkablePlatform;
  username: string;
}

/** Bale first: it is the messenger most people in Iran have. */
const PLATFORM_ORDER: readonly LinkablePlatform[] = ['BALE', 'TELEGRAM'];

const STYLE = `
@font-face { font-family: 'Vazirmatn'; src: url('${FONT_PATH}') format('woff2-variations'), url('${FONT_PATH}') format('woff2'); font-weight: 100 900; font-display: block; }
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Vazirmatn', Tahoma, sans-serif; color: #1b2a3a; background: #e9edf2; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 210mm; height: 297mm; margin: 8mm auto; padding: 14mm 16mm; background: #fff; box-shadow: 0 2mm 8mm rgba(0,0,0,.15); display: flex; flex-direction: column; overflow: hidden; }
header { text-align: center; border-bottom: 0.8mm solid #0d6e4f; padding-bottom: 5mm; }
.org { font-size: 12pt; color: #0d6e4f; font-weight: 600; margin: 0; }
.program { font-size: 11pt; color: #4a5a6a; margin: 1mm 0 0; }
h1 { font-size: 28pt; line-height: 1.35; margin: 9mm 0 2mm; text-align: center; font-weight: 800; }
.host { font-size: 16pt; text-align: center; margin: 0; }
.county { font-size: 12pt; text-align: center; color: #4a5a6a; margin: 1mm 0 0; }
.code { margin: 6mm auto 0; padding: 2mm 6mm; border: 0.4mm solid #0d6e4f; border-radius: 3mm; font-size: 14pt; width: fit-content; }
.code bdi { font-weight: 700; letter-spacing: 0.05em; }
.invite { font-size: 15pt; text-align: center; margin: 10mm 0 6mm; font-weight: 600; }
.bots { display: flex; justify-content: center; gap: 12mm; flex: 1; align-items: flex-start; }
.bot { width: 78mm; text-align: center; border: 0.3mm solid #c9d3dc; border-radius: 4mm; padding: 5mm; }
.bot h2 { font-size: 16pt; margin: 0 0 3mm; }
.bot svg { width: 62mm; height: 62mm; display: block; margin: 0 auto; }
.link { direction: ltr; unicode-bidi: isolate; font-family: 'Vazirmatn', monospace; font-size: 9.5pt; margin: 3mm 0 0; overflow-wrap: anywhere; }
.none { margin: 10mm auto; padding: 6mm; max-width: 150mm; border: 0.5mm dashed #b4412e; color: #8a2c1d; border-radius: 3mm; font-size: 13pt; text-align: center; }
footer { text-align: center; font-size: 10pt; color: #4a5a6a; border-top: 0.3mm solid #c9d3dc; padding-top: 4mm; }
@media print { body { background: #fff; } .sheet { margin: 0; box-shadow: none; } }
`;

/** The QR code of `text` as inline SVG (no xmlns: the HTML parser places it, and the page names no other address). */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return svg.replace(' xmlns="http://www.w3.org/2000/svg"', ` role="img" aria-label="${escapeHtml(label)}"`);
}

function shell(lng: Language, title: string, body: string): string {
  return htmlPage(lng, title, { head: `<style>${STYLE}</style>`, body });
}

export async function renderPosterPage(lng: Language, center: CenterPoster, bots: readonly PosterBot[]): Promise<string> {
  const text = (key: string, vars?: Record<string, unknown>) => translator(lng)(`poster:${key}`, vars);
  const t = (key: string, vars?: Record<string, unknown>) => escapeHtml(text(key, vars));
  const payload = centerStartPayload(center.activityCode);
  const shown = [...bots].sort((a, b) => PLATFORM_ORDER.indexOf(a.platform) - PLATFORM_ORDER.indexOf(b.platform));
  let links: string;
  if (!payload) links = `<p class="none" role="alert">${t('codeNotLinkable')}</p>`;
  else if (!shown.length) links = `<p class="none" role="alert" data-testid="no-bots">${t('noBots')}</p>`;
  else {
    const cards = await Promise.all(
      shown.map(async (bot) => {
        const url = botStartUrl(bot.platform, bot.username, payload);
        const name = text(`platform.${bot.platform}`);
        return `<section class="bot" data-platform="${bot.platform}">
<h2>${escapeHtml(name)}</h2>
${await qrSvg(url, text('qrLabel', { platform: name }))}
<p class="link"><a href="${escapeHtml(url)}">${escapeHtml(url.replace(/^https:\/\//, ''))}</a></p>
</section>`;
      }),
    );
    links = `<p class="invite">${t('invite')}</p>\n<div class="bots">\n${cards.join('\n')}\n</div>`;
  }
  const body = `<main class="sheet">
<header>
<p class="org">${t('organization')}</p>
<p class="program">${t('program')}</p>
</header>
<h1>${escapeHtml(center.name)}</h1>
<p class="host">${escapeHtml(center.hostName)}</p>
<p class="county">${escapeHtml(center.countyName)}</p>
<p class="code">${t('activityCode')} <bdi dir="ltr">${escapeHtml(localDigits(lng, center.activityCode))}</bdi></p>
${links}
<footer>${t('footer')}</footer>
</main>`;
  return shell(lng, text('title', { center: center.name }), body);
}

/** A refusal in the same page frame: a sentence, never a stack trace. */
export function renderPosterRefusal(lng: Language, message: string): string {
  const title = translator(lng)('poster:refusedTitle');
  return shell(lng, title, `<main class="sheet"><h1>${escapeHtml(title)}</h1><p class="none" role="alert">${escapeHtml(message)}</p></main>`);
}
