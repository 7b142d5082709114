/**
 * The "issue a link code" action's page: like ConfirmAction (one question, one button
 * that POSTs), then the one-time code the handler returns as `data.linkCode` (with
 * `data.expiresAt`), shown once in Persian digits and kept on screen -- a notice would
 * vanish before the code could be read out. Nothing lets the browser fetch it again.
 */
import React, { useState } from 'react';
import { Box, Button, FormMessage, Text } from '@adminjs/design-system';
import { useActionResponseHandler, useTranslation, type ActionProps } from 'adminjs';
import { persianDigits } from '../../../messenger/digits.ts';
import { formatJalali } from '../jalali/jalali-value.ts';
import { langOf, type Lang } from '../lang.ts';
import { postRecordAction } from './post-record-action.ts';

function localDigits(code: string, lang: Lang): string {
  return lang === 'fa' ? persianDigits(code) : code;
}

const ShowLinkCode = (props: ActionProps) => {
  const { action, resource, record } = props;
  const { tc, translateAction, i18n } = useTranslation();
  const handleResponse = useActionResponseHandler();
  const [issued, setIssued] = useState<{ code: string; expiresAt: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (!record) return null;
  const lang = langOf(i18n.language);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setSending(true);
    try {
      const response = await postRecordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, fields: { confirm: 'yes' } });
      const data = (response.data as { data?: { linkCode?: unknown; expiresAt?: unknown } }).data;
      if (typeof data?.linkCode === 'string') {
        setIssued({ code: data.linkCode, expiresAt: typeof data.expiresAt === 'string' ? data.expiresAt : null });
      } else {
        handleResponse(response);
      }
    } catch {
      setError(tc('ConfirmAction.failed'));
    } finally {
      setSending(false);
    }
  };

  if (issued) {
    return (
      <Box variant="container" data-testid="link-code">
        <Text mb="lg">{tc('ShowLinkCode.once')}</Text>
        <Text mb="sm">{tc('ShowLinkCode.codeLabel')}</Text>
        <Text as="div" fontSize="h2" fontWeight="bold" mb="lg" dir="ltr" style={{ letterSpacing: '0.2em', textAlign: 'center' }} data-testid="link-code-value">
          {localDigits(issued.code, lang)}
        </Text>
        {issued.expiresAt ? <Text>{tc('ShowLinkCode.expires', { date: formatJalali(issued.expiresAt, 'datetime', lang) })}</Text> : null}
      </Box>
    );
  }

  return (
    <Box as="form" onSubmit={submit} variant="container" data-testid="confirm-action">
      <Text mb="xl">{tc('ConfirmAction.question', { action: translateAction(action.label, resource.id) })}</Text>
      <Button type="submit" variant="contained" disabled={sending} data-testid="confirm-submit">
        {sending ? tc('ConfirmAction.sending') : tc('ConfirmAction.submit')}
      </Button>
      {error ? <FormMessage mt="default">{error}</FormMessage> : null}
    </Box>
  );
};

export default ShowLinkCode;
