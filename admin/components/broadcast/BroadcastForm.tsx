/**
 * "New broadcast": audience, center or network, text; Preview shows the message as
 * recipients will read it and how many chats it reaches; Send POSTs it with a one-time
 * key made when the form opens, so a second click (or a retry) sends once.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Button, FormGroup, FormMessage, Label, Select, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useTranslation, type ActionProps, type ActionResponse } from 'adminjs';
import { useNavigate } from 'react-router';
import { formatNumber, langOf } from '../lang.ts';

interface Choice {
  id: string;
  name: string;
}
interface Preview {
  text: string;
  recipientCount: number;
  people: number;
  peopleWithoutChat: number;
}
type Audience = 'CENTER_DONORS' | 'NETWORK_VOLUNTEERS';

/** Random hex (getRandomValues works on plain http too, unlike randomUUID). */
function oneTimeKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `panel-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const BroadcastForm = (props: ActionProps) => {
  const { resource, action } = props;
  const { translateMessage, translateLabel, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const m = (key: string, options?: Record<string, unknown>) => translateMessage(key, resource.id, options);
  const navigate = useNavigate();
  const api = useMemo(() => new ApiClient(), []);
  const idempotencyKey = useMemo(oneTimeKey, []);
  const [centers, setCenters] = useState<Choice[]>([]);
  const [networks, setNetworks] = useState<Choice[]>([]);
  const [audience, setAudience] = useState<Audience>('CENTER_DONORS');
  const [centerId, setCenterId] = useState('');
  const [networkId, setNetworkId] = useState('');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.resourceAction({ resourceId: resource.id, actionName: action.name }).then((res) => {
      const data = (res.data as ActionResponse).data as { centers?: Choice[]; networks?: Choice[] } | undefined;
      setCenters(data?.centers ?? []);
      setNetworks(data?.networks ?? []);
    });
  }, [api, resource.id, action.name]);

  const post = async (confirm: boolean): Promise<ActionResponse> => {
    const form = new FormData();
    form.set('audience', audience);
    form.set('centerId', centerId);
    form.set('networkId', networkId);
    form.set('text', text);
    form.set('idempotencyKey', idempotencyKey);
    if (confirm) form.set('confirm', 'yes');
    const res = await api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'post', data: form });
    return res.data as ActionResponse;
  };

  const run = async (confirm: boolean) => {
    setError(null);
    setBusy(true);
    try {
      const res = await post(confirm);
      if (res.notice?.type === 'error') {
        setError(res.notice.message);
        return;
      }
      if (!confirm) setPreview((res.data as { preview?: Preview } | undefined)?.preview ?? null);
      else if (typeof res.redirectUrl === 'string') navigate(res.redirectUrl);
    } catch {
      setError(m('broadcastFailed'));
    } finally {
      setBusy(false);
    }
  };

  const options = (list: Choice[]) => list.map((c) => ({ value: c.id, label: c.name }));
  const audiences = (['CENTER_DONORS', 'NETWORK_VOLUNTEERS'] as const).map((a) => ({ value: a, label: translateLabel(`audience.${a}`, resource.id) }));
  // Any change after a preview needs a new preview before sending.
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPreview(null);
  };

  return (
    <Box variant="container" data-testid="broadcast-form">
      <FormGroup>
        <Label>{m('broadcastAudience')}</Label>
        <Select
          value={audiences.find((o) => o.value === audience)}
          options={audiences}
          onChange={(o: { value: Audience } | null) => o && changed(setAudience)(o.value)}
        />
      </FormGroup>
      {audience === 'CENTER_DONORS' ? (
        <FormGroup>
          <Label>{m('broadcastCenter')}</Label>
          <Select
            value={options(centers).find((o) => o.value === centerId) ?? null}
            options={options(centers)}
            onChange={(o: { value: string } | null) => changed(setCenterId)(o?.value ?? '')}
          />
        </FormGroup>
      ) : (
        <FormGroup>
          <Label>{m('broadcastNetwork')}</Label>
          <Select
            value={options(networks).find((o) => o.value === networkId) ?? null}
            options={options(networks)}
            onChange={(o: { value: string } | null) => changed(setNetworkId)(o?.value ?? '')}
          />
        </FormGroup>
      )}
      <FormGroup>
        <Label>{m('broadcastText')}</Label>
        <TextArea width={1} rows={6} value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => changed(setText)(e.target.value)} />
      </FormGroup>
      <Button type="button" variant="outlined" disabled={busy} onClick={() => run(false)} data-testid="broadcast-preview">
        {m('broadcastPreview')}
      </Button>
      {preview ? (
        <Box mt="xl" data-testid="broadcast-preview-box">
          <Text mb="default">{m('broadcastCount', { recipients: formatNumber(preview.recipientCount, lang), missing: formatNumber(preview.peopleWithoutChat, lang) })}</Text>
          <Box p="lg" bg="grey20" style={{ whiteSpace: 'pre-wrap' }}>
            {preview.text}
          </Box>
          <Button mt="xl" type="button" variant="contained" disabled={busy || preview.recipientCount === 0} onClick={() => run(true)} data-testid="broadcast-send">
            {m('broadcastSend')}
          </Button>
        </Box>
      ) : null}
      {error ? <FormMessage mt="default">{error}</FormMessage> : null}
    </Box>
  );
};

export default BroadcastForm;
