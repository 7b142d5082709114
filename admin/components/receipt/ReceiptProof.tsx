/**
 * The receipt photo on a donation's page: the image itself (click: full size in a new tab),
 * a link for a PDF, a download link for anything else, or "no receipt photo". The file comes
 * from the panel's own route, which checks the login's scope; the server decides the type
 * from the bytes, so the page trusts the Content-Type it gets.
 */
import React, { useEffect, useState } from 'react';
import { Link, Loader, Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import { receiptFileUrl } from './receipt-url.ts';

type View =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'image'; objectUrl: string }
  | { kind: 'pdf' }
  | { kind: 'file' }
  | { kind: 'error'; message: string };

/** The server's sentence (already in the admin's language), when it sent one. */
async function errorOf(res: Response): Promise<string | null> {
  try {
    const body = (await res.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
}

const ReceiptProof = (props: ShowPropertyProps) => {
  const { property, record } = props;
  const { translateProperty, translateMessage } = useTranslation();
  const m = (key: string) => translateMessage(key, 'Donation');
  const available = record?.params?.[property.path] === 'available';
  const url = record ? receiptFileUrl(String(record.id)) : '';
  const [view, setView] = useState<View>(available ? { kind: 'loading' } : { kind: 'none' });

  useEffect(() => {
    if (!available) return undefined;
    let cancelled = false;
    let objectUrl: string | null = null;
    const load = async (): Promise<View> => {
      const res = await fetch(url, { credentials: 'same-origin' });
      const type = res.headers.get('content-type') ?? '';
      if (!res.ok) return { kind: 'error', message: (await errorOf(res)) ?? m('receiptLoadFailed') };
      if (type.startsWith('image/')) {
        objectUrl = URL.createObjectURL(await res.blob());
        return { kind: 'image', objectUrl };
      }
      // Opened by the link below instead; this copy is not needed.
      await res.body?.cancel();
      if (type.startsWith('application/pdf')) return { kind: 'pdf' };
      // An expired session is answered with the login page.
      if (type.startsWith('text/html')) return { kind: 'error', message: m('receiptLoadFailed') };
      return { kind: 'file' };
    };
    load()
      .catch((): View => ({ kind: 'error', message: m('receiptLoadFailed') }))
      .then((next) => {
        if (!cancelled) setView(next);
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [available, url]);

  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      <div data-testid="receipt-proof" data-state={view.kind}>
        {view.kind === 'none' ? <Text color="grey60">{m('receiptNone')}</Text> : null}
        {view.kind === 'loading' ? <Loader /> : null}
        {view.kind === 'image' ? (
          <a href={url} target="_blank" rel="noopener noreferrer" title={m('receiptOpenFull')}>
            <img
              src={view.objectUrl}
              alt={m('receiptImageAlt')}
              style={{ maxWidth: '100%', maxHeight: 480, borderRadius: 4, border: '1px solid #ddd', cursor: 'zoom-in' }}
            />
            <Text as="span" variant="xs" color="grey60" style={{ display: 'block' }}>
              {m('receiptOpenFull')}
            </Text>
          </a>
        ) : null}
        {view.kind === 'pdf' ? (
          <Link href={url} target="_blank" rel="noopener noreferrer">
            {m('receiptOpenPdf')}
          </Link>
        ) : null}
        {view.kind === 'file' ? (
          <Link href={url} download>
            {m('receiptDownload')}
          </Link>
        ) : null}
        {view.kind === 'error' ? <Text color="error">{view.message}</Text> : null}
      </div>
    </ValueGroup>
  );
};

export default ReceiptProof;
