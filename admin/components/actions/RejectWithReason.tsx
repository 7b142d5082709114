/**
 * A reject action's page: the reason is required (it is sent to the person,
 * so it is written for them), and the action is POSTed with `reason`, which
 * the action's handler reads from `request.payload.reason`.
 */
import React, { useState } from 'react';
import { Box, Button, FormGroup, FormMessage, Label, Text, TextArea } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import { postRecordAction } from './post-record-action.ts';
import { useActionDone } from './use-action-done.ts';

/** The same bound the use-cases put on a reason. */
const MAX_REASON = 1000;

const RejectWithReason = (props: ActionProps) => {
  const { action, resource, record } = props;
  const { tc, translateAction } = useTranslation();
  const handleResponse = useActionDone(resource.id, record?.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (!record) return null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setError(tc('RejectWithReason.reasonRequired'));
      return;
    }
    setError(null);
    setSending(true);
    try {
      const response = await postRecordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, fields: { reason: text } });
      handleResponse(response);
    } catch {
      setError(tc('RejectWithReason.failed'));
    } finally {
      setSending(false);
    }
  };

  return (
    <Box as="form" onSubmit={submit} variant="container" data-testid="reject-with-reason" noValidate>
      <FormGroup error={!!error}>
        <Label htmlFor="reject-reason" required>
          {tc('RejectWithReason.reasonLabel')}
        </Label>
        <TextArea
          id="reject-reason"
          name="reason"
          width={1}
          rows={5}
          maxLength={MAX_REASON}
          value={reason}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
            setReason(e.target.value);
            if (error) setError(null);
          }}
        />
        <FormMessage>{error}</FormMessage>
        <Text variant="sm" color="grey60" mt="sm">
          {tc('RejectWithReason.reasonHint')}
        </Text>
      </FormGroup>
      <Button type="submit" variant="danger" disabled={sending} data-testid="reject-submit">
        {sending ? tc('RejectWithReason.sending') : translateAction(action.label, resource.id, { defaultValue: tc('RejectWithReason.submit') })}
      </Button>
    </Box>
  );
};

export default RejectWithReason;
