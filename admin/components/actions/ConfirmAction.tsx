/**
 * A confirm/approve action's page: one question and one button that POSTs the
 * action (AdminJS would call a component-less record action with GET).
 */
import React, { useState } from 'react';
import { Box, Button, FormMessage, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import { postRecordAction } from './post-record-action.ts';
import { useActionDone } from './use-action-done.ts';

const ConfirmAction = (props: ActionProps) => {
  const { action, resource, record } = props;
  const { tc, translateAction } = useTranslation();
  const handleResponse = useActionDone(resource.id, record?.id);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (!record) return null;
  const actionLabel = translateAction(action.label, resource.id);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setSending(true);
    try {
      handleResponse(await postRecordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, fields: { confirm: 'yes' } }));
    } catch {
      setError(tc('ConfirmAction.failed'));
    } finally {
      setSending(false);
    }
  };

  return (
    <Box as="form" onSubmit={submit} variant="container" data-testid="confirm-action">
      <Text mb="xl">{tc('ConfirmAction.question', { action: actionLabel })}</Text>
      <Button type="submit" variant="contained" disabled={sending} data-testid="confirm-submit">
        {sending ? tc('ConfirmAction.sending') : tc('ConfirmAction.submit')}
      </Button>
      {error ? <FormMessage mt="default">{error}</FormMessage> : null}
    </Box>
  );
};

export default ConfirmAction;
