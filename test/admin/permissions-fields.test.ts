/**
 * Field-level rules and scope in filters and relation pickers, over the real HTTP API:
 * a household's identity never leaves the server for those the policy keeps it from
 * (not in lists, records, searches, related records, nor the page's resource layout),
 * cannot be probed with filters, secrets are never sent, forged relation ids in filters
 * find nothing, and search accepts Persian digits and Arabic ي/ك.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Beneficiary } from '../../prisma/generated/client/client.ts';
import { api, refused, type RoleKey, ROLES, usePanelWorld } from '../helpers/admin-world.ts';
import { persianDigits } from '../../messenger/digits.ts';

/** Domain rule 5 (core's canSeeBeneficiaryIdentity): chair, vice-chair, social work, Imdad staff -- not the auditor. */
const SEES_IDENTITY: Record<RoleKey, boolean> = {
  PROVINCE_ADMIN: true,
  PROVINCE_SUPERVISOR: true,
  COUNTY_STAFF: true,
  AUDITOR: false,
  FINANCE: false,
  CHAIR: true,
  SOCIAL_WORK: true,
};

const IDENTITY_FIELDS = ['headName', 'headNationalId', 'headGender', 'phone', 'address', 'imdadCaseNo'] as const;

let household: Beneficiary;

const panel = usePanelWorld();
beforeAll(async () => {
  household = await panel.database.db.beneficiary.update({
    where: { id: panel.world.records.Beneficiary.home! },
    data: { imdadCaseNo: '77120931' },
  });
});

/** Every identity value of the household, as it could appear anywhere in a response body. */
function identityValues(): string[] {
  return [household.headName, household.headNationalId!, household.phone!, household.address!, household.imdadCaseNo!];
}

describe("a household's identity", () => {
  it.each(ROLES)('%s: list, show, search and related records', async (role) => {
    const client = api(panel.app, panel.world.logins[role]);
    const responses = [
      await client.get('Beneficiary/actions/list'),
      await client.get(`Beneficiary/records/${household.id}/show`),
      await client.get(`Beneficiary/actions/search/${encodeURIComponent(household.referenceCode)}`),
    ];
    const record = responses[1]!.body.record!;
    expect(refused(responses[1]!)).toBe(false);
    expect(record.params!.referenceCode).toBe(household.referenceCode);
    for (const field of IDENTITY_FIELDS) expect(field in record.params!, `${field} sent`).toBe(SEES_IDENTITY[role]);
    for (const { res } of responses) for (const value of identityValues()) expect(res.body.includes(value), `"${value}" in a body`).toBe(SEES_IDENTITY[role]);

    // A distribution names the household by reference code only, even for those who may see more.
    const distributions = await client.get(`Distribution/records/${panel.world.records.Distribution.home}/show`);
    if (!refused(distributions)) {
      const populated = distributions.body.record!.populated!.beneficiary as { title: string; params: Record<string, unknown> };
      expect(populated.title).toBe(household.referenceCode);
      if (!SEES_IDENTITY[role]) expect(distributions.res.body).not.toContain(household.headName);
    }
  });

  it('cannot be probed with a filter or a search on a hidden property', async () => {
    for (const role of ['FINANCE', 'AUDITOR'] as const) {
      const client = api(panel.app, panel.world.logins[role]);
      const ids = async (query: string) => (await client.get(`Beneficiary/actions/list?${query}`)).body.records!.map((r) => r.id).sort();
      const all = await ids('');
      expect(all).toContain(household.id);
      // A matching and a non-matching guess answer alike: the filter is dropped, not applied.
      expect(await ids(`filters.headName=${encodeURIComponent(household.headName)}`)).toEqual(all);
      expect(await ids(`filters.headName=${encodeURIComponent('نامی که نیست')}`)).toEqual(all);
      expect(await ids(`filters.headNationalId=${household.headNationalId}`)).toEqual(await ids('filters.headNationalId=0000000000'));
      const bySearch = await client.get(`Beneficiary/actions/search/${encodeURIComponent('نامی که نیست')}?searchProperty=headName`);
      expect(bySearch.body.records!.map((r) => r.id)).toContain(household.id);
    }
    // For those who may see it, the same filter is applied.
    const social = api(panel.app, panel.world.logins.SOCIAL_WORK);
    const found = (await social.get(`Beneficiary/actions/list?filters.headName=${encodeURIComponent(household.headName)}`)).body.records!;
    expect(found.map((r) => r.id)).toContain(household.id);
    expect((await social.get(`Beneficiary/actions/list?filters.headName=${encodeURIComponent('نامی که نیست')}`)).body.records).toEqual([]);
  });

  it("is left out of the page's resource layout for those who may not see it", async () => {
    const layout = async (role: RoleKey) => {
      const res = await panel.app.inject({ method: 'GET', url: '/admin/resources/Beneficiary', headers: { cookie: panel.world.logins[role].cookie } });
      expect(res.statusCode).toBe(200);
      return res.body;
    };
    expect(await layout('FINANCE')).not.toContain('"propertyPath":"headName"');
    expect(await layout('SOCIAL_WORK')).toContain('"propertyPath":"headName"');
  });
});

describe('secrets and technical fields', () => {
  it("a staff user's password hash is never sent, not even to the province admin", async () => {
    const client = api(panel.app, panel.world.logins.PROVINCE_ADMIN);
    const hash = (await panel.database.db.staffUser.findUniqueOrThrow({ where: { id: panel.world.logins.FINANCE.user.id } })).passwordHash;
    for (const r of [await client.get('StaffUser/actions/list'), await client.get(`StaffUser/records/${panel.world.logins.FINANCE.user.id}/show`)]) {
      expect(refused(r)).toBe(false);
      expect(r.res.body).not.toContain(hash);
      expect(r.res.body).not.toContain('passwordHash');
    }
  });

  it("a donation's idempotency key and messenger file id stay on the server", async () => {
    const donation = await panel.database.db.donation.update({ where: { id: panel.world.records.Donation.home! }, data: { receiptFileId: 'AgACAgQAAxk-secret-file' } });
    const r = await api(panel.app, panel.world.logins.FINANCE).get(`Donation/records/${donation.id}/show`);
    expect(refused(r)).toBe(false);
    expect(r.res.body).not.toContain(donation.idempotencyKey);
    expect(r.res.body).not.toContain('AgACAgQAAxk-secret-file');
  });
});

describe('scope in filters and relation pickers', () => {
  it("a filter naming another county's center finds nothing (county staff, list and picker)", async () => {
    const client = api(panel.app, panel.world.logins.COUNTY_STAFF);
    const elsewhere = panel.world.centers.elsewhere.id;
    expect((await client.get(`Donation/actions/list?filters.center=${elsewhere}`)).body.records).toEqual([]);
    expect((await client.get(`Beneficiary/actions/search?filters.center=${elsewhere}`)).body.records).toEqual([]);
    // The picker of centers offers the county's centers only.
    const centers = (await client.get('Center/actions/search')).body.records!.map((r) => r.id).sort();
    expect(centers).toEqual([panel.world.centers.home.id, panel.world.centers.sibling.id].sort());
  });

  it("a trustee's pickers offer their own center's records only", async () => {
    const client = api(panel.app, panel.world.logins.CHAIR);
    expect((await client.get('Center/actions/search')).body.records!.map((r) => r.id)).toEqual([panel.world.centers.home.id]);
    const volunteers = (await client.get('Volunteer/actions/search')).body.records!.map((r) => r.id);
    expect(volunteers).toEqual([panel.world.records.Volunteer.home]);
    expect((await client.get(`Volunteer/actions/list?filters.center=${panel.world.centers.sibling.id}`)).body.records).toEqual([]);
  });

  it('a donation names its donor for the finance officer, who cannot open donor records (no bare internal id)', async () => {
    const client = api(panel.app, panel.world.logins.FINANCE);
    const show = await client.get(`Donation/records/${panel.world.records.Donation.home}/show`);
    expect(show.body.record!.params!.donorName).toBeTruthy();
    expect('donor' in show.body.record!.params!).toBe(false);
  });
});

describe('search as people type it', () => {
  it('Persian digits find a reference code; Arabic ي and ك find Persian names', async () => {
    const client = api(panel.app, panel.world.logins.COUNTY_STAFF);
    const digits = household.referenceCode.replace(/\D/g, '').slice(-6);
    const byCode = await client.get(`Beneficiary/actions/search/${encodeURIComponent(persianDigits(digits))}`);
    expect(byCode.body.records!.map((r) => r.id)).toContain(household.id);

    const center = await panel.database.db.center.update({ where: { id: panel.world.centers.home.id }, data: { name: 'مرکز نیکوکاری کوی یاسین' } });
    const arabic = 'نيكوكاري كوي ياسين';
    const byName = await client.get(`Center/actions/search/${encodeURIComponent(arabic)}`);
    expect(byName.body.records!.map((r) => r.id)).toEqual([center.id]);
    const byFilter = await client.get(`Center/actions/list?filters.name=${encodeURIComponent('ياسين')}`);
    expect(byFilter.body.records!.map((r) => r.id)).toEqual([center.id]);
  });
});
