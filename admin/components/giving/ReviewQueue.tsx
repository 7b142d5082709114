/**
 * The review queue: the oldest reported gift of the reviewer's area with its proof -- the
 * receipt photo large, trace number, card digits, amount in Rial and Toman, the Sandogh
 * account -- beside confirm and reject-with-reason; after each decision the next gift.
 * Keyboard: every button is a real button reached by Tab. Nothing is focused on arrival
 * (the gift's heading is), so Enter confirms only once the reviewer has moved to the confirm
 * button themself; the reason box takes Enter as a new line, never as a send.
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Button, FormGroup, FormMessage, H3, Label, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useTranslation, type ActionProps, type ActionResponse } from 'adminjs';
import { MoneyAmount } from '../money/MoneyAmount.tsx';
import { receiptFileUrl } from '../receipt/receipt-url.ts';

interface Gift {
  id: string;
  centerName: string;
  kind: string;
  kindLabel: string;
  fundLabel: string;
  amountRial: string | null;
  estimatedValueRial: string | null;
  sandoghAccountNo: string | null;
  centerSandoghSheba: string | null;
  itemDescription: string | null;
  quantity: string | null;
  unit: string | null;
  serviceDescription: string | null;
  serviceHours: string | null;
  traceNumber: string | null;
  cardLast4: string | null;
  hasReceipt: boolean;
  donorName: string | null;
  paidAt: string;
  /** «تاریخ پرداخت», «تاریخ تحویل کالا» or «تاریخ انجام خدمت», by the gift's kind. */
  paidAtLabel: string;
  note: string | null;
  /** Paid in the chat and left for a person: why, and the messenger's payment id. */
  paidInChat: string | null;
}
interface Queue {
  total: number;
  totalText: string;
  items: Gift[];
}
interface Answer {
  queue?: Queue;
  error?: { message: string };
}

function Row(props: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Box flex flexDirection="row" py="sm" style={{ borderBottom: '1px solid #eee', gap: 16 }}>
      <Text color="grey60" style={{ minWidth: 170 }}>
        {props.label}
      </Text>
      {/* Codes are copied into bank systems: kept as typed, left to right. */}
      <Text data-testid={props.testId} style={{ fontWeight: 600 }}>
        {props.children}
      </Text>
    </Box>
  );
}

function Receipt(props: { gift: Gift; t: (key: string) => string }) {
  const { gift, t } = props;
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [gift.id]);
  if (!gift.hasReceipt) return <Text color="grey60" data-testid="review-receipt-none">{t('noReceipt')}</Text>;
  const url = receiptFileUrl(gift.id);
  // A PDF or an expired file is not an image: offered as a link instead.
  if (failed)
    return (
      <a href={url} target="_blank" rel="noopener noreferrer" data-testid="review-receipt-link">
        {t('openReceipt')}
      </a>
    );
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" title={t('openReceipt')} tabIndex={-1}>
      <img
        src={url}
        alt={t('receiptAlt')}
        data-testid="review-receipt-image"
        onError={() => setFailed(true)}
        style={{ width: '100%', maxHeight: 640, objectFit: 'contain', border: '1px solid #ddd', borderRadius: 4, background: '#fafafa' }}
      />
    </a>
  );
}

const ReviewQueue = (props: ActionProps) => {
  const { action, resource } = props;
  const { tc, translateProperty } = useTranslation();
  const t = (key: string, vars?: Record<string, string>) => tc(`ReviewQueue.${key}`, vars);
  const p = (name: string) => translateProperty(name, 'Donation');
  const api = useMemo(() => new ApiClient(), []);
  const [queue, setQueue] = useState<Queue | null>(null);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);

  const take = (body: ActionResponse) => {
    const answer = (body.data ?? {}) as Answer;
    if (answer.queue) setQueue(answer.queue);
    if (answer.error) setError(answer.error.message);
    return answer;
  };

  useEffect(() => {
    api
      .resourceAction({ resourceId: resource.id, actionName: action.name })
      .then((res) => take(res.data as ActionResponse))
      .catch(() => setError(t('failed')));
  }, [api, resource.id, action.name]);

  const gift = queue?.items.find((g) => !skipped.includes(g.id)) ?? null;

  // Each new gift: the heading takes the focus (read out; Tab goes on to the buttons).
  useEffect(() => {
    heading.current?.focus();
  }, [gift?.id]);
  useEffect(() => {
    if (rejecting) reasonBox.current?.focus();
  }, [rejecting]);

  const decide = async (decision: 'confirm' | 'reject') => {
    if (!gift) return;
    if (decision === 'reject' && !reason.trim()) {
      setError(t('reasonRequired'));
      return;
    }
    setSending(true);
    setError(null);
    setDone(null);
    try {
      const data = new FormData();
      data.set('donationId', gift.id);
      data.set('decision', decision);
      if (decision === 'reject') data.set('reason', reason);
      const res = await api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'post', data });
      const body = res.data as ActionResponse;
      const answer = take(body);
      if (!answer.error) {
        setDone(body.notice?.message ?? null);
        setRejecting(false);
        setReason('');
      }
    } catch {
      setError(t('failed'));
    } finally {
      setSending(false);
    }
  };

  if (!queue) return <Box variant="container">{error ? <FormMessage>{error}</FormMessage> : <Text>{t('loading')}</Text>}</Box>;

  return (
    <Box variant="container" data-testid="review-queue">
      <Text mb="lg" data-testid="review-count">
        {t('waiting', { count: queue.totalText })}
      </Text>
      {done ? (
        <Text mb="lg" color="success" data-testid="review-done" role="status">
          {done}
        </Text>
      ) : null}
      {!gift ? (
        <Text data-testid="review-empty">{t('empty')}</Text>
      ) : (
        <Box flex flexDirection="row" style={{ gap: 24, flexWrap: 'wrap', alignItems: 'flex-start' }} data-testid="review-gift" data-id={gift.id}>
          <Box style={{ flex: '1 1 420px', minWidth: 320 }}>
            <Receipt gift={gift} t={(k) => t(k)} />
          </Box>
          <Box style={{ flex: '1 1 380px', minWidth: 320 }}>
            <H3 ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
              {gift.donorName ?? t('anonymous')}
            </H3>
            <Row label={p('center')}>{gift.centerName}</Row>
            <Row label={p('kind')}>{`${gift.kindLabel} · ${gift.fundLabel}`}</Row>
            {gift.amountRial ? (
              <Row label={p('amountRial')} testId="review-amount">
                <MoneyAmount value={gift.amountRial} />
              </Row>
            ) : null}
            {gift.itemDescription ? <Row label={p('itemDescription')}>{[gift.itemDescription, gift.quantity, gift.unit].filter(Boolean).join(' ')}</Row> : null}
            {gift.estimatedValueRial ? (
              <Row label={p('estimatedValueRial')}>
                <MoneyAmount value={gift.estimatedValueRial} />
              </Row>
            ) : null}
            {gift.serviceDescription ? <Row label={p('serviceDescription')}>{[gift.serviceDescription, gift.serviceHours].filter(Boolean).join(' · ')}</Row> : null}
            <Row label={p('traceNumber')} testId="review-trace">
              <bdi dir="ltr">{gift.traceNumber ?? '—'}</bdi>
            </Row>
            <Row label={p('cardLast4')} testId="review-card">
              <bdi dir="ltr">{gift.cardLast4 ?? '—'}</bdi>
            </Row>
            <Row label={p('sandoghAccountNo')} testId="review-account">
              <bdi dir="ltr">{gift.sandoghAccountNo ?? '—'}</bdi>
            </Row>
            {gift.centerSandoghSheba ? (
              <Row label={t('sheba')}>
                <bdi dir="ltr">{gift.centerSandoghSheba}</bdi>
              </Row>
            ) : null}
            <Row label={gift.paidAtLabel}>{gift.paidAt}</Row>
            {gift.note ? <Row label={p('note')}>{gift.note}</Row> : null}
            {gift.paidInChat ? (
              <Row label={t('paidInChatLabel')} testId="review-paid-in-chat">
                {gift.paidInChat}
              </Row>
            ) : null}

            {rejecting ? (
              <Box mt="xl" data-testid="review-reject-form">
                <FormGroup error={!!error}>
                  <Label htmlFor="review-reason" required>
                    {t('reasonLabel')}
                  </Label>
                  <TextArea
                    id="review-reason"
                    ref={reasonBox}
                    width={1}
                    rows={4}
                    maxLength={1000}
                    value={reason}
                    onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
                      setReason(e.target.value);
                      if (error) setError(null);
                    }}
                  />
                  <FormMessage data-testid="review-error">{error}</FormMessage>
                  <Text variant="sm" color="grey60" mt="sm">
                    {t('reasonHint')}
                  </Text>
                </FormGroup>
                <Box flex flexDirection="row" style={{ gap: 12 }}>
                  <Button type="button" variant="danger" disabled={sending} onClick={() => decide('reject')} data-testid="review-reject-send">
                    {t('rejectSend')}
                  </Button>
                  <Button type="button" variant="outlined" disabled={sending} onClick={() => { setRejecting(false); setError(null); }} data-testid="review-reject-cancel">
                    {t('cancel')}
                  </Button>
                </Box>
              </Box>
            ) : (
              <Box mt="xl" flex flexDirection="row" style={{ gap: 12, flexWrap: 'wrap' }}>
                <Button type="button" variant="contained" disabled={sending} onClick={() => decide('confirm')} data-testid="review-confirm">
                  {t('confirm')}
                </Button>
                <Button type="button" variant="danger" disabled={sending} onClick={() => { setRejecting(true); setDone(null); }} data-testid="review-reject">
                  {t('reject')}
                </Button>
                <Button type="button" variant="text" disabled={sending} onClick={() => { setSkipped((s) => [...s, gift.id]); setDone(null); setError(null); }} data-testid="review-skip">
                  {t('skip')}
                </Button>
              </Box>
            )}
            {!rejecting && error ? (
              <FormMessage mt="default" data-testid="review-error">
                {error}
              </FormMessage>
            ) : null}
          </Box>
        </Box>
      )}
    </Box>
  );
};

export default ReviewQueue;
