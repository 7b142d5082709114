/**
 * What staff read in the Persian panel, over the real HTTP API: a missing record is told in
 * Persian (not AdminJS's English sentence), and so is an action the login may not use; staff people (their mobile numbers) are read
 * only by province-wide logins, a trustee sees an official as a name on what they decided;
 * the audit trail reads as sentences naming who did what to which record, and what changed; the outbox names
 * each message's kind in words.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminjsLocale } from '../../admin/locale/index.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { localeString } from '../../admin/locale/index.ts';
import { createCenter, createCounty, createDonation } from '../../fixtures/factories.ts';
import type { Database } from '../../prisma/client.ts';
import type { Center, Person } from '../../prisma/generated/client/client.ts';
import { buildTestAdmin, createPanelUser, loginAs } from '../helpers/admin.ts';
import { createTestDatabase } from '../helpers/db.ts';

type Body = {
  notice?: { type: string; message: string };
  records?: { id: string; params: Record<string, unknown> }[];
  record?: { params: Record<string, unknown>; populated?: Record<string, { title: string; params: Record<string, unknown> } | null> };
};

let database: Database;
let app: FastifyInstance;
let center: Center;
let official: Person;
let donationId: string;
const logins = { province: '', county: '', trustee: '' };
let countyStaffName: string;
let countyStaffUserId: string;
let provinceUserId: string;

async function get(login: keyof typeof logins, url: string): Promise<Body> {
  const res = await app.inject({ method: 'GET', url: `/admin/api/resources/${url}`, headers: { cookie: logins[login] } });
  expect(res.statusCode, url).toBe(200);
  return res.json() as Body;
}

/** A notice's message as the fa panel shows it (AdminJS translates keys of `messages`). */
function faNotice(body: Body): string {
  const message = body.notice?.message ?? '';
  const messages = adminjsLocale('fa').translations!.fa!.messages as Record<string, string>;
  return messages[message] ?? message;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  app = await buildTestAdmin(database);
  const county = await createCounty(db);
  center = await createCenter(db, { countyId: county.id });
  const province = await createPanelUser(db, 'PROVINCE_ADMIN');
  const countyStaff = await createPanelUser(db, 'COUNTY_STAFF', { countyId: county.id });
  const trustee = await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'CHAIR' });
  official = await db.person.findUniqueOrThrow({ where: { id: province.personId } });
  const countyPerson = await db.person.findUniqueOrThrow({ where: { id: countyStaff.personId } });
  countyStaffName = `${countyPerson.firstName} ${countyPerson.lastName}`;
  countyStaffUserId = countyStaff.id;
  provinceUserId = province.id;
  donationId = (await createDonation(db, { centerId: center.id, state: 'CONFIRMED', confirmedById: official.id, confirmedAt: new Date() })).id;
  logins.province = await loginAs(app, province.username, province.password);
  logins.county = await loginAs(app, countyStaff.username, countyStaff.password);
  logins.trustee = await loginAs(app, trustee.username, trustee.password);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('a missing record', () => {
  it('is told in Persian, not in AdminJS English', async () => {
    const body = await get('trustee', 'Donation/records/no-such-gift/show');
    expect(body.notice?.type).toBe('error');
    expect(body.notice?.message).not.toMatch(/cannot be found/);
    expect(faNotice(body)).toMatch(/^[\u0600-\u06FF\u200C\s،«»؛.]+$/);
  });
});

describe('an action the login may not use', () => {
  it('is refused in a Persian sentence (core\'s FORBIDDEN), not AdminJS\'s key forbiddenError', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await app.inject({ method, url: `/admin/api/resources/Center/records/${center.id}/issueLicense`, headers: { cookie: logins.trustee }, ...(method === 'POST' ? { payload: {} } : {}) });
      const body = res.json() as Body & { record?: { baseError?: { type?: string; message?: string } } };
      expect(body.notice).toEqual({ type: 'error', message: 'شما اجازهٔ این کار را ندارید.' });
      expect(body.record?.baseError).toMatchObject({ type: 'ForbiddenError', message: 'شما اجازهٔ این کار را ندارید.' });
    }
    const center_ = await database.db.center.findUniqueOrThrow({ where: { id: center.id } });
    expect(center_.licenseState).toBe(center.licenseState);
  });
});

describe("staff people's records", () => {
  it('are read by province-wide logins', async () => {
    const shown = await get('province', `Person/records/${official.id}/show`);
    expect(shown.record?.params.mobile).toBe(official.mobile);
  });

  it.each(['trustee', 'county'] as const)('are not read by a %s login: not listed, not opened', async (login) => {
    const list = await get(login, 'Person/actions/list?perPage=500');
    expect(list.records!.map((r) => r.id)).not.toContain(official.id);
    const search = await get(login, `Person/actions/search/${encodeURIComponent(official.lastName)}`);
    expect(JSON.stringify(search)).not.toContain(official.mobile);
    const shown = await get(login, `Person/records/${official.id}/show`);
    expect(shown.notice?.message).toBe('error404Record');
    expect(JSON.stringify(shown)).not.toContain(official.mobile);
  });

  it("leave the official's name, and only that, on the gift they confirmed", async () => {
    const body = await get('trustee', `Donation/records/${donationId}/show`);
    const confirmedBy = body.record!.populated!.confirmedBy!;
    expect(confirmedBy.title).toBe(`${official.firstName} ${official.lastName}`);
    expect(JSON.stringify(body)).not.toContain(official.mobile);
  });
});

describe('the audit trail', () => {
  it('reads as sentences: who (name and role) did what to which record, with no stored keys', async () => {
    const db = database.db;
    await db.auditLog.create({ data: { actorType: 'STAFF', actorId: countyStaffUserId, action: 'donation.confirm', entity: 'Donation', entityId: donationId, at: new Date(Date.now() + 60_000) } });
    await db.auditLog.create({ data: { actorType: 'STAFF', actorId: provinceUserId, action: 'admin.login', entity: 'StaffUser', entityId: provinceUserId, at: new Date(Date.now() + 30_000) } });
    const list = await get('province', 'AuditLog/actions/list?perPage=50');
    const [confirm, login] = list.records!;
    expect(confirm!.params.actor).toBe(`${countyStaffName} (کارشناس شهرستان)`);
    expect(confirm!.params.summary).toBe(`${countyStaffName} (کارشناس شهرستان) کمک را تأیید کرد.`);
    expect(confirm!.params.record).toBe('کمک');
    expect(login!.params.summary).toBe(`${official.firstName} ${official.lastName} (مدیر استان) وارد پنل شد.`);
    expect(login!.params.record).toBe('کاربر سامانه');
    for (const r of list.records!) for (const key of ['actor', 'summary', 'record']) expect(String(r.params[key])).not.toMatch(/[A-Za-z]/);
  });

  it("a row's page says what changed, a line a field, in the record's own words and Persian digits", async () => {
    const row = await database.db.auditLog.create({
      data: {
        actorType: 'STAFF',
        actorId: countyStaffUserId,
        action: 'donation.confirm',
        entity: 'Donation',
        entityId: donationId,
        before: { state: 'REPORTED', note: null },
        after: { state: 'CONFIRMED', note: null, receiptNo: 12, amountRial: '25000000', paidAt: '2026-11-24T00:00:00.000Z' },
      },
    });
    const shown = await get('province', `AuditLog/records/${row.id}/show`);
    expect(String(shown.record!.params.changes).split('\n')).toEqual([
      'وضعیت: از «در انتظار تأیید» به «تأیید شده»',
      'مبلغ: ۲۵٬۰۰۰٬۰۰۰ ریال',
      'تاریخ کمک: ۳ آذر ۱۴۰۵',
      'شمارهٔ رسید: ۱۲',
    ]);
  });
});

describe('the outbox', () => {
  it("names a message's kind in words, not by its template key", async () => {
    const chat = await database.db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: '5550001', chatId: '5550001' } });
    await database.db.outboxMessage.create({ data: { chatAccountId: chat.id, template: 'donation.confirmed', params: {}, dedupeKey: 'staff-text:1' } });
    const list = await get('province', 'OutboxMessage/actions/list');
    expect(list.records!.map((r) => r.params.kind)).toContain('تأیید کمک و رسید');
  });
});

/** Literal use-case keys and notification templates in the code base (dynamic ones are listed by hand in the locale). */
function literalsIn(dirs: string[], pattern: RegExp): Set<string> {
  const found = new Set<string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.ts')) for (const m of readFileSync(path.join(d, e.name), 'utf8').matchAll(pattern)) found.add(m[1]!);
    }
  };
  const root = path.resolve(import.meta.dirname, '../..');
  for (const d of dirs) walk(path.join(root, d));
  return found;
}

describe('every audited action and every notification has words for staff', () => {
  it('in both languages', () => {
    const actions = literalsIn(['core', 'admin', 'jobs', 'bot'], /action: '([a-zA-Z]+\.[a-zA-Z.]+)'/g);
    const templates = literalsIn(['core', 'jobs'], /template: '([a-zA-Z]+\.[a-zA-Z.]+)'/g);
    // Chosen by the gift's kind (core/giving/reject-donation.ts), so not written as `template: '…'`.
    for (const t of ['donation.goodsRejected', 'donation.serviceRejected']) templates.add(t);
    expect(actions.size).toBeGreaterThan(20);
    expect(templates.size).toBeGreaterThan(10);
    for (const lng of ['fa', 'en'] as const) {
      expect([...actions].filter((a) => !localeString(lng, 'admin-resources', `audit.actions.${a.replace(/\./g, '_')}`)), lng).toEqual([]);
      expect([...templates].filter((t) => !localeString(lng, 'admin-resources', `outbox.kinds.${t.replace(/\./g, '_')}`)), lng).toEqual([]);
    }
  });
});
