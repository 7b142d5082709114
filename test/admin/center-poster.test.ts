/**
 * A licensed center's printable poster (GET /admin/centers/:id/poster): who gets it, what it
 * links to (the QR codes decoded back to the bot links), that it names no other server, and
 * that the bot opens that center from the printed link.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../prisma/client.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { createCenter, createCounty } from '../../fixtures/factories.ts';
import { buildTestAdmin, createPanelUser, loginAs } from '../helpers/admin.ts';
import { createBotHarness } from '../../fixtures/bot/harness.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { decodeQrSvg } from '../helpers/qr.ts';
import { persianDigits } from '../../messenger/digits.ts';

let database: Database;
let app: FastifyInstance;
let bare: FastifyInstance;
let center: Center;
let suspended: Center;
let countyStaff: string;
let otherCountyStaff: string;
let trustee: string;
let trusteeEn: string;

const posterOf = (c: Center) => `/admin/centers/${c.id}/poster`;
const telegramLink = () => `https://t.me/imdad_test_bot?start=c_${center.activityCode}`;
const baleLink = () => `https://ble.ir/imdad_bale_bot?start=c_${center.activityCode}`;

beforeAll(async () => {
  database = await createTestDatabase();
  const county = await createCounty(database.db);
  center = await createCenter(database.db, { countyId: county.id, name: 'مرکز نیکوکاری مسجد جامع', hostName: 'مسجد جامع گوهرشاد' });
  suspended = await createCenter(database.db, { countyId: county.id, licenseState: 'SUSPENDED' });
  app = await buildTestAdmin(database, {
    posterBots: [
      { platform: 'TELEGRAM', username: 'imdad_test_bot' },
      { platform: 'BALE', username: 'imdad_bale_bot' },
    ],
  });
  bare = await buildTestAdmin(database);
  const staff = await createPanelUser(database.db, 'COUNTY_STAFF', { countyId: county.id });
  const other = await createPanelUser(database.db, 'COUNTY_STAFF');
  const chair = await createPanelUser(database.db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'CHAIR' });
  const finance = await createPanelUser(database.db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'ADMIN_FINANCE' });
  countyStaff = await loginAs(app, staff.username, staff.password);
  otherCountyStaff = await loginAs(app, other.username, other.password);
  trustee = await loginAs(app, chair.username, chair.password);
  trusteeEn = await loginAs(app, finance.username, finance.password, { lang: 'en' });
});
afterAll(async () => {
  await app?.close();
  await bare?.close();
  await database?.close();
});

const get = (cookie: string, url: string, on = app) => on.inject({ method: 'GET', url, headers: { cookie } });
const svgs = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);

describe('the center poster', () => {
  it('gives county staff of the center an A4 page with both bots\' links, QR codes that decode to them, and nothing from elsewhere', async () => {
    const res = await get(countyStaff, posterOf(center));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('مرکز نیکوکاری مسجد جامع');
    expect(html).toContain('مسجد جامع گوهرشاد');
    // The activity code in Persian digits, the links in Latin ones.
    expect(html).toContain(`T-${persianDigits(center.activityCode!.slice(2))}`);
    expect(html).toContain(`href="${telegramLink()}"`);
    expect(html).toContain(`href="${baleLink()}"`);

    const codes = svgs(html);
    expect(codes).toHaveLength(2);
    expect(codes.map(decodeQrSvg).sort()).toEqual([baleLink(), telegramLink()].sort());

    // The font comes from this server, and it is there.
    expect(html).toContain("url('/admin/static/vazirmatn.woff2')");
    const font = await get(countyStaff, '/admin/static/vazirmatn.woff2');
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    // No address outside this server but the two bot links.
    const urls = new Set(html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []);
    expect([...urls].sort()).toEqual([baleLink(), telegramLink()].sort());
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('gives a trustee of the center the poster in English when they use English', async () => {
    const res = await get(trusteeEn, posterOf(center));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en" dir="ltr">');
    expect(res.body).toContain('Activity code:');
    expect(svgs(res.body).map(decodeQrSvg)).toContain(telegramLink());
  });

  it('refuses staff of another county, with a translated sentence', async () => {
    const res = await get(otherCountyStaff, posterOf(center));
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('شما اجازهٔ این کار را ندارید.');
    expect(res.body).not.toContain(center.name);
    expect(res.body).not.toContain('<svg');
  });

  it('refuses a center without a license, in the admin\'s language', async () => {
    const fa = await get(countyStaff, posterOf(suspended));
    expect(fa.statusCode).toBe(409);
    expect(fa.body).toContain('پوستر فقط برای مرکزی چاپ می‌شود که مجوز فعالیتش معتبر است');
    expect(fa.body).not.toContain('<svg');
  });

  it('says so on the page when no bot is configured', async () => {
    const res = await get(trustee, posterOf(center), bare);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-testid="no-bots"');
    expect(res.body).toContain('هیچ ربات پیام‌رسانی برای این سامانه تنظیم نشده است');
    expect(res.body).not.toContain('<svg');
    expect(res.body).not.toMatch(/https?:\/\//);
  });

  it('is not served without a login', async () => {
    const res = await app.inject({ method: 'GET', url: posterOf(center) });
    expect(res.statusCode).not.toBe(200);
    expect(res.body).not.toContain(center.name);
  });

  it('shows the poster action on a licensed center only', async () => {
    const actionsOn = async (c: Center) => {
      const res = await get(countyStaff, `/admin/api/resources/Center/records/${c.id}/show`);
      return ((res.json() as { record?: { recordActions?: { name: string }[] } }).record?.recordActions ?? []).map((a) => a.name);
    };
    expect(await actionsOn(center)).toContain('poster');
    expect(await actionsOn(suspended)).not.toContain('poster');
  });

  it('prints a link the bot opens at that center (fake Bot API)', async () => {
    const start = new URL(telegramLink()).searchParams.get('start')!;
    const h = createBotHarness({ database });
    const u = h.user({ id: 7101, languageCode: 'fa' });
    await u.send(`/start ${start}`);
    expect(u.texts()[0]).toContain('«مرکز نیکوکاری مسجد جامع»');
    const session = await database.db.botSession.findUnique({
      where: { platform_key: { platform: 'TELEGRAM', key: `session:${h.deps.botId}:7101` } },
    });
    expect((session?.value as { centerId?: string } | undefined)?.centerId).toBe(center.id);
  });
});
