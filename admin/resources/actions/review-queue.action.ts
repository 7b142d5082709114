/**
 * The review queue (Donation → "Review queue"): one reported gift at a time with its proof,
 * confirm or reject-with-reason, then the next. The list is core's listDonationsToReview
 * (the reviewer's center, county or province); a decision is core's confirm / reject (or the
 * gift's pending request, decided the same way). A GET only reads; a POST decides and answers
 * with the queue as it now stands, so the screen moves on to the next gift.
 */
import type { Action, ActionResponse } from 'adminjs';
import type { Core } from '../../../core/index.ts';
import { DomainError } from '../../../core/errors.ts';
import type { DonationToReview } from '../../../core/giving/index.ts';
import type { Language } from '../../../messenger/i18n.ts';
import { digits, formatJalaliDate } from '../../../messenger/format.ts';
import { roleMay, type AdminActor } from '../../access.ts';
import { localeString } from '../../locale/index.ts';
import { resourceMessage, valueLabel } from '../messages.ts';
import { corePage } from './core-page.ts';
import { confirmReported, rejectReported } from './donation-decision.actions.ts';
import { refusal } from './refusal.ts';

/** How many gifts the screen holds at once (the reviewer may skip some). */
const WINDOW = 20;

export function mayReview(actor: AdminActor): boolean {
  return roleMay(actor, 'donation.confirm');
}

/** A gift as the screen shows it: labels and dates in the login's language, money as Rial text for MoneyAmount. */
function shown(d: DonationToReview, lng: Language) {
  const money = (v: bigint | null) => (v === null ? null : v.toString());
  return {
    id: d.id,
    centerName: d.centerName,
    kind: d.kind,
    kindLabel: valueLabel(lng, 'Donation', 'kind', d.kind),
    fundLabel: valueLabel(lng, 'Donation', 'fund', d.fund),
    amountRial: money(d.amountRial),
    estimatedValueRial: money(d.estimatedValueRial),
    sandoghAccountNo: d.sandoghAccountNo ?? d.centerSandoghAccountNo,
    centerSandoghSheba: d.centerSandoghSheba,
    itemDescription: d.itemDescription,
    quantity: d.quantity === null ? null : digits(d.quantity, lng),
    unit: d.unit,
    serviceDescription: d.serviceDescription,
    serviceHours: d.serviceHours === null ? null : digits(d.serviceHours, lng),
    traceNumber: d.traceNumber,
    cardLast4: d.cardLast4,
    hasReceipt: d.hasReceipt,
    donorName: d.donorName,
    paidAt: formatJalaliDate(d.paidAt, lng),
    // The day named for what happened on it: a payment, goods handed over, a service given.
    paidAtLabel: localeString(lng, 'admin-dashboard', `components.ReviewQueue.paidAt.${d.kind}`) ?? valueLabel(lng, 'Donation', 'kind', d.kind),
    note: d.note,
    // Paid in the chat and left for a person: why, in words (a refund to decide, an unconfirmed payment), and the messenger's id.
    paidInChat: d.paidInChat
      ? `${localeString(lng, 'admin-dashboard', `components.ReviewQueue.paidInChat.${d.paidInChat.outcome}`) ?? d.paidInChat.outcome} (${d.paidInChat.chargeId})`
      : null,
  };
}

async function queue(core: Core, actor: AdminActor, lng: Language) {
  const { total, items } = await core.giving.listDonationsToReview(actor, { limit: WINDOW });
  return { total, totalText: digits(total, lng), items: items.map((d) => shown(d, lng)) };
}

export function reviewQueueAction(core: Core, component: string | undefined): Partial<Action<ActionResponse>> {
  return corePage({
    name: 'reviewQueue',
    icon: 'CheckSquare',
    variant: 'primary',
    component,
    may: mayReview,
    read: async (actor, lng) => ({ queue: await queue(core, actor, lng) }),
    act: async (actor, lng, payload) => {
      const donationId = typeof payload.donationId === 'string' ? payload.donationId : '';
      const reason = typeof payload.reason === 'string' ? payload.reason : '';
      try {
        if (!donationId) throw new DomainError('NOT_FOUND', { entity: 'Donation' });
        if (payload.decision === 'confirm') await confirmReported(core, actor, donationId);
        else if (payload.decision === 'reject') await rejectReported(core, actor, donationId, reason);
        else throw new DomainError('VALIDATION', { field: 'decision' });
      } catch (e) {
        // A refused decision still answers with the queue, so the screen stays on it.
        return refusal(e, lng, { queue: await queue(core, actor, lng) });
      }
      const notice = { message: resourceMessage(lng, payload.decision === 'confirm' ? 'donationConfirmed' : 'donationRejected'), type: 'success' as const };
      return { notice, data: { queue: await queue(core, actor, lng) } };
    },
  });
}
