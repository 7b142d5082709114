/**
 * Buttons of the donor conversations: `dn:<step>:<value>` (values are enum
 * codes, small numbers, ordinal numbers — never an id), and the main-menu
 * entries that start each donor flow.
 */
import { InlineKeyboard, Keyboard } from 'grammy';
import { callbackData, fixedButtons } from '../../messenger/callback-data.ts';
import type { TFunction } from '../../messenger/i18n.ts';

export const donorButton = callbackData('dn', ['step', 'v']);

/** Inline buttons in rows of `columns`. */
export function buttons(items: readonly { label: string; data: string }[], columns = 2): InlineKeyboard {
  const kb = new InlineKeyboard();
  items.forEach((b, i) => {
    kb.text(b.label, b.data);
    if ((i + 1) % columns === 0 && i < items.length - 1) kb.row();
  });
  return kb;
}

export type DonorStep =
  | 'kind'
  | 'fund'
  | 'sched'
  | 'count'
  | 'amt'
  | 'anon'
  | 'ok'
  | 'skip'
  | 'pledge'
  | 'inst'
  | 'day'
  | 'fb'
  | 'how';

export function btn(step: DonorStep, v: string | number = '-'): string {
  return donorButton.encode({ step, v });
}

/** The value of a `step` button, or null for any other button. */
export function valueOf(step: DonorStep, data: string): string | null {
  const d = donorButton.decode(data);
  return d && d.step === step ? d.v : null;
}

/** A button of `step` whose value is one of `values`. */
export function oneOf<V extends string>(step: DonorStep, values: readonly V[]): (data: string) => V | null {
  return (data) => {
    const v = valueOf(step, data);
    return v !== null && (values as readonly string[]).includes(v) ? (v as V) : null;
  };
}

/** Yes/no as two buttons of one step. */
export function yesNo(step: DonorStep, yes: string, no: string) {
  return buttons([
    { label: yes, data: btn(step, 1) },
    { label: no, data: btn(step, 0) },
  ]);
}

export const yesNoValue = (step: DonorStep) => (data: string) => {
  const v = valueOf(step, data);
  return v === '1' ? true : v === '0' ? false : null;
};

export function confirmKeyboard(t: TFunction) {
  return yesNo('ok', t('donor:common.confirm'), t('donor:common.cancel'));
}

export function skipKeyboard(t: TFunction) {
  return buttons([{ label: t('donor:common.skip'), data: btn('skip') }]);
}

/** Registration's reply keyboards: share my contact; skip (also removes the contact button). */
export function shareContactKeyboard(t: TFunction): Keyboard {
  return new Keyboard().requestContact(t('donor:register.shareContact')).resized().oneTime();
}

export function skipReplyKeyboard(t: TFunction): Keyboard {
  return new Keyboard().text(t('donor:common.skip')).resized().oneTime();
}

/** Main-menu entries (bot/menu-items.ts) handled by the donor features. */
export const DONOR_MENU = fixedButtons({
  register: 'donor:register',
  pledge: 'donor:pledge',
  pay: 'donor:pay',
  gift: 'donor:gift',
  history: 'donor:history',
  cancelPledge: 'donor:cancel',
  transparency: 'donor:report',
  feedback: 'donor:feedback',
});

/** Transparency report of another month: `dnr:<year>:<month>` (outside any conversation). */
export const transparencyMonth = callbackData('dnr', ['year', 'month']);

/** The reply keyboard's "skip", typed or pressed, in either language. */
export function isSkipText(text: string, t: TFunction): boolean {
  return text.trim() === t('donor:common.skip');
}
