/**
 * Bulk test data for the list and report benchmarks, built by PostgreSQL itself
 * (INSERT … SELECT over generate_series): one province, its counties, licensed centers
 * with their Sandogh accounts, donors (natural persons and organisations) and donations
 * spread over two years that satisfy every CHECK of the schema:
 *   - per center, 9 in 10 gifts CONFIRMED with gap-free receipt numbers 1..n in paidAt
 *     order (the counter row ends at n), 1 in 20 REJECTED with a reason, 1 in 20 still
 *     REPORTED; about 1 in 400 confirmed gifts has a REVERSED entry (same amount, same paidAt);
 *   - 85 % cash (with the center's Sandogh account), 10 % goods, 5 % services; funds skewed
 *     towards GENERAL and SADAQA; a tenth of the gifts anonymous (no donor).
 *
 * Loading 5,000,000 rows through the indexes would take far longer than building the
 * indexes afterwards, so the Donation table's secondary indexes are dropped for the load
 * and rebuilt from their own definitions, and foreign-key and other triggers are skipped
 * for this session (session_replication_role = replica) -- the rows are valid by
 * construction. Anything a trigger keeps (the report summary) is rebuilt at the end with
 * the same SQL the migration's backfill uses. Finally VACUUM ANALYZE, as autovacuum
 * would leave a table that has settled: planner statistics and the visibility map.
 */
import pg from 'pg';
import { poolConfigFromUrl } from '../../prisma/engine/adapters.ts';
import { rebuildDonationSummarySql } from './summary-sql.ts';

export interface GenerateOptions {
  donations: number;
  centers?: number;
  counties?: number;
  /** Donors (default: one per 20 donations). */
  donors?: number;
  /** The newest paidAt (default now); the oldest is `months` earlier. */
  end?: Date;
  months?: number;
  log?: (message: string) => void;
}

export interface GeneratedData {
  provinceId: string;
  countyIds: string[];
  centerIds: string[];
  donations: number;
  donors: number;
  seconds: number;
}

/** States by position in each run of 40 gifts of a center. */
const CYCLE = 40;
const REJECTED_AT = new Set([7, 27]);
const REPORTED_AT = new Set([13, 33]);
const stateAt = (p: number) => (REJECTED_AT.has(p) ? 'REJECTED' : REPORTED_AT.has(p) ? 'REPORTED' : 'CONFIRMED');
/** Confirmed gifts among positions 0..p of a cycle (the receipt number within the cycle). */
const CONFIRMED_UP_TO = Array.from({ length: CYCLE }, (_, p) => Array.from({ length: p + 1 }, (_, q) => stateAt(q)).filter((s) => s === 'CONFIRMED').length);
const CONFIRMED_PER_CYCLE = CONFIRMED_UP_TO[CYCLE - 1]!;

/** Funds weighted by how often they are given to (20 slots). */
const FUND_SLOTS = [
  'GENERAL', 'GENERAL', 'GENERAL', 'GENERAL', 'SADAQA', 'SADAQA', 'SADAQA', 'ZAKAT', 'ZAKAT', 'ORPHANS',
  'ORPHANS', 'NAZR', 'KAFFARA', 'FITRIYEH', 'RADD_MAZALEM', 'DOWRY', 'QARD_AL_HASAN', 'EMPLOYMENT', 'HEALTH', 'EDUCATION',
];

const sqlList = (xs: readonly (string | number)[]) => xs.map((x) => (typeof x === 'number' ? String(x) : `'${x}'`)).join(',');

export const benchCenterId = (c: number) => `bc${String(c).padStart(6, '0')}`;
export const benchCountyId = (c: number) => `bk${String(c).padStart(4, '0')}`;

export async function generateDonations(url: string, options: GenerateOptions): Promise<GeneratedData> {
  const t0 = performance.now();
  const log = options.log ?? (() => {});
  const n = options.donations;
  const centers = options.centers ?? Math.max(10, Math.min(400, Math.round(n / 12_500)));
  const counties = options.counties ?? Math.max(2, Math.min(30, Math.round(centers / 12)));
  const donors = options.donors ?? Math.max(100, Math.round(n / 20));
  const end = options.end ?? new Date();
  const months = options.months ?? 24;
  const spanMs = months * 30.44 * 86_400_000;
  const start = new Date(end.getTime() - spanMs);
  const perCenter = Math.ceil(n / centers);

  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  try {
    await q(`SET session_replication_role = replica`);
    await q(`SET synchronous_commit = off`);
    await q(`SET maintenance_work_mem = '256MB'`);
    await q(`SET work_mem = '64MB'`);

    await q(`INSERT INTO "Province" (id, name, code, "updatedAt") VALUES ('bp', 'خراسان رضوی (بنچ)', 'BENCH', now())`);
    await q(
      `INSERT INTO "County" (id, "provinceId", name, code, "updatedAt")
       SELECT 'bk' || lpad(g::text, 4, '0'), 'bp', 'شهرستان ' || g, 'BK' || g, now() FROM generate_series(0, $1 - 1) g`,
      [counties],
    );
    await q(
      `INSERT INTO "Center" (id, "countyId", name, "activityCode", "hostType", "hostName", address, "activityArea",
         "licenseState", "licensedAt", "licenseExpiresOn", "sandoghAccountNo", "sandoghSheba", "appliedAt", "createdAt", "updatedAt")
       SELECT 'bc' || lpad(g::text, 6, '0'), 'bk' || lpad((g % $2)::text, 4, '0'), 'مرکز نیکوکاری ' || g, 'BA' || g,
         'MOSQUE', 'مسجد ' || g, 'نشانی ' || g, 'محله ' || g,
         'LICENSED', $3::timestamptz, ($4::timestamptz + interval '1 year')::date,
         'SA' || lpad(g::text, 8, '0'), 'IR' || lpad(g::text, 24, '0'), $3::timestamptz, $3::timestamptz, now()
       FROM generate_series(0, $1 - 1) g`,
      [centers, counties, start, end],
    );
    await q(`INSERT INTO "ReceiptCounter" ("centerId", "lastNo") SELECT id, 0 FROM "Center" WHERE id LIKE 'bc%'`);

    // Four in five donors are natural persons, the rest organisations.
    await q(
      `INSERT INTO "Person" (id, "firstName", "lastName", "createdAt", "updatedAt")
       SELECT 'bpn' || g, 'نام' || g, 'خانوادگی' || g, $2::timestamptz, $2::timestamptz FROM generate_series(0, $1 - 1) g WHERE g % 5 <> 4`,
      [donors, start],
    );
    await q(
      `INSERT INTO "Donor" (id, type, "personId", "organizationName", "recruitedByCenterId", "createdAt", "updatedAt")
       SELECT 'bd' || g, CASE WHEN g % 5 <> 4 THEN 'NATURAL' ELSE 'LEGAL' END::"DonorType",
         CASE WHEN g % 5 <> 4 THEN 'bpn' || g END, CASE WHEN g % 5 = 4 THEN 'شرکت ' || g END,
         'bc' || lpad((g % $2)::text, 6, '0'),
         $3::timestamptz + (g::float8 / $1) * ($4::timestamptz - $3::timestamptz), now()
       FROM generate_series(0, $1 - 1) g`,
      [donors, centers, start, end],
    );
    log(`  ${centers} centers in ${counties} counties, ${donors} donors`);

    const indexes = (await q(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Donation' AND indexname <> 'Donation_pkey'`)).rows as {
      indexname: string;
      indexdef: string;
    }[];
    for (const ix of indexes) await q(`DROP INDEX "${ix.indexname}"`);

    // Gift i goes to center i % centers as that center's k-th gift (k = i / centers), so
    // its state, receipt number and paidAt follow from k alone: no window functions.
    const chunk = 1_000_000;
    for (let from = 0; from < n; from += chunk) {
      const to = Math.min(n, from + chunk) - 1;
      await q(
        `INSERT INTO "Donation" (id, "centerId", "donorId", kind, fund, state, "amountRial", "sandoghAccountNo",
           "itemDescription", quantity, unit, "estimatedValueRial", "serviceDescription", "serviceHours",
           "traceNumber", "cardLast4", "paidAt", "receiptNo", "confirmedAt", "rejectedAt", "rejectReason",
           "idempotencyKey", "createdAt", "updatedAt")
         SELECT 'bn' || lpad(i::text, 10, '0'), 'bc' || lpad(c::text, 6, '0'),
           CASE WHEN h % 10 <> 0 THEN 'bd' || (h % $3) END,
           kind::"AidKind", (ARRAY[${sqlList(FUND_SLOTS)}])[h % 20 + 1]::"Fund", st::"DonationState",
           CASE WHEN kind = 'CASH' THEN (1 + (h % 997) * (h % 997) / 1990) * 100000 END,
           CASE WHEN kind = 'CASH' THEN 'SA' || lpad(c::text, 8, '0') END,
           CASE WHEN kind = 'IN_KIND' THEN 'برنج و روغن' END,
           CASE WHEN kind = 'IN_KIND' THEN 1 + h % 20 END,
           CASE WHEN kind = 'IN_KIND' THEN 'بسته' END,
           CASE WHEN kind = 'IN_KIND' THEN (1 + h % 50) * 500000 END,
           CASE WHEN kind = 'SERVICE' THEN 'ساعت مشاوره' END,
           CASE WHEN kind = 'SERVICE' THEN 1 + h % 8 END,
           CASE WHEN kind = 'CASH' THEN lpad(i::text, 12, '0') END,
           CASE WHEN kind = 'CASH' THEN lpad((h % 10000)::text, 4, '0') END,
           paid,
           CASE WHEN st = 'CONFIRMED' THEN (k / ${CYCLE}) * ${CONFIRMED_PER_CYCLE} + (ARRAY[${sqlList(CONFIRMED_UP_TO)}])[k % ${CYCLE} + 1] END,
           CASE WHEN st = 'CONFIRMED' THEN paid + interval '20 hours' END,
           CASE WHEN st = 'REJECTED' THEN paid + interval '20 hours' END,
           CASE WHEN st = 'REJECTED' THEN 'واریز در حساب پیدا نشد' END,
           'bench:' || i, paid, paid
         FROM (
           SELECT i, c, k, h, paid,
             CASE WHEN h % 20 < 17 THEN 'CASH' WHEN h % 20 < 19 THEN 'IN_KIND' ELSE 'SERVICE' END AS kind,
             CASE WHEN k % ${CYCLE} IN (${[...REJECTED_AT].join(',')}) THEN 'REJECTED'
                  WHEN k % ${CYCLE} IN (${[...REPORTED_AT].join(',')}) THEN
                    CASE WHEN paid >= $7::timestamptz - interval '14 days' THEN 'REPORTED' ELSE 'REJECTED' END
                  ELSE 'CONFIRMED' END AS st
           FROM (
             SELECT i, i % $4 AS c, i / $4 AS k, ((i * 2654435761) % 4294967291) AS h,
               $5::timestamptz + (((i / $4)::float8 + ((i * 40503) % 1000) / 1000.0) / $6) * ($7::timestamptz - $5::timestamptz) AS paid
             FROM generate_series($1::bigint, $2::bigint) i
           ) a
         ) b`,
        [from, to, donors, centers, start, perCenter, end],
      );
      log(`  donations ${to + 1}/${n} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }

    // About one confirmed gift in 400 is reversed (every 397th gift, when confirmed): the same amount, fund and paidAt, pointing at it.
    await q(
      `INSERT INTO "Donation" (id, "centerId", "donorId", kind, fund, state, "amountRial", "sandoghAccountNo",
         "itemDescription", quantity, unit, "estimatedValueRial", "serviceDescription", "serviceHours",
         "paidAt", "reversesId", "reversalReason", "idempotencyKey", "createdAt", "updatedAt")
       SELECT 'bv' || substr(d.id, 3), d."centerId", d."donorId", d.kind, d.fund, 'REVERSED', d."amountRial", d."sandoghAccountNo",
         d."itemDescription", d.quantity, d.unit, d."estimatedValueRial", d."serviceDescription", d."serviceHours",
         d."paidAt", d.id, 'مبلغ اشتباه ثبت شده بود', 'reversal:' || d.id, d."paidAt" + interval '2 days', d."paidAt" + interval '2 days'
       FROM generate_series(0::bigint, $1::bigint - 1, 397) i
       JOIN "Donation" d ON d.id = 'bn' || lpad(i::text, 10, '0')
       WHERE d.state = 'CONFIRMED'`,
      [n],
    );

    log(`  rebuilding ${indexes.length} indexes (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    for (const ix of indexes) await q(ix.indexdef);
    await q(
      `UPDATE "ReceiptCounter" r SET "lastNo" = COALESCE((SELECT max("receiptNo") FROM "Donation" d WHERE d."centerId" = r."centerId"), 0)`,
    );
    for (const sql of rebuildDonationSummarySql) await q(sql);
    await q(`SET session_replication_role = origin`);
    log(`  vacuum analyze (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    await q(`VACUUM ANALYZE`);
    const total = Number((await q(`SELECT count(*)::int AS n FROM "Donation"`)).rows[0].n);
    const seconds = (performance.now() - t0) / 1000;
    log(`  ${total} donation rows in ${seconds.toFixed(0)} s`);
    return {
      provinceId: 'bp',
      countyIds: Array.from({ length: counties }, (_, c) => benchCountyId(c)),
      centerIds: Array.from({ length: centers }, (_, c) => benchCenterId(c)),
      donations: total,
      donors,
      seconds,
    };
  } finally {
    await client.end();
  }
}
