/**
 * Payments in the chat in the demo: the second center (مسجد امام جعفر صادق) takes them, into
 * the card of its Sandogh account (a Resalat card, like the demo's Resalat Sheba numbers),
 * turned on by the Mashhad county office through core like any other step of the demo's
 * history. The playground's donors are offered "pay now" there and can watch a gift confirmed
 * by its payment; the first center keeps the card-to-card report with a receipt photo. It
 * draws nothing from the demo's random sequence, so every other name and number stays as it was.
 */
import { cardNumberFrom } from '../../fixtures/payments.ts';
import { centerId, type Demo } from './context.ts';
import { staffActors } from './logins.ts';
import type { People } from './people.ts';

/** The card of center 2's Sandogh account (the demo's; valid check digit). */
export const DEMO_PAYMENT_CARD = cardNumberFrom('504172110083964');
/** The demo center that takes payments in the chat. */
export const DEMO_PAYMENT_CENTER_ID = centerId(2);

export function buildPaymentSetting(demo: Demo, people: People): void {
  const county = staffActors(demo, people).mashhad;
  demo.later(demo.at(-20, 10), (core) =>
    core.payments.setPaymentSetting(county, { centerId: DEMO_PAYMENT_CENTER_ID, payInChat: 'ON', cardNumber: DEMO_PAYMENT_CARD }),
  );
}
