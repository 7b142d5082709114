/**
 * The volunteer screens' buttons: menu entries, and joining or leaving one of
 * the six specialized networks (the network travels as its index in
 * NETWORK_KINDS, the volunteer record as its id: never shown to the user).
 */
import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { callbackData, fixedButtons } from '../../messenger/callback-data.ts';
import type { TFunction } from '../../messenger/i18n.ts';
import { NetworkKind } from '../../prisma/generated/client/client.ts';
import { inlineMarkup } from './markup.ts';

/** The schema's order: a network's place in it is what its buttons carry. */
export const NETWORK_KINDS = Object.values(NetworkKind);

/** Menu entries (bot/menu-items.ts) and the callbacks behind them. */
export const VOLUNTEER_MENU = fixedButtons({
  signup: 'vol:signup',
  serviceForService: 'vol:s4s',
  status: 'vol:status',
  networks: 'vol:nets',
});

export const joinNetwork = callbackData('vnj', ['v', 'k']);
export const askLeaveNetwork = callbackData('vnl', ['v', 'k']);
export const confirmLeaveNetwork = callbackData('vnly', ['v', 'k']);
export const stayInNetwork = callbackData('vnln', ['k']);

export function networkKindAt(index: string | undefined): NetworkKind | null {
  const i = Number(index);
  return Number.isInteger(i) && i >= 0 && i < NETWORK_KINDS.length ? NETWORK_KINDS[i]! : null;
}

export function networkName(t: TFunction, kind: string): string {
  return t(`volunteer:networkKinds.${kind}`);
}

/** Six buttons: ✅ a network the volunteer is in (press to leave), ➕ one to join. */
export function networksKeyboard(t: TFunction, volunteerId: string, current: readonly string[]): InlineKeyboardMarkup {
  const kb = new InlineKeyboard();
  NETWORK_KINDS.forEach((kind, k) => {
    const network = networkName(t, kind);
    if (current.includes(kind)) kb.text(t('volunteer:networks.member', { network }), askLeaveNetwork.encode({ v: volunteerId, k })).row();
    else kb.text(t('volunteer:networks.join', { network }), joinNetwork.encode({ v: volunteerId, k })).row();
  });
  return inlineMarkup(kb);
}

export function leaveConfirmKeyboard(t: TFunction, volunteerId: string, k: number): InlineKeyboardMarkup {
  return inlineMarkup(
    new InlineKeyboard()
      .text(t('volunteer:networks.yesLeave'), confirmLeaveNetwork.encode({ v: volunteerId, k }))
      .text(t('volunteer:networks.stay'), stayInNetwork.encode({ k })),
  );
}
