/** Questions the pledge, payment and gift flows share: the fund, an amount in Toman, the day, free text, an optional answer. */
import { FUNDS } from '../../core/giving/shared.ts';
import { toJalali } from '../../core/jalali.ts';
import { formatToman } from '../../messenger/format.ts';
import type { Language, TFunction } from '../../messenger/i18n.ts';
import type { Fund } from '../../prisma/generated/client/client.ts';
import { btn, buttons, oneOf, skipKeyboard, valueOf } from '../keyboards/donor-buttons.ts';
import type { Dialog } from './donor-ask.ts';
import { jalaliExample, paidAtFor, parseJalaliDate, parseTomanAmount, yesterdayOf, type Parsed } from './donor-parse.ts';

function fundKeyboard(t: TFunction) {
  return buttons(FUNDS.map((f) => ({ label: t(`donor:fund.${f}`), data: btn('fund', f) })), 2);
}

export async function askFund(d: Dialog): Promise<Fund> {
  return d.ask({ prompt: (t) => t('donor:pledge.askFund'), keyboard: fundKeyboard, onButton: oneOf('fund', FUNDS) });
}

/** An amount in Toman: typed in any digits, or one of the suggested buttons (the prompt may name the first as {{amount}}). */
export async function askAmount(d: Dialog, promptKey: string, suggestions: readonly bigint[]): Promise<string> {
  const suggested = suggestions[0];
  return d.ask({
    prompt: (t) => t(promptKey, suggested === undefined ? {} : { amount: formatToman(suggested, d.ctx.language) }),
    ...(suggestions.length > 0
      ? { keyboard: () => buttons(suggestions.map((rial) => ({ label: formatToman(rial, d.ctx.language), data: btn('amt', (rial / 10n).toString()) })), 2) }
      : {}),
    onButton: (data) => {
      const v = valueOf('amt', data);
      if (v === null) return null;
      const parsed = parseTomanAmount(v);
      return parsed.ok ? parsed.value : null;
    },
    onText: parseTomanAmount,
  });
}

export function freeText(max: number): (s: string) => Parsed<string> {
  return (s) => {
    const v = s.trim();
    if (!v || v.startsWith('/')) return { ok: false, error: 'errors:REQUIRED' };
    return v.length > max ? { ok: false, error: 'errors:TEXT_TOO_LONG' } : { ok: true, value: v };
  };
}

/** A question with a "skip" button: the typed value, or null when skipped. */
export async function askOptional<T>(d: Dialog, promptKey: string, onText: (s: string) => Parsed<T>): Promise<T | null> {
  const answer = await d.ask<{ value: T | null }>({
    prompt: (t) => t(promptKey),
    keyboard: skipKeyboard,
    onButton: (data) => (valueOf('skip', data) !== null ? { value: null } : null),
    onText: (s) => {
      const r = onText(s);
      return r.ok ? { ok: true, value: { value: r.value } } : r;
    },
  });
  return answer.value;
}

/**
 * The day it was paid or handed over: typed Jalali, or today / yesterday (an ISO instant).
 * `keys` word the question and the refusal of a later day for what the day means (paid, handed over).
 */
export async function askPaidAt(d: Dialog, now: string, keys = { prompt: 'donor:pay.askDate', future: 'donor:pay.futureDate' }): Promise<string> {
  const example = (lng: Language) => jalaliExample(toJalali(new Date(now)), lng);
  return d.ask({
    prompt: (t) => t(keys.prompt, { example: example(d.ctx.language) }),
    keyboard: (t) =>
      buttons([
        { label: t('donor:pay.today'), data: btn('day', 0) },
        { label: t('donor:pay.yesterday'), data: btn('day', 1) },
      ]),
    onButton: (data) => {
      const v = valueOf('day', data);
      if (v === '0') return now;
      if (v === '1') {
        const r = paidAtFor(yesterdayOf(now), now);
        return r.ok ? r.value : null;
      }
      return null;
    },
    onText: (s): Parsed<string> => {
      const day = parseJalaliDate(s);
      if (!day) return { ok: false, error: 'donor:pay.badDate', params: { example: example(d.ctx.language) } };
      const at = paidAtFor(day, now);
      return at.ok ? at : { ...at, error: keys.future };
    },
  });
}
