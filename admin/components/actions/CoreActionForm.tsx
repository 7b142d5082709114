/**
 * The one form of every core action (admin/resources/actions/core-action.ts): it asks the
 * action (GET) for the use-case's input as JSON Schema plus labels and choices in the
 * login's language, draws a field per property, and POSTs what was typed. Digits may be
 * typed in any script and dates are picked on the Jalali calendar; core reads both. A
 * refusal is core's sentence, shown beside the form (and under its field when it names one).
 */
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Button, CheckBox, FormGroup, FormMessage, Input, Label, Select, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useActionResponseHandler, useTranslation, type ActionProps, type ActionResponse } from 'adminjs';
import { JalaliPicker } from '../jalali/JalaliPicker.tsx';
import { fieldsToSend } from './fields-to-send.ts';
import { langOf } from '../lang.ts';

type JsonNode = { type?: string; format?: string; enum?: unknown[]; anyOf?: unknown[]; unit?: string; maxLength?: number };
interface FieldUi {
  label: string;
  hint?: string;
  multiline?: boolean;
  options?: { value: string; label: string }[];
}
interface Form {
  schema: { properties: Record<string, JsonNode>; required?: string[] };
  ui: Record<string, FieldUi>;
  /** An edit's current values. */
  values?: Record<string, string>;
}
interface Refusal {
  message: string;
  field?: string;
}
type Widget = 'select' | 'date' | 'money' | 'number' | 'json' | 'textarea' | 'boolean' | 'password' | 'text';

function widgetOf(node: JsonNode, ui: FieldUi): Widget {
  if (ui.options) return 'select';
  if (node.format === 'date') return 'date';
  if (node.format === 'money') return 'money';
  if (node.format === 'password') return 'password';
  if (node.type === 'integer' || node.type === 'number') return 'number';
  if (node.type === 'object' || node.type === 'array' || node.anyOf) return 'json';
  if (node.type === 'boolean') return 'boolean';
  return ui.multiline ? 'textarea' : 'text';
}

const CoreActionForm = (props: ActionProps) => {
  const { action, resource, record } = props;
  const { tc, translateAction, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const api = useMemo(() => new ApiClient(), []);
  const handleResponse = useActionResponseHandler();
  const [form, setForm] = useState<Form | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [sending, setSending] = useState(false);
  const recordId = record?.id;

  useEffect(() => {
    const where = { resourceId: resource.id, actionName: action.name };
    const load = recordId ? api.recordAction({ ...where, recordId }) : api.resourceAction(where);
    load
      .then((res) => {
        const loaded = ((res.data as ActionResponse).data as { form?: Form } | undefined)?.form ?? null;
        setForm(loaded);
        // A link may choose fields in advance (?keepDonorId=… from the look-alike donors' page);
        // an edit opens with the record's current values.
        const preset = [...new URLSearchParams(window.location.search)].filter(([name]) => loaded?.schema.properties[name]);
        if (loaded?.values || preset.length) setValues({ ...loaded?.values, ...Object.fromEntries(preset) });
      })
      .catch(() => setRefused({ message: tc('CoreActionForm.failed') }));
  }, [api, resource.id, action.name, recordId]);

  const set = (name: string) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (refused?.field === name) setRefused(null);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setRefused(null);
    setSending(true);
    try {
      const data = new FormData();
      // An edit sends what changed, an emptied field as '' (core clears it); a new record what was typed.
      for (const [name, value] of Object.entries(fieldsToSend(values, form?.values))) data.set(name, value);
      const where = { resourceId: resource.id, actionName: action.name, method: 'post' as const, data };
      const response = recordId ? await api.recordAction({ ...where, recordId }) : await api.resourceAction(where);
      const body = response.data as ActionResponse;
      if (body.notice?.type === 'error') {
        const error = (body.data as { error?: Refusal } | undefined)?.error;
        setRefused(error ?? { message: body.notice.message });
        return;
      }
      handleResponse(response);
    } catch {
      setRefused({ message: tc('CoreActionForm.failed') });
    } finally {
      setSending(false);
    }
  };

  if (!form) return <Box variant="container">{refused ? <FormMessage>{refused.message}</FormMessage> : <Text>{tc('CoreActionForm.loading')}</Text>}</Box>;
  const required = new Set(form.schema.required ?? []);

  const field = (name: string, node: JsonNode) => {
    const ui = form.ui[name] ?? { label: name };
    const id = `core-action-${name}`;
    const value = values[name] ?? '';
    const widget = widgetOf(node, ui);
    const input = (() => {
      switch (widget) {
        case 'select': {
          const options = ui.options ?? [];
          return (
            <Select
              inputId={id}
              isClearable={!required.has(name)}
              placeholder={tc('CoreActionForm.choose')}
              value={options.find((o) => o.value === value) ?? null}
              options={options}
              onChange={(o: { value: string } | null) => set(name)(o?.value ?? '')}
            />
          );
        }
        case 'date':
          return (
            <JalaliPicker
              value={value || null}
              kind="date"
              lang={lang}
              placeholder={tc('JalaliDate.placeholder')}
              clearLabel={tc('JalaliDate.clear')}
              testId={id}
              // A calendar day travels as YYYY-MM-DD: core decides what instant of it counts (a task is due at its end).
              onChange={(iso) => set(name)(iso ? iso.slice(0, 10) : '')}
            />
          );
        case 'boolean':
          return <CheckBox id={id} checked={value === 'true'} onChange={() => set(name)(value === 'true' ? 'false' : 'true')} />;
        case 'textarea':
        case 'json':
          return (
            <TextArea
              id={id}
              name={name}
              width={1}
              rows={widget === 'json' ? 6 : 4}
              dir={widget === 'json' ? 'ltr' : undefined}
              value={value}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set(name)(e.target.value)}
            />
          );
        case 'password':
          return <Input id={id} name={name} type="password" autoComplete="new-password" width={1} value={value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(name)(e.target.value)} />;
        default:
          // Numbers are text: a number input refuses the Persian digits people type.
          return (
            <Input
              id={id}
              name={name}
              width={1}
              inputMode={widget === 'money' || widget === 'number' ? 'decimal' : undefined}
              value={value}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(name)(e.target.value)}
            />
          );
      }
    })();
    return (
      <FormGroup key={name} error={refused?.field === name}>
        <Label htmlFor={id} required={required.has(name)}>
          {ui.label}
          {widget === 'money' ? ` (${tc(node.unit === 'RIAL' ? 'CoreActionForm.rial' : 'CoreActionForm.toman')})` : ''}
        </Label>
        {ui.hint ? (
          <Text variant="sm" color="grey60" mb="sm" data-testid={`${id}-hint`}>
            {ui.hint}
          </Text>
        ) : null}
        {input}
        <FormMessage>{refused?.field === name ? refused.message : null}</FormMessage>
      </FormGroup>
    );
  };

  return (
    <Box as="form" onSubmit={submit} variant="container" data-testid={`core-action-${action.name}`} noValidate>
      {Object.entries(form.schema.properties).map(([name, node]) => field(name, node))}
      {refused ? (
        <Box mb="lg" data-testid="core-action-error">
          <FormMessage>{refused.message}</FormMessage>
        </Box>
      ) : null}
      <Button type="submit" variant="contained" disabled={sending} data-testid="core-action-submit">
        {sending ? tc('CoreActionForm.sending') : translateAction(action.label, resource.id)}
      </Button>
    </Box>
  );
};

export default CoreActionForm;
