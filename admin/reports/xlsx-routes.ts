/**
 * Spreadsheet downloads under /admin/reports/ (the panel's auth hook guards
 * every /admin route; these check the admin's permission again with core's
 * policy before reading anything):
 *   GET /admin/reports/center-month.xlsx?centerId=&year=&month=   report.center, in the admin's scope
 *                                                                  (a trustee: their center; the current month by default)
 *   GET /admin/reports/overview.xlsx                              report.overview: the province, or the admin's county
 *   GET /admin/reports/statement-reconciliation.xlsx?centerId=&year=&month=
 *                                                                  a center's month, Sandogh statement against
 *                                                                  confirmed cash gifts (core decides: fund.read)
 *   GET /admin/reports/sample-statement.csv?centerId=              a sample statement of the center's account to try
 *                                                                  the upload with (core decides: statement.import)
 * A refusal is a short sentence in the admin's language, never a stack trace.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffActor, TrusteeActor } from '../../core/actor.ts';
import { isDomainError, type Core } from '../../core/index.ts';
import { toJalali } from '../../core/jalali.ts';
import { can } from '../../core/policy.ts';
import type { Language } from '../../messenger/i18n.ts';
import { localeString } from '../locale/index.ts';
import { REPORTS_PREFIX } from './report-paths.ts';
import { errorText, text } from './report-text.ts';
import type ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the routes need of the logged-in admin (http/current-admin.ts's CurrentAdmin has it). */
export interface ReportsAdmin {
  actor: StaffActor | TrusteeActor;
  locale: Language;
}

export interface XlsxRoutesOptions {
  core: Core;
  /** The logged-in admin of a request (from the panel's session), or null. */
  currentAdmin: (request: FastifyRequest) => ReportsAdmin | null | Promise<ReportsAdmin | null>;
}

type Query = Record<string, string | undefined>;

function statusOf(code: string): number {
  if (code === 'FORBIDDEN' || code === 'CENTER_READ_ONLY') return 403;
  if (code === 'NOT_FOUND') return 404;
  return 400;
}

function refuse(reply: FastifyReply, lng: Language, code: string) {
  return reply.code(statusOf(code)).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(errorText(lng, code));
}

/**
 * The spreadsheet writers, loaded at the first download: exceljs costs about 40 MB of memory
 * and a quarter of a second at start, for a page most processes never serve.
 */
async function loadWorkbooks() {
  const [{ centerMonthWorkbook }, { overviewWorkbook }, { statementReconciliationWorkbook }] = await Promise.all([
    import('./center-month-workbook.ts'),
    import('./overview-workbook.ts'),
    import('./statement-reconciliation-workbook.ts'),
  ]);
  return { centerMonthWorkbook, overviewWorkbook, statementReconciliationWorkbook };
}

/** `1405-09`: a month as the files' names write it. */
const periodOf = (p: { year: number; month: number }) => `${p.year}-${String(p.month).padStart(2, '0')}`;

/** The center a download is asked for: the one named, else a trustee's own. */
const centerOf = (actor: ReportsAdmin['actor'], query: Query) => query.centerId || (actor.kind === 'trustee' ? actor.centerId : undefined);

/**
 * The center and month a center's spreadsheet is asked for: a trustee's own center and the
 * current month (in Tehran) unless the query names them; null when no center is named or implied.
 */
function centerMonthOf(actor: ReportsAdmin['actor'], query: Query, now: Date) {
  const centerId = centerOf(actor, query);
  if (!centerId) return null;
  const current = toJalali(now);
  return { centerId, year: query.year ?? current.year, month: query.month ?? current.month };
}

/**
 * A download's Content-Disposition: an ASCII name for old clients and the reader's own one.
 * Chromium writes a zero-width non-joiner in a file name as "_" («تطبیق صورت_حساب»), so the
 * local name keeps a space there instead.
 */
function attachment(asciiName: string, localName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(localName.replaceAll('\u200c', ' '))}`;
}

async function sendWorkbook(reply: FastifyReply, wb: ExcelJS.Workbook, asciiName: string, localName: string) {
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', attachment(asciiName, localName))
    .header('cache-control', 'no-store')
    .send(body);
}

export function registerXlsxReportRoutes(app: FastifyInstance, opts: XlsxRoutesOptions): void {
  const { core } = opts;

  /** Runs a report for the logged-in admin; domain refusals become a polite status. */
  const guarded =
    (run: (admin: ReportsAdmin, query: Query, reply: FastifyReply) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const admin = await opts.currentAdmin(request);
      if (!admin) return reply.code(401).type('text/plain; charset=utf-8').send(errorText('fa', 'FORBIDDEN'));
      try {
        return await run(admin, (request.query ?? {}) as Query, reply);
      } catch (e) {
        if (isDomainError(e)) return refuse(reply, admin.locale, e.code);
        throw e;
      }
    };

  app.get(
    `${REPORTS_PREFIX}/center-month.xlsx`,
    guarded(async ({ actor, locale }, query, reply) => {
      const now = core.ctx.clock.now();
      const asked = centerMonthOf(actor, query, now);
      if (!asked) return refuse(reply, locale, 'VALIDATION');
      // Core finds the center and decides who may read it; its refusal becomes the polite status.
      const report = await core.reports.getCenterMonthReport(actor, asked);
      const period = periodOf(report.period);
      const localName = `${text(locale, 'spreadsheet.centerMonth.sheet')} ${report.center.name} ${period}.xlsx`;
      const { centerMonthWorkbook } = await loadWorkbooks();
      return sendWorkbook(reply, centerMonthWorkbook(report, locale, now), `center-month-${period}.xlsx`, localName);
    }),
  );

  app.get(
    `${REPORTS_PREFIX}/overview.xlsx`,
    guarded(async ({ actor, locale }, query, reply) => {
      // The admin's own county when they are posted to one (county staff, a county's auditor).
      const countyId = (actor.kind === 'staff' && actor.countyId) || query.countyId || undefined;
      if (!can(actor, 'report.overview', { countyId })) return refuse(reply, locale, 'FORBIDDEN');
      const overview = await core.reports.getOverview(actor, countyId ? { countyId } : {});
      const scopeName = 'countyId' in overview.scope ? `${text(locale, 'spreadsheet.overview.county')} ${overview.scope.countyName}` : text(locale, 'spreadsheet.overview.province');
      const now = core.ctx.clock.now();
      const period = periodOf(overview.month);
      const localName = `${text(locale, 'spreadsheet.overview.sheet')} ${period}.xlsx`;
      const { overviewWorkbook } = await loadWorkbooks();
      return sendWorkbook(reply, overviewWorkbook(overview, scopeName, locale, now), `overview-${period}.xlsx`, localName);
    }),
  );

  app.get(
    `${REPORTS_PREFIX}/statement-reconciliation.xlsx`,
    guarded(async ({ actor, locale }, query, reply) => {
      const now = core.ctx.clock.now();
      const asked = centerMonthOf(actor, query, now);
      if (!asked) return refuse(reply, locale, 'VALIDATION');
      // Core decides who may read the center's funds; its refusal becomes the polite status.
      const r = await core.statements.getStatementReconciliation(actor, asked);
      const period = periodOf(r.period);
      const localName = `${localeString(locale, 'admin-statements', 'spreadsheet.sheet') ?? 'reconciliation'} ${r.center.name} ${period}.xlsx`;
      const { statementReconciliationWorkbook } = await loadWorkbooks();
      return sendWorkbook(reply, statementReconciliationWorkbook(r, locale, now), `statement-reconciliation-${period}.xlsx`, localName);
    }),
  );

  // A csv, not a workbook, but a download guarded the same way.
  app.get(
    `${REPORTS_PREFIX}/sample-statement.csv`,
    guarded(async ({ actor, locale }, query, reply) => {
      const centerId = centerOf(actor, query);
      if (!centerId) return refuse(reply, locale, 'VALIDATION');
      const sample = await core.statements.getSampleStatement(actor, { centerId });
      const localName = `${localeString(locale, 'admin-statements', 'spreadsheet.sampleFile') ?? 'sample statement'} ${sample.centerName}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('sample-statement.csv', localName))
        .header('cache-control', 'no-store')
        .send(sample.csv);
    }),
  );
}

/** The panel plugin's entry (admin/panel.ts): the routes with the admin the guard put on the request. */
export async function xlsxRoutes(app: FastifyInstance, deps: { core: Core }): Promise<void> {
  registerXlsxReportRoutes(app, { core: deps.core, currentAdmin: (request) => request.currentAdmin ?? null });
}
