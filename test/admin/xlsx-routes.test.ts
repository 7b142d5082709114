/**
 * The report spreadsheets: Persian headers, right-to-left sheets, money as
 * number cells in Rial and Toman, and the policy's refusals (a trustee of
 * another center, a trustee asking for the overview). Parsed back with exceljs.
 */
import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor, TrusteeActor } from '../../core/actor.ts';
import { createCore } from '../../core/index.ts';
import { registerXlsxReportRoutes, XLSX_TYPE, type ReportsAdmin } from '../../admin/reports/xlsx-routes.ts';
import type { Database } from '../../prisma/client.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { createDonation } from '../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../fixtures/actors.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { twoCentersWithGifts } from '../helpers/reports.ts';

const NOW = new Date('2026-11-26T08:00:00Z'); // 5 Azar 1405
let database: Database;
let app: FastifyInstance;
let center: Center;
let otherCenter: Center;
let chair: TrusteeActor;
let otherChair: TrusteeActor;
let countyStaff: StaffActor;
let provinceAdmin: StaffActor;
const admins = new Map<string, ReportsAdmin>();

async function download(url: string, as: string) {
  const res = await app.inject({ method: 'GET', url, headers: { 'x-test-admin': as } });
  return res;
}

async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const cells: { address: string; value: ExcelJS.CellValue; row: number; col: number }[] = [];
  ws.eachRow((row) => row.eachCell((cell) => cells.push({ address: cell.address, value: cell.value, row: Number(cell.row), col: Number(cell.col) })));
  return { ws, cells };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const paidAt = new Date('2026-11-25T10:00:00Z');
  const { county, ...centers } = await twoCentersWithGifts(db, paidAt);
  ({ center, otherCenter } = centers);
  await createDonation(db, { centerId: center.id, state: 'REPORTED', fund: 'GENERAL', amountRial: 3_000_000n, paidAt });
  chair = await trusteeActor(db, center.id, 'CHAIR');
  otherChair = await trusteeActor(db, otherCenter.id, 'CHAIR');
  countyStaff = await staffActor(db, 'COUNTY_STAFF', { countyId: county.id });
  provinceAdmin = await staffActor(db, 'PROVINCE_ADMIN', { provinceId: county.provinceId });
  admins.set('chair', { actor: chair, locale: 'fa' });
  admins.set('otherChair', { actor: otherChair, locale: 'fa' });
  admins.set('countyStaff', { actor: countyStaff, locale: 'fa' });
  admins.set('provinceAdmin', { actor: provinceAdmin, locale: 'fa' });
  admins.set('provinceAdminEn', { actor: provinceAdmin, locale: 'en' });

  const core = createCore({ db, clock: { now: () => NOW } });
  app = Fastify();
  registerXlsxReportRoutes(app, { core, currentAdmin: (req) => admins.get(String(req.headers['x-test-admin'])) ?? null });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("a center's monthly spreadsheet", () => {
  it('has Persian headers, a right-to-left sheet and the money as numbers in Rial and Toman', async () => {
    const res = await download(`/admin/reports/center-month.xlsx?centerId=${center.id}&year=1405&month=9`, 'chair');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="center-month-1405-09\.xlsx"; filename\*=UTF-8''/);
    const { ws, cells } = await sheetOf(res.rawPayload);
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(ws.name).toBe('گزارش ماهانه');
    expect(cells.find((c) => c.address === 'A1')?.value).toBe(`گزارش ماهانهٔ ${center.name}، آذر ۱۴۰۵`);
    expect(cells.some((c) => c.value === '۱ آذر ۱۴۰۵ – ۳۰ آذر ۱۴۰۵')).toBe(true);

    const rialHeader = cells.find((c) => c.value === 'مبلغ تأییدشده (ریال)');
    const tomanHeader = cells.find((c) => c.value === 'مبلغ تأییدشده (تومان)');
    expect(rialHeader && tomanHeader).toBeTruthy();
    const zakatRow = cells.find((c) => c.value === 'زکات' && c.row > rialHeader!.row)!.row;
    const at = (row: number, col: number) => ws.getRow(row).getCell(col);
    expect(at(zakatRow, rialHeader!.col).value).toBe(12_500_000);
    expect(at(zakatRow, tomanHeader!.col).value).toBe(1_250_000);
    expect(at(zakatRow, rialHeader!.col).numFmt).toBe('#,##0');
    expect(cells.find((c) => c.value === 'نقدی' && c.row === zakatRow)).toBeTruthy();
  });

  it("defaults a trustee to their own center and this month", async () => {
    const res = await download('/admin/reports/center-month.xlsx', 'chair');
    expect(res.statusCode).toBe(200);
    const { cells } = await sheetOf(res.rawPayload);
    expect(cells.find((c) => c.address === 'A1')?.value).toBe(`گزارش ماهانهٔ ${center.name}، آذر ۱۴۰۵`);
  });

  it("refuses a trustee of another center, in Persian, without a spreadsheet", async () => {
    const res = await download(`/admin/reports/center-month.xlsx?centerId=${center.id}&year=1405&month=9`, 'otherChair');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toBe('شما اجازهٔ این کار را ندارید.');
  });

  it('refuses a request without a logged-in admin', async () => {
    const res = await download(`/admin/reports/center-month.xlsx?centerId=${center.id}`, 'nobody');
    expect(res.statusCode).toBe(401);
  });

  it('answers 404 for an unknown center and 400 for a month that does not exist', async () => {
    expect((await download('/admin/reports/center-month.xlsx?centerId=nope', 'countyStaff')).statusCode).toBe(404);
    expect((await download(`/admin/reports/center-month.xlsx?centerId=${center.id}&year=1405&month=13`, 'countyStaff')).statusCode).toBe(400);
  });
});

describe('the overview spreadsheet', () => {
  it("gives county staff their county's figures", async () => {
    const res = await download('/admin/reports/overview.xlsx', 'countyStaff');
    expect(res.statusCode).toBe(200);
    const { ws, cells } = await sheetOf(res.rawPayload);
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(String(cells.find((c) => c.address === 'A1')?.value)).toMatch(/^گزارش کلی شهرستان .+، آذر ۱۴۰۵$/);
    const general = cells.find((c) => c.value === 'کمک عمومی')!;
    expect(ws.getRow(general.row).getCell(2).value).toBe(40_000_000);
    expect(ws.getRow(general.row).getCell(3).value).toBe(4_000_000);
    const licensed = cells.find((c) => c.value === 'دارای مجوز')!;
    expect(ws.getRow(licensed.row).getCell(2).value).toBe(2);
  });

  it('is left to right with English headers for an admin using English', async () => {
    const res = await download('/admin/reports/overview.xlsx', 'provinceAdminEn');
    const { ws, cells } = await sheetOf(res.rawPayload);
    expect(ws.views[0]?.rightToLeft).toBe(false);
    expect(cells.some((c) => c.value === 'Amount (Rial)')).toBe(true);
  });

  it('is refused to a trustee', async () => {
    const res = await download('/admin/reports/overview.xlsx', 'chair');
    expect(res.statusCode).toBe(403);
  });
});
