/**
 * Core's refusal reads the same on every panel page: a sentence with placeholders («ردیف
 * {{row}}») comes back filled, numbers in Persian digits, never with its braces showing --
 * on a core action's form (with the form field it concerns) and in the review queue. No
 * use-case behind those pages refuses with such a sentence today, so core's answer is
 * stood in for by hand; the panel around it (routes, login, action, refusal) is the real one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../core/index.ts';
import { DomainError } from '../../core/errors.ts';
import { createCenter, createDonation } from '../../fixtures/factories.ts';
import { newCardNumber } from '../../fixtures/payments.ts';
import { api, usePanelWorld } from '../helpers/admin-world.ts';

let core: Core;
const panel = usePanelWorld((db) => (core = createCore({ db })));
afterEach(() => vi.restoreAllMocks());

/** A refusal whose sentence has two placeholders, one a number. */
const badAmount = (field?: string) => new DomainError('STATEMENT_BAD_AMOUNT', { ...(field ? { field } : {}), row: 12, column: 'C' });
const FILLED = 'مبلغ ردیف ۱۲ (ستون C) یک عدد درست به ریال نیست.';

describe("core's refusal in the panel", () => {
  it("a core action's form shows the sentence filled in, under the field it concerns", async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA });
    vi.spyOn(core.payments, 'setPaymentSetting').mockRejectedValue(badAmount('cardNumber.0'));
    const r = await api(panel.app, panel.world.logins.COUNTY_STAFF).post(`Center/records/${center.id}/setPaymentSetting`, { payInChat: 'ON', cardNumber: newCardNumber() });
    expect(r.body.notice).toEqual({ type: 'error', message: FILLED });
    expect(r.body.data?.error).toEqual({ code: 'STATEMENT_BAD_AMOUNT', message: FILLED, field: 'cardNumber' });
  });

  it('the review queue shows it filled in too, with the queue as it stands', async () => {
    const gift = await createDonation(panel.database.db, { centerId: panel.world.centers.home.id });
    vi.spyOn(core.giving, 'confirmDonation').mockRejectedValue(badAmount());
    const r = await api(panel.app, panel.world.logins.FINANCE).post('Donation/actions/reviewQueue', { donationId: gift.id, decision: 'confirm' });
    expect(r.body.notice).toEqual({ type: 'error', message: FILLED });
    expect(r.body.data?.error).toEqual({ code: 'STATEMENT_BAD_AMOUNT', message: FILLED });
    expect((r.body.data?.queue as { items: { id: string }[] }).items.map((i) => i.id)).toContain(gift.id);
  });
});
