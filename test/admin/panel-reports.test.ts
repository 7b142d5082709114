/**
 * The dashboard and the spreadsheets through the real panel (login, session,
 * the guard in front of /admin): the dashboard API answers for the logged-in
 * admin's scope, the spreadsheet routes see who is logged in, and nobody
 * gets anything without logging in.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '../../admin/dashboard/dashboard-data.ts';
import { XLSX_TYPE } from '../../admin/reports/xlsx-routes.ts';
import type { Database } from '../../prisma/client.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { buildTestAdmin, createPanelUser, loginAs } from '../helpers/admin.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { twoCentersWithGifts } from '../helpers/reports.ts';

let database: Database;
let app: FastifyInstance;
let center: Center;
let otherCenter: Center;
let trusteeCookie: string;
let otherTrusteeCookie: string;
let staffCookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const { county, ...centers } = await twoCentersWithGifts(db, new Date());
  ({ center, otherCenter } = centers);
  app = await buildTestAdmin(database);
  const trustee = await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'ADMIN_FINANCE' });
  const otherTrustee = await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: otherCenter.id, trusteeRole: 'CHAIR' });
  const staff = await createPanelUser(db, 'COUNTY_STAFF', { countyId: county.id });
  trusteeCookie = await loginAs(app, trustee.username, trustee.password);
  otherTrusteeCookie = await loginAs(app, otherTrustee.username, otherTrustee.password);
  staffCookie = await loginAs(app, staff.username, staff.password);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the dashboard API', () => {
  it("answers a trustee with their center only", async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/api/dashboard', headers: { cookie: trusteeCookie } });
    expect(res.statusCode).toBe(200);
    const d = res.json<DashboardData>();
    expect(d.scope).toEqual({ kind: 'center', name: center.name });
    expect(d.confirmedByFund).toEqual([{ fund: 'ZAKAT', rial: '12500000' }]);
    expect(d.reports[0]?.href).toContain(`centerId=${center.id}`);
  });

  it('answers county staff with their county', async () => {
    const d = (await app.inject({ method: 'GET', url: '/admin/api/dashboard', headers: { cookie: staffCookie } })).json<DashboardData>();
    expect(d.scope.kind).toBe('county');
    expect(d.confirmedTotalRial).toBe('52500000');
  });

  it('gives nothing without a login', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/api/dashboard' });
    expect(res.statusCode).not.toBe(200);
    expect(res.body).not.toContain('12500000');
  });
});

describe('the spreadsheets through the panel', () => {
  it("lets a trustee download their center's month, right to left", async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/reports/center-month.xlsx', headers: { cookie: trusteeCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]?.views[0]?.rightToLeft).toBe(true);
  });

  it("refuses a trustee of another center, and the overview to trustees", async () => {
    const url = `/admin/reports/center-month.xlsx?centerId=${center.id}`;
    const res = await app.inject({ method: 'GET', url, headers: { cookie: otherTrusteeCookie } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).not.toBe(XLSX_TYPE);
    expect((await app.inject({ method: 'GET', url: '/admin/reports/overview.xlsx', headers: { cookie: trusteeCookie } })).statusCode).toBe(403);
  });

  it('gives county staff the overview and nobody anything without a login', async () => {
    expect((await app.inject({ method: 'GET', url: '/admin/reports/overview.xlsx', headers: { cookie: staffCookie } })).statusCode).toBe(200);
    const anonymous = await app.inject({ method: 'GET', url: `/admin/reports/center-month.xlsx?centerId=${center.id}` });
    expect(anonymous.statusCode).not.toBe(200);
    expect(anonymous.headers['content-type']).not.toBe(XLSX_TYPE);
  });
});
