/** Amounts for people: Toman with separators (Persian digits in fa); the books keep Rials. */
const fa = new Intl.NumberFormat('fa-IR');
const en = new Intl.NumberFormat('en-US');

export function rialToToman(rial: bigint): bigint {
  return rial / 10n;
}

/** «۲٬۵۰۰٬۰۰۰ تومان» / "2,500,000 Toman" */
export function formatToman(rial: bigint, lang: 'fa' | 'en' = 'fa'): string {
  const toman = rialToToman(rial);
  return lang === 'fa' ? `${fa.format(toman)} تومان` : `${en.format(toman)} Toman`;
}

/** «۲۵٬۰۰۰٬۰۰۰ ریال», for the books. */
export function formatRial(rial: bigint, lang: 'fa' | 'en' = 'fa'): string {
  return lang === 'fa' ? `${fa.format(rial)} ریال` : `${en.format(rial)} Rial`;
}
