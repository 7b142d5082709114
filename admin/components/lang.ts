/** The panel's two languages, as the browser-side components see them (from AdminJS's i18n). */
export type Lang = 'fa' | 'en';

export function langOf(language: string | undefined): Lang {
  return language?.startsWith('en') ? 'en' : 'fa';
}

/** Counts and amounts with Persian digits and separators in fa («۱۲٬۵۰۰»). */
export function formatNumber(value: number | bigint, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US').format(value);
}
