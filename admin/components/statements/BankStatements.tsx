/**
 * Bank statements: a center's Sandogh account statement uploaded (xlsx or csv), read with the
 * bank's layout (chosen once, kept as a preset), previewed before anything is stored, stored;
 * then the center's open credits, each with the reported gift it probably is (why, how sure),
 * confirmed in one click for those chosen -- nothing is chosen for the reviewer -- or recorded
 * as an anonymous gift to a fund; and the month's reconciliation as a spreadsheet.
 * Every step is one request to the action (admin/resources/actions/bank-statements.action.ts).
 */
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Button, FormGroup, FormMessage, H3, Input, Label, Select, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation, type ActionProps, type ActionResponse } from 'adminjs';
import { MoneyAmount } from '../money/MoneyAmount.tsx';

/** The upload limit of the panel's routes (admin/adminjs/router.ts): said before sending, not after. */
const MAX_BYTES = 10 * 1024 * 1024;
const NEW_LAYOUT = '__new__';

interface Option {
  value: string;
  label: string;
}
interface Setup {
  layouts: { id: string; name: string; example: boolean }[];
  centers: { id: string; name: string; accountNo: string }[];
  fields: { name: string; label: string }[];
}
interface Proposal {
  donationId: string;
  confidence: 'HIGH' | 'MEDIUM' | 'LOW';
  confidenceLabel: string;
  why: string;
  donorName: string;
  day: string;
  traceNumber: string | null;
  cardLast4: string | null;
  fund: string;
}
interface Credit {
  lineId: string;
  day: string;
  amountRial: string;
  traceNumber: string | null;
  cardLast4: string | null;
  description: string | null;
  row: string;
  canRecord: boolean;
  alreadyConfirmed: string | null;
  proposal: Proposal | null;
}
interface Matches {
  center: { id: string; name: string; accountNo: string };
  offset: number;
  pageSize: number;
  totals: { openCredits: number; text: string; openCreditRial: string };
  items: Credit[];
  imports: { id: string; text: string }[];
  reconciliation: { year: number; month: number; url: string };
  sample: { url: string; hint: string };
  funds: Option[];
}
interface PreviewLine {
  row: string;
  day: string;
  direction: string;
  credit: boolean;
  amountRial: string;
  traceNumber: string | null;
  cardLast4: string | null;
  description: string | null;
  stored: boolean;
  proposal: string | null;
}
type Preview =
  | { needsLayout: true; columns: string[]; message: string }
  | { needsLayout: false; summary: string; creditRial: string; debitRial: string; more: string | null; lines: PreviewLine[] };
interface Answer {
  setup?: Setup;
  matches?: Matches | null;
  preview?: Preview;
  presetId?: string;
  result?: { confirmed: number; refused: { lineId: string; message: string }[] };
  error?: { message: string };
}

const CONFIDENCE_COLOR: Record<Proposal['confidence'], string> = { HIGH: '#15803d', MEDIUM: '#b45309', LOW: '#475569' };

const BankStatements = (props: ActionProps) => {
  const { action, resource } = props;
  const { tc } = useTranslation();
  const t = (key: string, vars?: Record<string, string>) => tc(`BankStatements.${key}`, vars);
  const api = useMemo(() => new ApiClient(), []);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [centerId, setCenterId] = useState('');
  const [matches, setMatches] = useState<Matches | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [layoutId, setLayoutId] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({ calendar: 'AUTO' });
  const [presetName, setPresetName] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [funds, setFunds] = useState<Record<string, string>>({});
  const [refusedLines, setRefusedLines] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const where = { resourceId: resource.id, actionName: action.name };
  const take = (body: ActionResponse): Answer => {
    const answer = (body.data ?? {}) as Answer;
    if (answer.setup) setSetup(answer.setup);
    if (answer.matches !== undefined) setMatches(answer.matches);
    if (answer.error) setError(answer.error.message);
    else if (body.notice?.type === 'success') setDone(body.notice.message);
    return answer;
  };
  const load = (center: string, offset = 0) =>
    api
      .resourceAction({ ...where, params: { centerId: center, offset } })
      .then((res) => {
        const a = take(res.data as ActionResponse);
        if (a.matches) setCenterId(a.matches.center.id);
        setChosen({});
      })
      .catch(() => setError(t('failed')));

  useEffect(() => {
    void load('');
  }, [api, resource.id, action.name]);

  const post = async (fields: Record<string, string | Blob>): Promise<Answer | null> => {
    setSending(true);
    setError(null);
    setDone(null);
    try {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.set(k, v);
      const res = await api.resourceAction({ ...where, method: 'post', data });
      return take(res.data as ActionResponse);
    } catch (e) {
      const body = (e as { response?: { data?: { error?: string } } }).response?.data;
      setError(body?.error ?? t('failed'));
      return null;
    } finally {
      setSending(false);
    }
  };

  const layoutFields = (): Record<string, string> | null => {
    if (!file) {
      setError(t('chooseFile'));
      return null;
    }
    if (file.size > MAX_BYTES) {
      setError(t('fileTooLarge'));
      return null;
    }
    const custom = layoutId === NEW_LAYOUT || !layoutId;
    const filled = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v));
    return { centerId, ...(custom ? (Object.keys(filled).length > 1 ? { mapping: JSON.stringify(filled) } : {}) : { presetId: layoutId }) };
  };

  const doPreview = async () => {
    const fields = layoutFields();
    if (!fields || !file) return;
    const a = await post({ ...fields, step: 'preview', file });
    if (a?.preview) setPreview(a.preview);
  };
  const doImport = async () => {
    const fields = layoutFields();
    if (!fields || !file) return;
    const a = await post({ ...fields, step: 'import', file });
    if (a && !a.error) {
      setPreview(null);
      setChosen({});
    }
  };
  const doSavePreset = async () => {
    const filled = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v));
    const a = await post({ step: 'savePreset', name: presetName, mapping: JSON.stringify(filled) });
    if (a?.presetId) setLayoutId(a.presetId);
  };
  const doConfirm = async () => {
    const list = Object.entries(chosen).map(([lineId, donationId]) => ({ lineId, donationId }));
    const a = await post({ step: 'confirm', centerId, matches: JSON.stringify(list) });
    if (a?.result) {
      setChosen({});
      setRefusedLines(Object.fromEntries(a.result.refused.map((r) => [r.lineId, r.message])));
    }
  };
  const doRecord = async (lineId: string) => {
    await post({ step: 'record', centerId, lineId, fund: funds[lineId] ?? 'GENERAL' });
  };

  if (!setup) return <Box variant="container">{error ? <FormMessage>{error}</FormMessage> : <Text>{t('loading')}</Text>}</Box>;

  const columns = preview?.needsLayout ? preview.columns : [];
  const showMapping = layoutId === NEW_LAYOUT || (preview?.needsLayout ?? false);
  const selectable = (matches?.items ?? []).filter((i) => i.proposal);
  const chooseAll = (confidence: Proposal['confidence'][]) =>
    setChosen(Object.fromEntries(selectable.filter((i) => confidence.includes(i.proposal!.confidence)).map((i) => [i.lineId, i.proposal!.donationId])));

  return (
    <Box variant="container" data-testid="bank-statements">
      {error ? (
        <FormMessage mb="lg" data-testid="statements-error" role="alert">
          {error}
        </FormMessage>
      ) : null}
      {done ? (
        <Text mb="lg" color="success" data-testid="statements-done" role="status">
          {done}
        </Text>
      ) : null}

      {setup.centers.length > 1 ? (
        <FormGroup>
          <Label htmlFor="statements-center">{t('center')}</Label>
          <Select
            inputId="statements-center"
            value={setup.centers.filter((c) => c.id === centerId).map((c) => ({ value: c.id, label: c.name }))[0] ?? null}
            options={setup.centers.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(o: Option | null) => {
              if (o) void load(o.value);
            }}
          />
        </FormGroup>
      ) : null}
      {!setup.centers.length ? <Text data-testid="statements-no-center">{t('noCenter')}</Text> : null}

      {centerId ? (
        <Box mb="xxl" data-testid="statements-upload">
          <H3>{t('uploadTitle')}</H3>
          <Text variant="sm" color="grey60" mb="default">
            {t('uploadHint')}
          </Text>
          {matches ? (
            <Box mb="default" data-testid="statements-sample">
              <a href={matches.sample.url} download>
                {t('sample')}
              </a>
              <Text variant="sm" color="grey60">
                {matches.sample.hint}
              </Text>
            </Box>
          ) : null}
          <FormGroup>
            <Label htmlFor="statements-file">{t('file')}</Label>
            <input
              id="statements-file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
              }}
            />
          </FormGroup>
          <FormGroup>
            <Label htmlFor="statements-layout">{t('layout')}</Label>
            <Select
              inputId="statements-layout"
              value={layoutId ? { value: layoutId, label: layoutId === NEW_LAYOUT ? t('newLayout') : (setup.layouts.find((l) => l.id === layoutId)?.name ?? '') } : null}
              options={[...setup.layouts.map((l) => ({ value: l.id, label: l.example ? `${l.name} — ${t('example')}` : l.name })), { value: NEW_LAYOUT, label: t('newLayout') }]}
              onChange={(o: Option | null) => {
                setLayoutId(o?.value ?? '');
                setPreview(null);
              }}
            />
          </FormGroup>

          {showMapping ? (
            <Box p="lg" mb="lg" style={{ border: '1px solid #ddd', borderRadius: 4 }} data-testid="statements-mapping">
              <Text mb="default">{preview?.needsLayout ? preview.message : t('chooseColumnsAfterPreview')}</Text>
              {setup.fields.map((f) => (
                <FormGroup key={f.name}>
                  <Label htmlFor={`map-${f.name}`}>{f.label}</Label>
                  {columns.length ? (
                    <Select
                      inputId={`map-${f.name}`}
                      isClearable
                      value={mapping[f.name] ? { value: mapping[f.name]!, label: mapping[f.name]! } : null}
                      options={columns.map((c) => ({ value: c, label: c }))}
                      onChange={(o: Option | null) => setMapping((m) => ({ ...m, [f.name]: o?.value ?? '' }))}
                    />
                  ) : (
                    <Input id={`map-${f.name}`} value={mapping[f.name] ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setMapping((m) => ({ ...m, [f.name]: e.target.value }))} />
                  )}
                </FormGroup>
              ))}
              <FormGroup>
                <Label htmlFor="map-calendar">{t('calendar')}</Label>
                <Select
                  inputId="map-calendar"
                  value={{ value: mapping.calendar ?? 'AUTO', label: t(`calendars.${mapping.calendar ?? 'AUTO'}`) }}
                  options={['AUTO', 'JALALI', 'GREGORIAN'].map((c) => ({ value: c, label: t(`calendars.${c}`) }))}
                  onChange={(o: Option | null) => setMapping((m) => ({ ...m, calendar: o?.value ?? 'AUTO' }))}
                />
              </FormGroup>
              <FormGroup>
                <Label htmlFor="preset-name">{t('presetName')}</Label>
                <Input id="preset-name" value={presetName} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPresetName(e.target.value)} />
              </FormGroup>
              <Button type="button" variant="outlined" disabled={sending || !presetName.trim()} onClick={doSavePreset} data-testid="statements-save-preset">
                {t('savePreset')}
              </Button>
            </Box>
          ) : null}

          <Box flex flexDirection="row" style={{ gap: 12 }}>
            <Button type="button" variant="outlined" disabled={sending || !file} onClick={doPreview} data-testid="statements-preview">
              {t('preview')}
            </Button>
            <Button type="button" variant="contained" disabled={sending || !preview || preview.needsLayout} onClick={doImport} data-testid="statements-import">
              {t('store')}
            </Button>
          </Box>

          {preview && !preview.needsLayout ? (
            <Box mt="lg" data-testid="statements-preview-result">
              <Text mb="sm">{preview.summary}</Text>
              <Text mb="sm">
                {t('creditTotal')} <MoneyAmount value={preview.creditRial} /> · {t('debitTotal')} <MoneyAmount value={preview.debitRial} />
              </Text>
              <Table>
                <TableHead>
                  <TableRow>
                    {['row', 'day', 'direction', 'amount', 'trace', 'card', 'description', 'status'].map((h) => (
                      <TableCell key={h}>{t(`columns.${h}`)}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.lines.map((l) => (
                    <TableRow key={l.row} data-testid="statements-preview-line">
                      <TableCell>{l.row}</TableCell>
                      <TableCell>{l.day}</TableCell>
                      <TableCell>{l.direction}</TableCell>
                      <TableCell>
                        <MoneyAmount value={l.amountRial} compact />
                      </TableCell>
                      <TableCell>
                        <bdi dir="ltr">{l.traceNumber ?? '—'}</bdi>
                      </TableCell>
                      <TableCell>
                        <bdi dir="ltr">{l.cardLast4 ?? '—'}</bdi>
                      </TableCell>
                      <TableCell>{l.description ?? ''}</TableCell>
                      <TableCell>{l.stored ? t('alreadyStored') : (l.proposal ?? (l.credit ? t('noProposal') : ''))}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {preview.more ? <Text mt="sm">{preview.more}</Text> : null}
            </Box>
          ) : null}
        </Box>
      ) : null}

      {matches ? (
        <Box data-testid="statements-matches">
          <H3>{t('matchesTitle', { center: matches.center.name })}</H3>
          <Text mb="sm" data-testid="statements-totals">
            {matches.totals.text}
          </Text>
          <Box flex flexDirection="row" mb="lg" style={{ gap: 12, flexWrap: 'wrap' }}>
            <Button type="button" variant="text" onClick={() => chooseAll(['HIGH'])} data-testid="statements-choose-sure">
              {t('chooseSure')}
            </Button>
            <Button type="button" variant="text" onClick={() => setChosen({})}>
              {t('chooseNone')}
            </Button>
            <Button type="button" variant="contained" disabled={sending || !Object.keys(chosen).length} onClick={doConfirm} data-testid="statements-confirm">
              {t('confirmChosen', { count: new Intl.NumberFormat('fa-IR').format(Object.keys(chosen).length) })}
            </Button>
            <a href={matches.reconciliation.url} data-testid="statements-reconciliation">
              {t('reconciliation')}
            </a>
          </Box>
          <Table>
            <TableHead>
              <TableRow>
                {['choose', 'day', 'amount', 'trace', 'card', 'description', 'proposal'].map((h) => (
                  <TableCell key={h}>{t(`columns.${h}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {matches.items.map((i) => (
                <TableRow key={i.lineId} data-testid="statements-credit" data-line={i.lineId}>
                  <TableCell>
                    {i.proposal ? (
                      <input
                        type="checkbox"
                        aria-label={t('choose')}
                        checked={chosen[i.lineId] === i.proposal.donationId}
                        onChange={(e) =>
                          setChosen((c) => {
                            const next = { ...c };
                            if (e.target.checked) next[i.lineId] = i.proposal!.donationId;
                            else delete next[i.lineId];
                            return next;
                          })
                        }
                      />
                    ) : null}
                  </TableCell>
                  <TableCell>{i.day}</TableCell>
                  <TableCell>
                    <MoneyAmount value={i.amountRial} compact />
                  </TableCell>
                  <TableCell>
                    <bdi dir="ltr">{i.traceNumber ?? '—'}</bdi>
                  </TableCell>
                  <TableCell>
                    <bdi dir="ltr">{i.cardLast4 ?? '—'}</bdi>
                  </TableCell>
                  <TableCell>{i.description ?? ''}</TableCell>
                  <TableCell>
                    {i.proposal ? (
                      <Box>
                        <Text style={{ fontWeight: 600 }}>
                          <span style={{ color: CONFIDENCE_COLOR[i.proposal.confidence] }}>{i.proposal.confidenceLabel}</span> · {i.proposal.donorName} · {i.proposal.fund}
                        </Text>
                        <Text variant="sm" color="grey60">
                          {i.proposal.why} · {i.proposal.day}
                          {i.proposal.traceNumber ? (
                            <>
                              {' · '}
                              <bdi dir="ltr">{i.proposal.traceNumber}</bdi>
                            </>
                          ) : null}
                        </Text>
                      </Box>
                    ) : i.alreadyConfirmed ? (
                      <Text variant="sm" data-testid="statements-already-confirmed">
                        {i.alreadyConfirmed}
                      </Text>
                    ) : i.canRecord ? (
                      <Box flex flexDirection="row" style={{ gap: 8, alignItems: 'center' }}>
                        <select aria-label={t('fund')} value={funds[i.lineId] ?? 'GENERAL'} onChange={(e) => setFunds((f) => ({ ...f, [i.lineId]: e.target.value }))}>
                          {matches.funds.map((f) => (
                            <option key={f.value} value={f.value}>
                              {f.label}
                            </option>
                          ))}
                        </select>
                        <Button type="button" size="sm" variant="outlined" disabled={sending} onClick={() => doRecord(i.lineId)} data-testid="statements-record">
                          {t('recordAnonymous')}
                        </Button>
                      </Box>
                    ) : (
                      <Text variant="sm" color="grey60">
                        {t('noProposal')}
                      </Text>
                    )}
                    {refusedLines[i.lineId] ? <FormMessage>{refusedLines[i.lineId]}</FormMessage> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Box flex flexDirection="row" mt="lg" style={{ gap: 12 }}>
            <Button type="button" variant="text" disabled={matches.offset === 0} onClick={() => load(centerId, Math.max(0, matches.offset - matches.pageSize))}>
              {t('previous')}
            </Button>
            <Button type="button" variant="text" disabled={matches.offset + matches.pageSize >= matches.totals.openCredits} onClick={() => load(centerId, matches.offset + matches.pageSize)}>
              {t('next')}
            </Button>
          </Box>
          {matches.imports.length ? (
            <Box mt="xl">
              <H3>{t('importsTitle')}</H3>
              {matches.imports.map((u) => (
                <Text key={u.id} variant="sm">
                  {u.text}
                </Text>
              ))}
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
};

export default BankStatements;
