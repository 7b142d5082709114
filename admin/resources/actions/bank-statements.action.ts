/**
 * Bank statements (Donation → "Bank statements"): a center's Sandogh account statement
 * uploaded, previewed, stored, its credits matched to reported gifts and confirmed, and the
 * month reconciled -- the page admin/components/statements/BankStatements.tsx, every step a
 * core use-case of the statements area (core/statements), which decides who may.
 *
 *   GET  ?centerId=&offset=        the login's centers and layouts, and a center's open credits with proposals
 *   POST step=preview              the file read with a layout: its lines and proposals, nothing stored
 *   POST step=import               the file's new lines stored (each once), then the open credits
 *   POST step=savePreset           a bank's layout kept under a name
 *   POST step=confirm              the chosen matches ([{lineId, donationId}] as JSON) confirmed, each through core
 *   POST step=record               a credit recorded as an anonymous gift to a fund
 * The file comes as a multipart upload (admin/adminjs/router.ts hands its bytes over); a
 * refusal is core's DomainError in the login's language, naming the row and column it means.
 */
import type { Action, ActionResponse } from 'adminjs';
import type { Core } from '../../../core/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { FUNDS } from '../../../core/giving/shared.ts';
import { toJalali } from '../../../core/jalali.ts';
import type { OpenCredit, RecordStatementCreditInput, StatementMatches, StatementPreview, StatementSetup } from '../../../core/statements/index.ts';
import { EXAMPLE_PRESETS, MAPPING_COLUMNS, SAMPLE_STATEMENT_LAYOUT } from '../../../core/statements/index.ts';
import { digits, formatJalaliDate } from '../../../messenger/format.ts';
import type { Language } from '../../../messenger/i18n.ts';
import { roleMay, type AdminActor } from '../../access.ts';
import { fillPlaceholders, localeString } from '../../locale/index.ts';
import { sampleStatementPath, statementReconciliationPath } from '../../reports/report-paths.ts';
import { valueLabel } from '../messages.ts';
import { corePage } from './core-page.ts';
import { refusalText } from './refusal.ts';

/** Lines shown in a preview (the totals count them all). */
const PREVIEW_LINES = 100;
/** Open credits per page. */
const PAGE = 200;

export function mayWorkStatements(actor: AdminActor): boolean {
  return roleMay(actor, 'statement.import');
}

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function say(lng: Language, key: string, vars: Record<string, string | number> = {}): string {
  return fillPlaceholders(localeString(lng, 'admin-statements', `components.BankStatements.${key}`) ?? key, vars);
}

const day = (d: Date | null, lng: Language) => (d ? formatJalaliDate(d, lng) : '—');

function shownSetup(setup: StatementSetup, lng: Language) {
  return {
    layouts: setup.layouts.map((l) => ({ id: l.id, name: l.name, example: l.example })),
    centers: setup.centers,
    fields: MAPPING_COLUMNS.map((f) => ({ name: f, label: say(lng, `fields.${f}`) })),
  };
}

/** Why a gift is proposed, in a sentence: the rule, the days between, what a person should look at. */
function why(p: NonNullable<OpenCredit['proposal']>, lng: Language): string {
  const parts = [say(lng, `rules.${p.rule}`)];
  parts.push(p.dayGap === 0 ? say(lng, 'sameDay') : say(lng, 'daysApart', { days: digits(p.dayGap, lng) }));
  if (p.sameTraceReports > 0) parts.push(say(lng, 'sameTraceReports', { count: digits(p.sameTraceReports, lng) }));
  if (p.traceDiffers) parts.push(say(lng, 'traceDiffers'));
  return parts.join('؛ ');
}

function shownMatches(m: StatementMatches, lng: Language, offset: number, now: Date) {
  const month = toJalali(now);
  return {
    center: m.center,
    offset,
    pageSize: PAGE,
    totals: {
      openCredits: m.totals.openCredits,
      text: say(lng, 'openTotals', {
        count: digits(m.totals.openCredits, lng),
        high: digits(m.totals.high, lng),
        medium: digits(m.totals.medium, lng),
        low: digits(m.totals.low, lng),
        confirmed: digits(m.totals.alreadyConfirmed, lng),
        none: digits(m.totals.none, lng),
      }),
      openCreditRial: m.totals.openCreditRial.toString(),
    },
    items: m.items.map((i) => ({
      lineId: i.lineId,
      day: day(i.bookedOn, lng),
      amountRial: i.amountRial.toString(),
      traceNumber: i.traceNumber,
      cardLast4: i.cardLast4,
      description: i.description,
      row: digits(i.rowNo, lng),
      canRecord: !i.confirmedGift,
      alreadyConfirmed: i.confirmedGift ? say(lng, 'alreadyConfirmed', { receiptNo: i.confirmedGift.receiptNo ? digits(i.confirmedGift.receiptNo, lng) : '—' }) : null,
      proposal: i.proposal
        ? {
            donationId: i.proposal.gift.id,
            rule: i.proposal.rule,
            confidence: i.proposal.confidence,
            confidenceLabel: say(lng, `confidence.${i.proposal.confidence}`),
            why: why(i.proposal, lng),
            donorName: i.proposal.gift.donorName ?? say(lng, 'anonymous'),
            day: day(i.proposal.gift.paidAt, lng),
            traceNumber: i.proposal.gift.traceNumber,
            cardLast4: i.proposal.gift.cardLast4,
            fund: valueLabel(lng, 'Donation', 'fund', i.proposal.gift.fund),
          }
        : null,
    })),
    imports: m.imports.map((u) => ({
      id: u.id,
      text: say(lng, 'importLine', {
        file: u.fileName,
        layout: u.layoutName,
        lines: digits(u.lineCount, lng),
        added: digits(u.addedCount, lng),
        from: day(u.firstDay, lng),
        to: day(u.lastDay, lng),
        at: day(u.createdAt, lng),
      }),
    })),
    reconciliation: { year: month.year, month: month.month, url: statementReconciliationPath(m.center.id, month.year, month.month) },
    // The sample is written in the shipped internet-bank layout; the hint names it to pick.
    sample: { url: sampleStatementPath(m.center.id), hint: say(lng, 'sampleHint', { layout: EXAMPLE_PRESETS.find((p) => p.id === SAMPLE_STATEMENT_LAYOUT)?.name ?? '' }) },
    funds: FUNDS.map((f) => ({ value: f, label: valueLabel(lng, 'Donation', 'fund', f) })),
  };
}

function shownPreview(p: StatementPreview, lng: Language) {
  if (p.needsLayout) {
    return {
      needsLayout: true,
      columns: p.columns,
      message: p.missingColumn ? refusalText(new DomainError('STATEMENT_HEADER_NOT_FOUND', { column: p.missingColumn }), lng) : say(lng, 'chooseColumns'),
    };
  }
  const t = p.totals;
  return {
    needsLayout: false,
    summary: say(lng, 'previewTotals', {
      lines: digits(t.lines, lng),
      credits: digits(t.credits, lng),
      debits: digits(t.debits, lng),
      newLines: digits(t.newLines, lng),
      proposals: digits(t.proposals, lng),
      from: day(t.firstDay, lng),
      to: day(t.lastDay, lng),
      layout: p.layoutName,
    }),
    creditRial: t.creditRial.toString(),
    debitRial: t.debitRial.toString(),
    more: t.lines > PREVIEW_LINES ? say(lng, 'previewMore', { shown: digits(PREVIEW_LINES, lng), all: digits(t.lines, lng) }) : null,
    lines: p.lines.slice(0, PREVIEW_LINES).map((l) => ({
      row: digits(l.rowNo, lng),
      day: day(l.bookedOn, lng),
      direction: say(lng, `direction.${l.direction}`),
      credit: l.direction === 'CREDIT',
      amountRial: l.amountRial.toString(),
      traceNumber: l.traceNumber,
      cardLast4: l.cardLast4,
      description: l.description,
      stored: l.stored,
      proposal: l.proposal ? say(lng, `confidence.${l.proposal.confidence}`) : null,
    })),
  };
}

/** The column layout as sent (JSON); one that is not JSON is no layout, refused in core's words. */
function layoutOf(payload: Payload): unknown {
  try {
    return JSON.parse(str(payload.mapping));
  } catch {
    throw new DomainError('STATEMENT_LAYOUT_REQUIRED', { field: 'mapping' });
  }
}

/** The upload's fields as core's statements input takes them. */
function upload(payload: Payload) {
  const file = payload.file as { name?: unknown; bytes?: unknown } | undefined;
  const bytes = file && file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(0);
  const mapping = str(payload.mapping) ? layoutOf(payload) : undefined;
  return {
    centerId: str(payload.centerId),
    fileName: typeof file?.name === 'string' && file.name ? file.name : 'statement',
    file: bytes,
    presetId: str(payload.presetId) || undefined,
    ...(mapping ? { mapping: mapping as never } : {}),
  };
}

function parseMatches(raw: unknown): { lineId: string; donationId: string }[] {
  try {
    const v = JSON.parse(str(raw)) as unknown;
    if (Array.isArray(v)) return v.filter((x): x is { lineId: string; donationId: string } => typeof x?.lineId === 'string' && typeof x?.donationId === 'string');
  } catch {
    // A broken list is an empty one: core refuses it as REQUIRED.
  }
  return [];
}

export function bankStatementsAction(core: Core, component: string | undefined): Partial<Action<ActionResponse>> {
  const now = () => core.ctx.clock.now();

  const matchesOf = async (actor: AdminActor, lng: Language, centerId: string, offset = 0) =>
    shownMatches(await core.statements.listStatementMatches(actor, { centerId, offset, limit: PAGE }), lng, offset, now());

  return corePage({
    name: 'bankStatements',
    icon: 'FileText',
    component,
    may: mayWorkStatements,
    read: async (actor, lng, query) => {
      const setup = await core.statements.getStatementSetup(actor);
      const centerId = str(query.centerId) || setup.centers[0]?.id;
      const offset = Math.max(0, Number.parseInt(str(query.offset), 10) || 0);
      return { setup: shownSetup(setup, lng), matches: centerId ? await matchesOf(actor, lng, centerId, offset) : null };
    },
    act: async (actor, lng, payload) => {
      const centerId = str(payload.centerId);
      switch (payload.step) {
        case 'preview':
          return { data: { preview: shownPreview(await core.statements.previewStatement(actor, upload(payload)), lng) } };
        case 'import': {
          const r = await core.statements.importStatement(actor, upload(payload));
          const message = say(lng, 'imported', { added: digits(r.addedCount, lng), lines: digits(r.lineCount, lng), already: digits(r.lineCount - r.addedCount, lng) });
          return { notice: { message, type: 'success' }, data: { imported: r, matches: await matchesOf(actor, lng, centerId) } };
        }
        case 'savePreset': {
          const preset = await core.statements.saveStatementPreset(actor, { name: str(payload.name), mapping: layoutOf(payload) as never });
          return {
            notice: { message: say(lng, 'presetSaved', { name: preset.name }), type: 'success' },
            data: { presetId: preset.id, setup: shownSetup(await core.statements.getStatementSetup(actor), lng) },
          };
        }
        case 'confirm': {
          const r = await core.statements.confirmStatementMatches(actor, { centerId, matches: parseMatches(payload.matches) });
          const refused = r.refused.map((x) => ({ lineId: x.lineId, message: refusalText(new DomainError(x.code), lng) }));
          const message = say(lng, r.refused.length ? 'confirmedSome' : 'confirmedAll', { confirmed: digits(r.confirmed.length, lng), refused: digits(r.refused.length, lng) });
          return {
            notice: { message, type: r.confirmed.length || !r.refused.length ? 'success' : 'error' },
            data: { result: { confirmed: r.confirmed.length, refused }, matches: await matchesOf(actor, lng, centerId) },
          };
        }
        case 'record': {
          // What was picked, as typed: core's schema refuses a fund that is none.
          const fund = (str(payload.fund) || undefined) as RecordStatementCreditInput['fund'];
          const gift = await core.statements.recordStatementCredit(actor, { lineId: str(payload.lineId), fund });
          const message = gift.receiptNo ? say(lng, 'recordedConfirmed', { receiptNo: digits(gift.receiptNo, lng) }) : say(lng, 'recordedWaiting');
          return { notice: { message, type: 'success' }, data: { matches: await matchesOf(actor, lng, centerId) } };
        }
        default:
          throw new DomainError('VALIDATION', { field: 'step' });
      }
    },
  });
}
