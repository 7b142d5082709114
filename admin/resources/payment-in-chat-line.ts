/** A center's payments-in-the-chat setting as one line people read, the card masked to its last four. */
import type { CenterPaymentSetting } from '../../core/payments/index.ts';
import { digits } from '../../messenger/format.ts';
import type { Language } from '../../messenger/i18n.ts';
import { fillPlaceholders } from '../locale/index.ts';
import { valueLabel } from './messages.ts';

export function paymentInChatLine(setting: CenterPaymentSetting, lng: Language): string {
  // Grouped as printed on the card, read left to right also inside a Persian sentence (LRI … PDI).
  const card = setting.cardLast4 ? `\u2066**** **** **** ${digits(setting.cardLast4, lng)}\u2069` : '—';
  return fillPlaceholders(valueLabel(lng, 'Center', 'paymentInChat', setting.state), { card });
}
