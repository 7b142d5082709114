/**
 * The proof view: a donation's receipt photo in the panel (admin/receipts), over the real
 * HTTP app. A playground photo comes from the PlaygroundFile table, a Telegram one through
 * the Bot API (getFile, then the file server) with the configured bot's token; only those
 * who may open the donation get it (others: the 404 of a donation that does not exist);
 * the type is decided from the bytes; the Donation page carries the proof component.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { FetchLike } from '../../admin/receipts/receipt-source.ts';
import { createLogger } from '../../logger.ts';
import type { Database } from '../../prisma/client.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { createCenter, createCounty, createDonation, uniqueNumber } from '../../fixtures/factories.ts';
import { createPanelUser, loginAs, TEST_SESSION_SECRET } from '../helpers/admin.ts';
import { createTestDatabase } from '../helpers/db.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('playground-receipt-png-body')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('telegram-receipt-jpeg-body')]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const BOT = { platform: 'TELEGRAM' as const, token: '123456:TEST-token_x', apiRoot: 'http://telegram.test' };
const TELEGRAM_FILE_ID = 'AgACAgQAAxkBAAIB-telegram-receipt';
const TELEGRAM_PATH = 'photos/file_7.jpg';

/** The Bot API as the file server sees it: every request is recorded. */
const botCalls: string[] = [];
const fakeFetch: FetchLike = async (url, init) => {
  botCalls.push(url);
  if (url === `${BOT.apiRoot}/bot${BOT.token}/getFile`) {
    const { file_id } = JSON.parse(String(init?.body)) as { file_id: string };
    if (file_id !== TELEGRAM_FILE_ID) return Response.json({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' }, { status: 400 });
    return Response.json({ ok: true, result: { file_id, file_unique_id: 'u1', file_size: JPEG.length, file_path: TELEGRAM_PATH } });
  }
  // Telegram's file server does not say what a file is.
  if (url === `${BOT.apiRoot}/file/bot${BOT.token}/${TELEGRAM_PATH}`) return new Response(JPEG, { headers: { 'content-type': 'application/octet-stream' } });
  return new Response('not found', { status: 404 });
};

let database: Database;
let app: FastifyInstance;
let center: Center;
let staffCookie: string;
let otherCountyCookie: string;
let trusteeCookie: string;
let otherCenterTrusteeCookie: string;
const donations = { playground: '', telegram: '', noPhoto: '', svg: '', gone: '', bale: '' };

async function chatAccount(platform: 'PLAYGROUND' | 'TELEGRAM' | 'BALE'): Promise<string> {
  const id = String(100_000_000_000_000 + uniqueNumber());
  return (await database.db.chatAccount.create({ data: { platform, externalUserId: id, chatId: id } })).id;
}

async function playgroundFile(bytes: Buffer, mimeType: string): Promise<string> {
  const id = `pg-file-${uniqueNumber()}`;
  await database.db.playgroundFile.create({ data: { id, chatId: '1', mimeType, bytes: new Uint8Array(bytes) } });
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({
    database,
    logger: createLogger({ env: 'test', logLevel: 'silent' }),
    admin: { sessionSecret: TEST_SESSION_SECRET },
    receiptFiles: { bots: [BOT], fetch: fakeFetch },
  });
  await app.ready();

  center = await createCenter(database.db);
  const pgAccount = await chatAccount('PLAYGROUND');
  const tgAccount = await chatAccount('TELEGRAM');
  const report = (receiptFileId: string | null, reportedViaChatAccountId: string) =>
    createDonation(database.db, { centerId: center.id, receiptFileId, reportedViaChatAccountId }).then((d) => d.id);
  donations.playground = await report(await playgroundFile(PNG, 'image/png'), pgAccount);
  donations.svg = await report(await playgroundFile(SVG, 'image/svg+xml'), pgAccount);
  donations.gone = await report('pg-file-that-was-never-stored', pgAccount);
  donations.telegram = await report(TELEGRAM_FILE_ID, tgAccount);
  donations.noPhoto = await report(null, tgAccount);
  // No Bale bot is configured here: its file ids cannot be fetched.
  donations.bale = await report('bale-file-id', await chatAccount('BALE'));

  const staff = await createPanelUser(database.db, 'COUNTY_STAFF', { countyId: center.countyId });
  const otherCounty = await createCounty(database.db);
  const otherStaff = await createPanelUser(database.db, 'COUNTY_STAFF', { countyId: otherCounty.id });
  staffCookie = await loginAs(app, staff.username, staff.password);
  otherCountyCookie = await loginAs(app, otherStaff.username, otherStaff.password, { lang: 'en' });
  const trustee = await createPanelUser(database.db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'ADMIN_FINANCE' });
  const neighbour = await createCenter(database.db, { countyId: center.countyId });
  const otherTrustee = await createPanelUser(database.db, 'CENTER_TRUSTEE', { centerId: neighbour.id, trusteeRole: 'ADMIN_FINANCE' });
  trusteeCookie = await loginAs(app, trustee.username, trustee.password);
  otherCenterTrusteeCookie = await loginAs(app, otherTrustee.username, otherTrustee.password);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const fileUrl = (id: string) => `/admin/api/donations/${id}/receipt-file`;
const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('the receipt file route', () => {
  it('serves a playground photo to the county staff of its center, typed from its bytes', async () => {
    const res = await get(fileUrl(donations.playground), staffCookie);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toMatch(/^private\b/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="receipt-.+\.png"$/);
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('fetches a Telegram photo through getFile and the file server with the bot token', async () => {
    botCalls.length = 0;
    const res = await get(fileUrl(donations.telegram), staffCookie);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(JPEG)).toBe(true);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toMatch(/^private\b/);
    expect(botCalls).toEqual([`${BOT.apiRoot}/bot${BOT.token}/getFile`, `${BOT.apiRoot}/file/bot${BOT.token}/${TELEGRAM_PATH}`]);
    // The token never reaches the browser.
    expect(JSON.stringify(res.headers)).not.toContain(BOT.token);
  });

  it('sends anything that is not a raster image or a PDF as a download, whatever its claimed type', async () => {
    const res = await get(fileUrl(donations.svg), staffCookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('hides the donation from staff of another county: the 404 of a donation that does not exist', async () => {
    const refused = await get(fileUrl(donations.playground), otherCountyCookie);
    const missing = await get(fileUrl('no-such-donation'), otherCountyCookie);
    expect(refused.statusCode).toBe(404);
    expect(refused.rawPayload.includes(PNG)).toBe(false);
    expect(refused.json()).toEqual(missing.json());
    expect(refused.json()).toEqual({ error: 'Not found.', code: 'NOT_FOUND' });
    // Nor may they learn whether it has a photo.
    expect((await get(fileUrl(donations.noPhoto), otherCountyCookie)).json()).toEqual(missing.json());
  });

  it("follows the Donation resource's scope for trustees: their own center's gifts only", async () => {
    expect((await get(fileUrl(donations.playground), trusteeCookie)).statusCode).toBe(200);
    const refused = await get(fileUrl(donations.playground), otherCenterTrusteeCookie);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends a visitor without a session to the login page', async () => {
    const res = await get(fileUrl(donations.playground));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/login/);
    expect(res.rawPayload.includes(PNG)).toBe(false);
  });

  it('answers a donation without a photo with a clear JSON error', async () => {
    const res = await get(fileUrl(donations.noPhoto), staffCookie);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NO_RECEIPT_FILE', error: 'برای این کمک تصویر رسیدی فرستاده نشده است.' });
  });

  it('says so when the file is no longer there, or no bot here can fetch it', async () => {
    for (const id of [donations.gone, donations.bale]) {
      const res = await get(fileUrl(id), staffCookie);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'RECEIPT_FILE_UNAVAILABLE' });
    }
  });
});

describe('the Donation page', () => {
  it('carries the proof property (never the file id) and the ReceiptProof component', async () => {
    const show = async (id: string) =>
      (await get(`/admin/api/resources/Donation/records/${id}/show`, staffCookie)).json<{ record: { params: Record<string, unknown> } }>().record.params;
    const withPhoto = await show(donations.telegram);
    expect(withPhoto.receiptProof).toBe('available');
    expect(withPhoto).not.toHaveProperty('receiptFileId');
    expect(JSON.stringify(withPhoto)).not.toContain(TELEGRAM_FILE_ID);
    expect((await show(donations.noPhoto)).receiptProof).toBe('none');

    const page = await get(`/admin/resources/Donation/records/${donations.telegram}/show`, staffCookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/"receiptProof":\{[^]*?"show":"ReceiptProof"/);
    const bundle = await get('/admin/frontend/assets/components.bundle.js', staffCookie);
    expect(bundle.body).toContain('receipt-proof');
  });
});
