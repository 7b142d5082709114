/**
 * Reporting a payment (گزارش پرداخت): against an installment of an active
 * cash pledge, or as a direct gift to the chosen center. Where the center takes
 * payments in the chat, the donor may pay here and now instead (donor-pay-now.ts);
 * otherwise, or when they already transferred the money: the amount, the day
 * (typed Jalali or today / yesterday), the trace number, the card's last four
 * digits and the receipt photo (its messenger file id is the proof). The gift
 * stays REPORTED until the center's finance officer confirms it.
 */
import { randomUUID } from 'node:crypto';
import { digits, formatJalaliDate, formatToman } from '../../messenger/format.ts';
import type { Language, TFunction } from '../../messenger/i18n.ts';
import type { Fund } from '../../prisma/generated/client/client.ts';
import { attempt } from '../attempt.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import { btn, buttons, confirmKeyboard, skipKeyboard, valueOf, yesNoValue } from '../keyboards/donor-buttons.ts';
import { dialog, type Dialog } from './donor-ask.ts';
import { donorWhere, loadActivePledges, nowIso } from './donor-core.ts';
import { ensureDonorReady } from './donor-guard.ts';
import { parseCardLast4, parseTraceNumber } from './donor-parse.ts';
import { askPayNow, payNow, payNowOffered } from './donor-pay-now.ts';
import { askAmount, askFund, askOptional, askPaidAt } from './donor-questions.ts';
import { describeGift, dueDay, openInstallments, remainingRial, type InstallmentView, type PledgeView } from './donor-views.ts';

export const DONOR_PAY = 'donorPay';

type Target = { pledge: PledgeView; installment: InstallmentView } | { fund: Fund };

async function askTarget(d: Dialog, payable: PledgeView[]): Promise<Target> {
  if (payable.length > 0) {
    const lng = d.ctx.language;
    const no = await d.ask({
      prompt: (t) => t('donor:pay.askTarget'),
      keyboard: (t) =>
        buttons(
          [
            ...payable.map((p) => ({
              label: t('donor:pay.pledgeButton', { no: digits(p.no, lng), what: describeGift(p, t, lng) }),
              data: btn('pledge', p.no),
            })),
            { label: t('donor:pay.direct'), data: btn('pledge', 0) },
          ],
          1,
        ),
      onButton: (data) => {
        const v = Number(valueOf('pledge', data));
        return v === 0 || payable.some((p) => p.no === v) ? v : null;
      },
    });
    const pledge = payable.find((p) => p.no === no);
    if (pledge) return { pledge, installment: await askInstallment(d, pledge) };
  }
  return { fund: await askFund(d) };
}

async function askInstallment(d: Dialog, pledge: PledgeView): Promise<InstallmentView> {
  const open = openInstallments(pledge);
  if (open.length === 1) return open[0]!;
  const lng = d.ctx.language;
  const seq = await d.ask({
    prompt: (t) => t('donor:pay.askInstallment'),
    keyboard: (t) =>
      buttons(
        open.slice(0, 12).map((i) => ({
          label: t('donor:pay.installmentButton', {
            seq: digits(i.seq, lng),
            date: dueDay(i.dueOn, lng),
            amount: formatToman(remainingRial(i) ?? 0n, lng),
          }),
          data: btn('inst', i.seq),
        })),
        1,
      ),
    onButton: (data) => {
      const v = Number(valueOf('inst', data));
      return open.some((i) => i.seq === v) ? v : null;
    },
  });
  return open.find((i) => i.seq === seq)!;
}

async function askPhoto(d: Dialog): Promise<string | null> {
  const answer = await d.ask<{ fileId: string | null }>({
    prompt: (t) => t('donor:pay.askPhoto'),
    keyboard: skipKeyboard,
    onButton: (data) => (valueOf('skip', data) !== null ? { fileId: null } : null),
    onText: () => ({ ok: false, error: 'donor:pay.badPhoto' }),
    onMessage: (c) => {
      const photo = c.message?.photo?.at(-1);
      if (photo) return { ok: true, value: { fileId: photo.file_id } };
      // A screenshot sent "as a file" keeps its quality: accepted when it is an image or a PDF.
      const doc = c.message?.document;
      if (doc && /^(image\/|application\/pdf)/.test(doc.mime_type ?? '')) return { ok: true, value: { fileId: doc.file_id } };
      return { ok: false, error: 'donor:pay.badPhoto' };
    },
  });
  return answer.fileId;
}

interface Report {
  target: Target;
  amountRial: string;
  paidAt: string;
  trace: string;
  card: string | null;
  photo: string | null;
}

function summary(t: TFunction, lng: Language, r: Report): string {
  const target =
    'pledge' in r.target
      ? t('donor:pay.summaryForInstallment', { seq: digits(r.target.installment.seq, lng), no: digits(r.target.pledge.no, lng) })
      : t('donor:pay.summaryForDirect', { fund: t(`donor:fund.${r.target.fund}`) });
  const lines = [
    t('donor:pay.summaryTitle'),
    t('donor:pay.summaryFor', { target }),
    t('donor:pay.summaryAmount', { amount: formatToman(BigInt(r.amountRial), lng) }),
    t('donor:pay.summaryDate', { date: formatJalaliDate(new Date(r.paidAt), lng) }),
    t('donor:pay.summaryTrace', { trace: digits(r.trace, lng) }),
  ];
  if (r.card) lines.push(t('donor:pay.summaryCard', { card: digits(r.card, lng) }));
  lines.push(t(r.photo ? 'donor:pay.summaryPhoto' : 'donor:pay.summaryNoPhoto'), '', t('donor:pay.askConfirm'));
  return lines.join('\n');
}

export async function donorPayConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const where = await conversation.external((o) => donorWhere(o));
  if (!(await ensureDonorReady(ctx, where, { center: true, donor: true }))) return;
  const centerId = where.centerId!;
  const start = await conversation.external(async (o) => ({ pledges: await loadActivePledges(o), now: nowIso(o), key: randomUUID() }));
  const payable = (start.pledges ?? []).filter((p) => p.kind === 'CASH' && openInstallments(p).length > 0);
  const d = dialog(conversation, ctx);

  const target = await askTarget(d, payable);
  const owed = 'pledge' in target ? remainingRial(target.installment) : null;
  const targetCenterId = 'pledge' in target ? target.pledge.centerId : centerId;
  if ((await payNowOffered(conversation, targetCenterId)) && (await askPayNow(d))) {
    await payNow(conversation, d, {
      centerId: targetCenterId,
      pledge:
        'pledge' in target
          ? { id: target.pledge.id, no: target.pledge.no, installmentId: target.installment.id, seq: target.installment.seq }
          : null,
      fund: 'pledge' in target ? null : target.fund,
      owedRial: owed,
    });
    return;
  }
  const amountRial = await askAmount(d, owed ? 'donor:pay.askAmountSuggested' : 'donor:pay.askAmount', owed ? [owed] : []);
  const paidAt = await askPaidAt(d, start.now);
  const trace = await d.ask({ prompt: (t) => t('donor:pay.askTrace'), onText: parseTraceNumber });
  const card = await askOptional(d, 'donor:pay.askCard', parseCardLast4);
  const photo = await askPhoto(d);
  const report: Report = { target, amountRial, paidAt, trace, card, photo };

  const confirmed = await d.ask({
    prompt: (t) => summary(t, d.ctx.language, report),
    keyboard: confirmKeyboard,
    onButton: yesNoValue('ok'),
  });
  if (!confirmed) {
    await d.say(d.ctx.t('donor:pay.cancelled'));
    return;
  }

  const outcome = await conversation.external((o) =>
    attempt(async () => {
      const donor = await o.actors.donor();
      if (!donor) return false;
      await o.core.giving.reportDonation(donor, {
        centerId: 'pledge' in target ? target.pledge.centerId : centerId,
        kind: 'CASH',
        fund: 'pledge' in target ? target.pledge.fund : target.fund,
        amountToman: (BigInt(amountRial) / 10n).toString(),
        paidAt,
        traceNumber: trace,
        ...(card ? { cardLast4: card } : {}),
        ...(photo ? { receiptFileId: photo } : {}),
        ...('pledge' in target ? { pledgeId: target.pledge.id, installmentId: target.installment.id } : {}),
        // One key per conversation: a retried confirmation cannot report the payment twice.
        idempotencyKey: `bot:${start.key}`,
      });
      return true;
    }),
  );
  if (!outcome.ok) {
    await d.say(d.ctx.t('donor:common.failed', { reason: d.ctx.t(`errors:${outcome.code}`) }));
    return;
  }
  await d.say(d.ctx.t(outcome.value ? 'donor:pay.done' : 'donor:common.needDonor'));
}
