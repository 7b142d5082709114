/**
 * Core's refusal reads the same on every panel page: a sentence with placeholders («ردیف
 * {{row}}») comes back filled, numbers in Persian digits, never with its braces showing --
 * on a core action's form (with the form field it concerns) and in the review queue. No
 * use-case behind those pages refuses with such a sentence today, so core's answer is
 * stood in for by hand; the panel around it (routes, login, action, refusal) is the real one.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../core/index.ts';
import { DomainError } from '../../core/errors.ts';
import { createCenter, createDonation } from '../../fixtures/factories.ts';
import { newCardNumber } from '../../fixtures/payments.ts';
import { buildTestAdmin } from '../helpers/admin.ts';
import { api, createAdminWorld, type AdminWorld } from '../helpers/admin-world.ts';
import { useTestDatabase } from '../helpers/db.ts';

const database = useTestDatabase();
let core: Core;
let app: FastifyInstance;
let world: AdminWorld;

beforeAll(async () => {
  core = createCore({ db: database.db });
  app = await buildTestAdmin(database, { core });
  world = await createAdminWorld(database.db, app);
});
afterAll(() => app?.close());
afterEach(() => vi.restoreAllMocks());

/** A refusal whose sentence has two placeholders, one a number. */
const badAmount = (field?: string) => new DomainError('STATEMENT_BAD_AMOUNT', { ...(field ? { field } : {}), row: 12, column: 'C' });
const FILLED = 'مبلغ ردیف ۱۲ (ستون C) یک عدد درست به ریال نیست.';

describe("core's refusal in the panel", () => {
  it("a core action's form shows the sentence filled in, under the field it concerns", async () => {
    const center = await createCenter(database.db, { countyId: world.countyA });
    vi.spyOn(core.payments, 'setPaymentSetting').mockRejectedValue(badAmount('cardNumber.0'));
    const r = await api(app, world.logins.COUNTY_STAFF).post(`Center/records/${center.id}/setPaymentSetting`, { payInChat: 'ON', cardNumber: newCardNumber() });
    expect(r.body.notice).toEqual({ type: 'error', message: FILLED });
    expect(r.body.data?.error).toEqual({ code: 'STATEMENT_BAD_AMOUNT', message: FILLED, field: 'cardNumber' });
  });

  it('the review queue shows it filled in too, with the queue as it stands', async () => {
    const gift = await createDonation(database.db, { centerId: world.centers.home.id });
    vi.spyOn(core.giving, 'confirmDonation').mockRejectedValue(badAmount());
    const r = await api(app, world.logins.FINANCE).post('Donation/actions/reviewQueue', { donationId: gift.id, decision: 'confirm' });
    expect(r.body.notice).toEqual({ type: 'error', message: FILLED });
    expect(r.body.data?.error).toEqual({ code: 'STATEMENT_BAD_AMOUNT', message: FILLED });
    expect((r.body.data?.queue as { items: { id: string }[] }).items.map((i) => i.id)).toContain(gift.id);
  });
});
