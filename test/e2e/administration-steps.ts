/**
 * The province's and the county office's steps in the panel, each as the person takes it:
 * the first admin, a county and its staff login, a center registered and licensed, a board
 * brought on (proposed, vetted by both offices, appointed), trustees given panel logins and
 * chat-link codes, a volunteer vetted, a task given, inspections. Each step POSTs what the
 * form sends and expects core's success notice; ids come from the panel's own answers
 * (the page a created record opens on, a list), never from the database.
 */
import { expect } from 'vitest';
import { uniqueMobile, uniqueNationalId } from '../../fixtures/factories.ts';
import { shebaFrom } from '../../fixtures/values.ts';
import type { ActionBody } from '../helpers/admin-world.ts';
import { persianDigits } from '../../messenger/digits.ts';
import { signIn, type Panel } from './panel-steps.ts';
import { built, type BoardSeat, type World } from './world.ts';

export const ADMIN = { username: 'admin', password: 'رمز-نخستین-مدیر-۱۴۰۵' };
export const STAFF = { username: 'mashhad.office', password: 'رمز-کارشناس-شهرستان-۱۴۰۵' };
export const SANDOGH_SHEBA = shebaFrom('0700000000007012345678');

/** The id of the record an action created: the page the panel opens next. */
export function createdId(body: ActionBody): string {
  const url = (body as { redirectUrl?: string }).redirectUrl ?? '';
  const id = /\/records\/([^/]+)\/show$/.exec(url)?.[1];
  if (!id) throw new Error(`the panel opened no created record (redirect ${JSON.stringify(url)})`);
  return id;
}

/** The records a login's list shows, with the filters typed in the list's filter panel. */
export async function listed(panel: Panel, resource: string, filters: Record<string, string> = {}) {
  const query = new URLSearchParams(Object.entries(filters).map(([k, v]): [string, string] => [`filters.${k}`, v]));
  return (await panel.get(`${resource}/actions/list?${query}`)).records ?? [];
}

const staffOf = (w: World) => built(w.panels.staff, 'county staff login');
const adminOf = (w: World) => built(w.panels.admin, 'province admin');
const centerOf = (w: World) => built(w.story.centerId, 'center');
const seatOf = (w: World, seat: BoardSeat) => built(w.story.board[seat], `${seat} on the board`);

/**
 * `npm run create-admin` on the empty database: the command's one core call (the command
 * itself, its password prompt and stdin, is test/scripts/create-admin.test.ts), then the
 * admin logs in through the login form.
 */
export async function createAdminMakesTheFirstProvinceAdmin(w: World): Promise<void> {
  const first = await w.core.security.createFirstAdmin({ kind: 'system', job: 'create-admin' }, { provinceName: 'خراسان رضوی', firstName: 'زهرا', lastName: 'احمدی', ...ADMIN });
  w.story.provinceId = first.provinceId;
  w.panels.admin = await signIn(w.app, ADMIN.username, ADMIN.password);
}

export async function provinceAdminOpensACounty(w: World): Promise<void> {
  await adminOf(w).act('County/actions/createCounty', { provinceId: built(w.story.provinceId, 'province'), name: 'مشهد', code: 'msh' });
  const [county] = await listed(adminOf(w), 'County', { name: 'مشهد' });
  w.story.countyId = built(county?.id, 'county in the list');
}

export async function provinceAdminGivesTheCountyAStaffLogin(w: World): Promise<void> {
  await adminOf(w).act('StaffUser/actions/createStaffUser', {
    username: STAFF.username,
    role: 'COUNTY_STAFF',
    countyId: built(w.story.countyId, 'county'),
    firstName: 'علی',
    lastName: 'کریمی',
    password: STAFF.password,
    mustChangePassword: 'false',
  });
  w.panels.staff = await signIn(w.app, STAFF.username, STAFF.password);
}

export async function countyStaffRegisterACenter(w: World): Promise<void> {
  const body = await staffOf(w).act('Center/actions/registerCenter', {
    countyId: built(w.story.countyId, 'county'),
    name: 'مرکز نیکوکاری مسجد جامع',
    hostType: 'MOSQUE',
    hostName: 'مسجد جامع',
    address: 'مشهد، خیابان امام رضا، کوچهٔ ۱۲',
    activityArea: 'محلهٔ سرشور',
    latitude: '۳۶٫۲۸',
    longitude: '59.61',
  });
  w.story.centerId = createdId(body);
}

/**
 * County staff record the center's one account at Sandogh Emdad Velayat, opened on Imdad's
 * introduction (rule 3): until then the center cannot take cash.
 */
export async function countyStaffRecordTheSandoghAccount(w: World): Promise<void> {
  await staffOf(w).act(`Center/records/${centerOf(w)}/recordCenterAccount`, {
    sandoghAccountNo: '۷۰۱۲۳۴۵۶۷۸',
    sandoghSheba: SANDOGH_SHEBA,
    sandoghBranch: 'شعبهٔ مرکزی مشهد',
    sandoghIntroLetterNo: '۱۴۰۵/الف/۲۳',
    sandoghAccountOpenedAt: w.day(-2),
  });
}

/** County staff propose issuing the license; the proposal waits for the province. Returns the request's id. */
export async function countyStaffProposeTheLicense(w: World): Promise<string> {
  await staffOf(w).act(`Center/records/${centerOf(w)}/proposeLicenseDecision`, { decision: 'ISSUED', validityMonths: '۱۲' });
  const [request] = await listed(adminOf(w), 'ApprovalRequest', { kind: 'LICENSE_DECISION', state: 'PENDING' });
  return built(request?.id, 'license proposal in the approvals list');
}

export async function provinceAdminApprovesTheLicense(w: World, requestId: string): Promise<void> {
  await adminOf(w).act(`ApprovalRequest/records/${requestId}/approve`, { confirm: 'yes' });
  const center = (await adminOf(w).get(`Center/records/${centerOf(w)}/show`)).record?.params ?? {};
  w.story.activityCode = String(center.activityCode);
}

const PEOPLE: Record<BoardSeat, { firstName: string; lastName: string; gender: 'MALE' | 'FEMALE' }> = {
  CHAIR: { firstName: 'حسن', lastName: 'رضایی', gender: 'MALE' },
  VICE_CHAIR: { firstName: 'حسین', lastName: 'مرادی', gender: 'MALE' },
  ADMIN_FINANCE: { firstName: 'مریم', lastName: 'صالحی', gender: 'FEMALE' },
};

export async function countyStaffProposeATrustee(w: World, seat: BoardSeat): Promise<void> {
  const body = await staffOf(w).act('TrusteeMembership/actions/proposeTrustee', {
    centerId: centerOf(w),
    role: seat,
    ...PEOPLE[seat],
    nationalId: persianDigits(uniqueNationalId()),
    mobile: persianDigits(uniqueMobile()),
  });
  w.story.board[seat] = createdId(body);
}

export async function countyStaffSendTheTrusteeToVetting(w: World, seat: BoardSeat): Promise<void> {
  await staffOf(w).act(`TrusteeMembership/records/${seatOf(w, seat)}/sendToVetting`);
}

/** The selection office and the security office each answer; county staff record both, dated the day before. */
export async function selectionAndSecurityClearTheTrustee(w: World, seat: BoardSeat): Promise<void> {
  for (const office of ['SELECTION', 'SECURITY'])
    await staffOf(w).act(`TrusteeMembership/records/${seatOf(w, seat)}/recordClearance`, { office, outcome: 'CLEARED', decidedOn: w.day(-1), note: 'بی‌مانع' });
}

export async function countyStaffAppointTheTrustee(w: World, seat: BoardSeat, decreeNo: string): Promise<void> {
  await staffOf(w).act(`TrusteeMembership/records/${seatOf(w, seat)}/appointTrustee`, { decreeNo, decreeDate: w.day(0) });
}

/** The province admin gives an appointed trustee a login of their own (their center, their seat). */
export async function provinceAdminGivesATrusteeAPanelLogin(w: World, seat: BoardSeat, username: string, password: string): Promise<Panel> {
  await adminOf(w).act('StaffUser/actions/createStaffUser', {
    username,
    role: 'CENTER_TRUSTEE',
    trusteeMembershipId: seatOf(w, seat),
    password,
    mustChangePassword: 'false',
  });
  return signIn(w.app, username, password);
}

/** County staff issue a trustee's one-time chat-link code; it is read off the notice, as shown (Persian digits). */
export async function countyStaffIssueALinkCode(w: World, seat: BoardSeat): Promise<string> {
  const body = await staffOf(w).act(`TrusteeMembership/records/${seatOf(w, seat)}/issueLinkCode`, { confirm: 'yes' });
  const code = String(body.data?.linkCode ?? '');
  expect(body.notice?.message).toContain(persianDigits(code));
  return persianDigits(code);
}

/** County staff open the volunteers who applied, send the newcomer to vetting and, cleared, activate them. */
export async function countyStaffVetTheVolunteer(w: World): Promise<void> {
  const [applicant] = await listed(staffOf(w), 'Volunteer', { state: 'APPLIED' });
  const id = built(applicant?.id, 'volunteer application in the list');
  await staffOf(w).act(`Volunteer/records/${id}/sendVolunteerToVetting`);
  await staffOf(w).act(`Volunteer/records/${id}/vetVolunteer`, { decision: 'ACTIVATE' });
  w.story.volunteerId = id;
}

export async function countyStaffGiveTheChairATask(w: World): Promise<void> {
  await staffOf(w).act('TrusteeTask/actions/createTask', {
    centerId: centerOf(w),
    title: 'تهیهٔ نقشهٔ ظرفیت‌های محله',
    dueAt: w.day(14),
    assigneeMembershipId: seatOf(w, 'CHAIR'),
  });
}

export async function countyStaffInspectAndWarn(w: World): Promise<void> {
  await staffOf(w).act(`Center/records/${centerOf(w)}/recordInspection`, { findings: 'دفتر دریافت‌ها ناقص است', outcome: 'WARN', outcomeReason: 'تکمیل دفتر تا پایان ماه' });
}

/** A suspension is a license decision: the province office inspects and suspends. */
export async function provinceAdminInspectAndSuspend(w: World): Promise<void> {
  await adminOf(w).act(`Center/records/${centerOf(w)}/recordInspection`, {
    findings: 'برگزاری جلسات هیئت امنا متوقف شده است',
    outcome: 'SUSPEND',
    outcomeReason: 'تا تشکیل دوبارهٔ هیئت امنا',
  });
}

/** The chair steps down: county staff end the appointment, and the chair's seat is empty. */
export async function countyStaffEndTheChairsAppointment(w: World): Promise<void> {
  await staffOf(w).act(`TrusteeMembership/records/${seatOf(w, 'CHAIR')}/endAppointment`, { reason: 'استعفای رئیس هیئت امنا' });
}
