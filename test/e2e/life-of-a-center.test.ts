/**
 * The life of a center, end to end, from an EMPTY database (no demo data), through the
 * faces people use: the panel's own HTTP routes, the bot on Bale through the fake Bot API,
 * and the reminder tick and outbox sender as the jobs run them. The province gets its first
 * admin, a county, a licensed center and a board of three (chair, vice-chair, finance
 * officer) vetted by both offices; the chair links a chat by code; a volunteer signs up in
 * the bot, is vetted in the panel and joins a network; the tick gives the trustees their
 * role duties; an inspection warns. Then the money: a donor pledges and reports a payment in
 * the bot, the finance officer confirms it from the review queue and records goods handed
 * in; a household is registered with a need; the chair steps down and the vice-chair,
 * acting for the chair, approves aid for the need above the threshold and hands it over;
 * the fund falls by it, a reversal that would take it below zero is refused, and the
 * month's spreadsheet shows it all.
 * Last, an inspection suspends the center and its trustees may only read.
 *
 * Runs on PGlite and on PostgreSQL alike (TEST_DATABASE_URL). The database is read only to
 * assert what the faces did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../messenger/i18n.ts';
import { useTestDatabase } from '../helpers/db.ts';
import {
  ADMIN,
  SANDOGH_SHEBA,
  STAFF,
  countyStaffAppointTheTrustee,
  countyStaffEndTheChairsAppointment,
  countyStaffGiveTheChairATask,
  countyStaffInspectAndWarn,
  countyStaffIssueALinkCode,
  countyStaffProposeATrustee,
  countyStaffProposeTheLicense,
  countyStaffRecordTheSandoghAccount,
  countyStaffRegisterACenter,
  countyStaffSendTheTrusteeToVetting,
  countyStaffVetTheVolunteer,
  createAdminMakesTheFirstProvinceAdmin,
  provinceAdminApprovesTheLicense,
  provinceAdminGivesATrusteeAPanelLogin,
  provinceAdminGivesTheCountyAStaffLogin,
  provinceAdminInspectAndSuspend,
  provinceAdminOpensACounty,
  selectionAndSecurityClearTheTrustee,
} from './administration-steps.ts';
import {
  donorPledgesInTheBot,
  donorRegistersInTheBot,
  donorReportsThePayment,
  someoneOpensTheCentersLink,
  theReminderTickRuns,
  trusteeApprovesInTheBot,
  trusteeLinksTheChatByCode,
  trusteeMarksATaskDone,
  trusteeOpensMyTasks,
  volunteerJoinsANetwork,
  volunteerSignsUpInTheBot,
} from './bot-steps.ts';
import {
  countyStaffRecordAidForTheNeed,
  countyStaffTryToReverseTheGift,
  downloadTheCentersMonthReport,
  financeOfficerConfirmsTheGift,
  financeOfficerOpensTheReviewQueue,
  financeOfficerRecordsAnInKindGift,
  fundsOnTheCentersPage,
  viceChairMarksTheAidHandedOver,
  viceChairRecordsANeed,
  viceChairRegistersAHousehold,
} from './money-steps.ts';
import { built, closeWorld, openWorld, type BoardSeat, type World } from './world.ts';

const fa = translator('fa');
const database = useTestDatabase();
let w: World;

beforeAll(async () => {
  w = await openWorld(database);
});

afterAll(() => closeWorld(w));

const db = () => database.db;
const auditActions = async (entityId: string) =>
  (await db().auditLog.findMany({ where: { entityId }, orderBy: { id: 'asc' }, select: { action: true } })).map((a) => a.action);
const chatOf = (who: keyof World['chats']) => built(w.chats[who], `${who}'s chat`);
const seat = (role: BoardSeat) => built(w.story.board[role], role);
const personOf = async (role: BoardSeat) => (await db().trusteeMembership.findUniqueOrThrow({ where: { id: seat(role) } })).personId;
const linkedPerson = async (who: keyof World['chats']) => (await w.bot.chatAccount(chatOf(who))).personId;

describe('issue 15: a center from nothing, run by its board', () => {
  it('starts from an empty database (the role duties come with the migrations)', async () => {
    expect(await db().province.count()).toBe(0);
    expect(await db().staffUser.count()).toBe(0);
    expect(await db().center.count()).toBe(0);
    expect(await db().taskTemplate.count({ where: { active: true } })).toBeGreaterThan(0);
  });

  it('create-admin makes the first province admin, who logs in', async () => {
    await createAdminMakesTheFirstProvinceAdmin(w);
    expect(await db().staffUser.findUniqueOrThrow({ where: { username: ADMIN.username } })).toMatchObject({ role: 'PROVINCE_ADMIN', provinceId: w.story.provinceId });
  });

  it('the province admin opens a county and gives it a staff login', async () => {
    await provinceAdminOpensACounty(w);
    expect(await db().county.findUniqueOrThrow({ where: { id: built(w.story.countyId, 'county') } })).toMatchObject({ name: 'مشهد', code: 'MSH' });
    await provinceAdminGivesTheCountyAStaffLogin(w);
    expect(await db().staffUser.findUniqueOrThrow({ where: { username: STAFF.username } })).toMatchObject({ role: 'COUNTY_STAFF', countyId: w.story.countyId });
  });

  it('county staff register a center and propose its license; the province approves it', async () => {
    await countyStaffRegisterACenter(w);
    const centerId = built(w.story.centerId, 'center');
    expect(await db().center.findUniqueOrThrow({ where: { id: centerId } })).toMatchObject({ countyId: w.story.countyId, licenseState: 'APPLIED' });

    const requestId = await countyStaffProposeTheLicense(w);
    // County staff propose; they cannot decide their own proposal.
    expect((await built(w.panels.staff, 'staff').post(`ApprovalRequest/records/${requestId}/approve`, { confirm: 'yes' })).body.notice?.type).not.toBe('success');
    expect((await db().center.findUniqueOrThrow({ where: { id: centerId } })).licenseState).toBe('APPLIED');
    await provinceAdminApprovesTheLicense(w, requestId);

    const licensed = await db().center.findUniqueOrThrow({ where: { id: centerId } });
    expect(licensed).toMatchObject({ licenseState: 'LICENSED', activityCode: w.story.activityCode });
    expect(licensed.activityCode).toMatch(/^MSH/);
    expect(licensed.licenseExpiresOn).not.toBeNull();
    expect(await auditActions(centerId)).toEqual(expect.arrayContaining(['center.apply', 'license.propose', 'license.issued']));
  });

  it("county staff record the center's Sandogh account, so it can take cash", async () => {
    await countyStaffRecordTheSandoghAccount(w);
    expect(await db().center.findUniqueOrThrow({ where: { id: w.story.centerId! } })).toMatchObject({ sandoghAccountNo: '7012345678', sandoghSheba: SANDOGH_SHEBA });
  });

  it('three trustees are proposed, cleared by both offices and appointed with a decree', async () => {
    const decrees: Record<BoardSeat, string> = { CHAIR: '۱۴۰۵/ح/۱', VICE_CHAIR: '۱۴۰۵/ح/۲', ADMIN_FINANCE: '۱۴۰۵/ح/۳' };
    for (const role of ['CHAIR', 'VICE_CHAIR', 'ADMIN_FINANCE'] as const) {
      await countyStaffProposeATrustee(w, role);
      await countyStaffSendTheTrusteeToVetting(w, role);
      await selectionAndSecurityClearTheTrustee(w, role);
      await countyStaffAppointTheTrustee(w, role, decrees[role]);
    }
    const board = await db().trusteeMembership.findMany({ where: { centerId: w.story.centerId! }, include: { clearances: true } });
    expect(board.map((m) => [m.role, m.state, m.decreeNo]).sort()).toEqual(
      [
        ['ADMIN_FINANCE', 'APPOINTED', '1405/ح/3'],
        ['CHAIR', 'APPOINTED', '1405/ح/1'],
        ['VICE_CHAIR', 'APPOINTED', '1405/ح/2'],
      ].sort(),
    );
    const staffUser = await db().staffUser.findUniqueOrThrow({ where: { username: STAFF.username } });
    // Each clearance names the staff member who recorded it and the day the office answered, not just "now".
    for (const m of board) {
      expect(m.clearances.map((c) => c.office).sort()).toEqual(['SECURITY', 'SELECTION']);
      for (const c of m.clearances) expect(c).toMatchObject({ outcome: 'CLEARED', recordedById: staffUser.personId, decidedOn: new Date(`${w.day(-1)}T00:00:00Z`) });
    }
  });

  it('the vice-chair and the finance officer get panel logins of their own', async () => {
    w.panels.viceChair = await provinceAdminGivesATrusteeAPanelLogin(w, 'VICE_CHAIR', 'vice.jame', 'رمز-نائب-رئیس-۱۴۰۵');
    w.panels.finance = await provinceAdminGivesATrusteeAPanelLogin(w, 'ADMIN_FINANCE', 'finance.jame', 'رمز-مسئول-مالی-۱۴۰۵');
    const logins = await db().staffUser.findMany({ where: { role: 'CENTER_TRUSTEE' }, orderBy: { username: 'asc' } });
    expect(logins.map((l) => [l.username, l.centerId, l.trusteeMembershipId])).toEqual([
      ['finance.jame', w.story.centerId, seat('ADMIN_FINANCE')],
      ['vice.jame', w.story.centerId, seat('VICE_CHAIR')],
    ]);
  });

  it('the chair (and the vice-chair) link their chats in the bot with the code county staff issued', async () => {
    w.chats.chair = await someoneOpensTheCentersLink(w, 'حسن');
    await trusteeLinksTheChatByCode(w.chats.chair, await countyStaffIssueALinkCode(w, 'CHAIR'));
    expect(await linkedPerson('chair')).toBe(await personOf('CHAIR'));
    expect((await db().trusteeMembership.findUniqueOrThrow({ where: { id: seat('CHAIR') } })).conductAcknowledgedAt).not.toBeNull();

    w.chats.viceChair = await someoneOpensTheCentersLink(w, 'حسین');
    await trusteeLinksTheChatByCode(w.chats.viceChair, await countyStaffIssueALinkCode(w, 'VICE_CHAIR'));
    expect(await linkedPerson('viceChair')).toBe(await personOf('VICE_CHAIR'));
  });

  it('a volunteer signs up in the bot, is vetted in the panel, hears it in the bot and joins a network', async () => {
    const u = (w.chats.volunteer = await someoneOpensTheCentersLink(w, 'زهرا'));
    await volunteerSignsUpInTheBot(u);
    expect(u.lastText()).toContain('درخواست همکاری شما با «مرکز نیکوکاری مسجد جامع» ثبت شد');
    const applied = await db().volunteer.findFirstOrThrow({ where: { centerId: w.story.centerId!, person: { firstName: 'زهرا' } } });
    expect(applied.state).toBe('APPLIED');

    await countyStaffVetTheVolunteer(w);
    expect(w.story.volunteerId).toBe(applied.id);
    expect((await db().volunteer.findUniqueOrThrow({ where: { id: applied.id } })).state).toBe('ACTIVE');
    await w.deliver();
    expect(u.lastText()).toBe('همکاری شما با «مرکز نیکوکاری مسجد جامع» تأیید شد. خوش آمدید!');

    await volunteerJoinsANetwork(u, 'حمایتی و سلامت');
    const memberships = await db().networkMembership.findMany({ where: { volunteerId: applied.id, leftAt: null }, include: { network: true } });
    expect(memberships.map((m) => m.network.kind)).toEqual(['SUPPORT_HEALTH']);
  });

  it('the reminder tick turns the role duties into this month\'s tasks; the chair hears of them in the bot and finds them in "my tasks"', async () => {
    const tick = await theReminderTickRuns(w);
    expect(tick).toMatchObject({ quiet: false, dailyJobs: true });
    const tasks = await db().trusteeTask.findMany({ where: { centerId: w.story.centerId!, templateId: { not: null } } });
    expect(tasks.find((t) => t.assigneeMembershipId === seat('CHAIR'))).toMatchObject({ title: 'جلسهٔ ماهانهٔ هیئت امنا', state: 'OPEN', periodKey: '1405-09' });
    expect(tasks.filter((t) => t.assigneeMembershipId === seat('VICE_CHAIR')).map((t) => t.title).sort()).toEqual(['ارسال اسناد ماه به امداد', 'گزارش ماهانه به کمیته امداد']);
    expect(chatOf('chair').texts()).toContain('کار تازه به شما سپرده شد: جلسهٔ ماهانهٔ هیئت امنا');

    // A task county staff give the chair by hand joins it.
    await countyStaffGiveTheChairATask(w);
    const list = await trusteeOpensMyTasks(chatOf('chair'));
    expect(list).toContain('جلسهٔ ماهانهٔ هیئت امنا — مهلت ۱۰ آذر ۱۴۰۵');
    expect(list).toContain('تهیهٔ نقشهٔ ظرفیت‌های محله');
  });

  it('an inspection warns: the chair hears why, and the center stays licensed', async () => {
    await countyStaffInspectAndWarn(w);
    expect(await db().inspection.findFirstOrThrow({ where: { centerId: w.story.centerId! } })).toMatchObject({ outcome: 'WARN' });
    expect((await db().center.findUniqueOrThrow({ where: { id: w.story.centerId! } })).licenseState).toBe('LICENSED');
    await w.deliver();
    expect(chatOf('chair').lastText()).toBe('در بازدید نظارتی از «مرکز نیکوکاری مسجد جامع» تذکر داده شد: تکمیل دفتر تا پایان ماه');
  });
});

describe('issue 16: the money of a center and the households it helps', () => {
  it('a donor registers and pledges in the bot, then reports paying it with the receipt photo', async () => {
    const u = (w.chats.donor = await someoneOpensTheCentersLink(w, 'علی'));
    await donorRegistersInTheBot(u);
    await donorPledgesInTheBot(u, '۸٬۰۰۰٬۰۰۰');
    const donor = await db().donor.findFirstOrThrow({ where: { person: { mobile: '09121110001' } } });
    expect(await db().pledge.findFirstOrThrow({ where: { donorId: donor.id } })).toMatchObject({ kind: 'CASH', fund: 'GENERAL', amountRial: 80_000_000n, centerId: w.story.centerId });

    await donorReportsThePayment(u, 'تعهد ۱: ۸٬۰۰۰٬۰۰۰ تومان', '۵۵۴۴۳۳۲۲');
    expect(u.lastText()).toMatch(/^گزارش پرداخت شما ثبت شد\./);
    expect(await db().donation.findFirstOrThrow({ where: { donorId: donor.id } })).toMatchObject({ state: 'REPORTED', kind: 'CASH', amountRial: 80_000_000n, traceNumber: '55443322', cardLast4: '6037' });
  });

  it('the finance officer confirms it from the review queue, with its proof beside it; the donor hears the receipt number', async () => {
    const queue = await financeOfficerOpensTheReviewQueue(w);
    expect(queue.total).toBe(1);
    const [gift] = queue.items;
    expect(gift).toMatchObject({ donorName: 'علی کریمی', amountRial: '80000000', traceNumber: '55443322', cardLast4: '6037', hasReceipt: true });
    await financeOfficerConfirmsTheGift(w, gift!.id);

    expect(await db().donation.findUniqueOrThrow({ where: { id: gift!.id } })).toMatchObject({ state: 'CONFIRMED', receiptNo: 1, confirmedById: await personOf('ADMIN_FINANCE') });
    expect((await financeOfficerOpensTheReviewQueue(w)).total).toBe(0);
    await w.deliver();
    expect(chatOf('donor').lastText()).toBe('کمک شما تأیید شد و رسید شمارهٔ ۱ برای آن صادر شد. خداوند قبول کند.');
  });

  it('the finance officer records twenty bags of rice handed in: confirmed at once, with the next receipt number', async () => {
    const id = await financeOfficerRecordsAnInKindGift(w);
    expect(await db().donation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: 'CONFIRMED',
      kind: 'IN_KIND',
      quantity: 20,
      estimatedValueRial: 180_000_000n,
      receiptNo: 2,
      donorId: null,
    });
    expect(await auditActions(id)).toEqual(['donation.record', 'donation.confirm']);
  });

  it('the vice-chair registers a household with its consent, and its need', async () => {
    await viceChairRegistersAHousehold(w);
    await viceChairRecordsANeed(w);
    expect(await db().beneficiary.findUniqueOrThrow({ where: { id: built(w.story.beneficiaryId, 'household') } })).toMatchObject({
      centerId: w.story.centerId,
      headName: 'فاطمه نوری',
      membersCount: 4,
      state: 'ACTIVE',
    });
    expect(await db().beneficiaryNeed.findUniqueOrThrow({ where: { id: built(w.story.needId, 'need') } })).toMatchObject({
      beneficiaryId: w.story.beneficiaryId,
      category: 'HOUSING',
      priority: 'HIGH',
      state: 'OPEN',
    });
  });

  it("the chair steps down; aid for the household's need above the threshold waits for the vice-chair, who approves it in the bot acting for the chair", async () => {
    await countyStaffEndTheChairsAppointment(w);
    expect((await db().trusteeMembership.findUniqueOrThrow({ where: { id: seat('CHAIR') } })).state).toBe('ENDED');

    await countyStaffRecordAidForTheNeed(w, '۶٬۰۰۰٬۰۰۰');
    const distributionId = built(w.story.distributionId, 'distribution');
    expect(await db().distribution.findUniqueOrThrow({ where: { id: distributionId } })).toMatchObject({
      state: 'PENDING_APPROVAL',
      beneficiaryId: w.story.beneficiaryId,
      needId: w.story.needId,
      kind: 'CASH',
      amountRial: 60_000_000n,
      fund: 'GENERAL',
    });
    // Asked of whoever decides in the chair's name now: the vice-chair hears it in the bot.
    await w.deliver();
    const household = await db().beneficiary.findUniqueOrThrow({ where: { id: w.story.beneficiaryId! } });
    expect(chatOf('viceChair').lastText()).toBe(`درخواست توزیع کمک برای پرونده ${household.referenceCode} از صندوق کمک عمومی در انتظار تأیید شماست.`);

    const said = await trusteeApprovesInTheBot(chatOf('viceChair'));
    expect(said).toContain(fa('trustee:approvals.approved'));
    expect(await db().distribution.findUniqueOrThrow({ where: { id: distributionId } })).toMatchObject({ state: 'APPROVED', approvedById: await personOf('VICE_CHAIR') });
    expect(await db().approvalRequest.findFirstOrThrow({ where: { targetId: distributionId } })).toMatchObject({ state: 'APPROVED', decidedById: await personOf('VICE_CHAIR') });
  });

  it('the vice-chair hands the aid over and the need is met', async () => {
    await viceChairMarksTheAidHandedOver(w);
    expect(await db().distribution.findUniqueOrThrow({ where: { id: w.story.distributionId! } })).toMatchObject({ state: 'DISTRIBUTED', distributedById: await personOf('VICE_CHAIR') });
    expect(await db().beneficiaryNeed.findUniqueOrThrow({ where: { id: w.story.needId! } })).toMatchObject({ state: 'MET' });
  });

  it("the general fund falls by the aid, on the center's page", async () => {
    // 8,000,000 Toman confirmed in, 6,000,000 Toman out (the rice is goods, not the fund's cash).
    expect(await fundsOnTheCentersPage(w, built(w.panels.finance, 'finance'))).toBe('کمک عمومی: ۲٬۰۰۰٬۰۰۰ تومان');
    expect(await fundsOnTheCentersPage(w, built(w.panels.staff, 'staff'))).toBe('کمک عمومی: ۲٬۰۰۰٬۰۰۰ تومان');
  });

  it('reversing the gift would take the fund below zero: refused in words, nothing written', async () => {
    const before = await db().donation.count();
    const { status, body } = await countyStaffTryToReverseTheGift(w);
    expect(status).toBe(200);
    expect(body.notice).toMatchObject({ type: 'error', message: fa('errors:FUND_WOULD_GO_NEGATIVE') });
    expect(await db().donation.count()).toBe(before);
    expect(await db().donation.findUniqueOrThrow({ where: { id: w.story.donationId! } })).toMatchObject({ state: 'CONFIRMED' });
    expect(await auditActions(w.story.donationId!)).not.toContain('donation.reverse');
  });

  it("the center's month report shows all of it", async () => {
    const report = await downloadTheCentersMonthReport(w, built(w.panels.finance, 'finance'));
    expect(report.title).toBe('گزارش ماهانهٔ مرکز نیکوکاری مسجد جامع، آذر ۱۴۰۵');
    // kind, fund, confirmed: count, Rial, Toman, goods' estimated Rial; reported: count, Rial
    expect(report.section('کمک‌های دریافتی')).toEqual([
      ['نقدی', 'کمک عمومی', 1, 80_000_000, 8_000_000, 0, 0, 0],
      ['کالا', 'کمک عمومی', 1, 0, 0, 180_000_000, 0, 0],
    ]);
    // kind, fund, count, Rial, Toman, goods' estimated Rial
    expect(report.section('کمک‌های پرداخت‌شده به نیازمندان')).toEqual([['نقدی', 'کمک عمومی', 1, 60_000_000, 6_000_000, 0]]);
    expect(report.section('مانده صندوق‌ها')).toEqual([['کمک عمومی', 20_000_000, 2_000_000]]);
    expect(report.section('خلاصه')).toEqual([
      ['جمع کمک‌های نقدی تأییدشده', 80_000_000, 8_000_000],
      ['جمع کمک‌های نقدی در انتظار تأیید', 0, 0],
      ['تعداد گزارش‌های ردشده', 0],
      ['خیّران تازه', 1],
      ['داوطلبان فعال', 1],
    ]);
  });
});

describe('issue 15, the end: a suspended center is read-only to its board', () => {
  it('an inspection suspends the center; a trustee\'s write is refused in the panel and in the bot', async () => {
    await provinceAdminInspectAndSuspend(w);
    expect((await db().center.findUniqueOrThrow({ where: { id: w.story.centerId! } })).licenseState).toBe('SUSPENDED');

    // In the panel: the vice-chair may still read the household, but not register another.
    const households = await db().beneficiary.count();
    const refused = await built(w.panels.viceChair, 'vice-chair').post('Beneficiary/actions/registerBeneficiary', {
      centerId: w.story.centerId!,
      headName: 'خانوار تازه',
      membersCount: '۳',
      consentGiven: 'true',
    });
    expect(refused.body.notice).toMatchObject({ type: 'error', message: fa('errors:CENTER_READ_ONLY') });
    expect(await db().beneficiary.count()).toBe(households);

    // In the bot: the vice-chair's duty cannot be marked done.
    const answer = await trusteeMarksATaskDone(chatOf('viceChair'), 'گزارش ماهانه به کمیته امداد');
    expect(answer).toBe(fa('errors:CENTER_READ_ONLY'));
    expect((await db().trusteeTask.findFirstOrThrow({ where: { centerId: w.story.centerId!, title: 'گزارش ماهانه به کمیته امداد' } })).state).toBe('OPEN');
  });

  it('the bot used only what Bale supports, all along', () => {
    expect(w.bot.api.rejected).toEqual([]);
  });
});
