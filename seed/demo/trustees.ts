/**
 * The boards of trustees: every main role appointed in each licensed center (with both
 * offices' clearances before the decree), optional officers, a finance officer who resigned
 * and was replaced; candidates proposed, in vetting and refused, an appointment waiting for
 * the county, and a chair who resigned last week.
 *
 * The appointed boards are written as rows: each appointment through core is six use-cases
 * (proposal, vetting, two clearances, decree, conduct), some 180 calls for the demo's boards,
 * several times the cost of the rest of the seed on the first start. What is still in
 * progress goes through core (buildCandidacies), so every candidacy and request people can act
 * on is one core made.
 */
import { isMainRole, type Actor, type TrusteeActor } from '../../core/actor.ts';
import type { Gender, TrusteeRole } from '../../prisma/generated/client/client.ts';
import { utcDay } from '../../fixtures/values.ts';
import type { Centers } from './centers.ts';
import { centerId, DAY_MS, pad, type CenterNo, type Demo } from './context.ts';
import { staffActors } from './logins.ts';
import type { People } from './people.ts';

export interface Boards {
  /** The appointed holder of a role. */
  held(no: CenterNo, role: TrusteeRole): { membershipId: string; personId: string };
  /** The holder of a role as core sees them when they act. */
  actor(no: CenterNo, role: TrusteeRole): TrusteeActor;
}

export function buildBoards(demo: Demo, people: People, centers: Centers): Boards {
  const { rng, rows, today, at, day, jy } = demo;
  const holder = new Map<string, { membershipId: string; personId: string }>(); // `${no}:${role}`
  let decreeNo = 100;
  const appoint = (
    no: CenterNo,
    role: TrusteeRole,
    gender: Gender,
    opts: { appointedDaysAgo: number; firstName?: string; suffix?: string; endedDaysAgo?: number; endReason?: string } = {
      appointedDaysAgo: 0,
    },
  ): string => {
    const c = centers.spec(no);
    const personId = people.person(c.county, gender, { firstName: opts.firstName, since: at(-opts.appointedDaysAgo - 40) });
    const id = `demo_trustee_${no}_${role.toLowerCase()}${opts.suffix ?? ''}`;
    const appointedAt = at(-opts.appointedDaysAgo, 11);
    const main = isMainRole(role);
    const byImdad = role === 'CHAIR' || role === 'VICE_CHAIR';
    const chair = holder.get(`${no}:CHAIR`);
    decreeNo += rng.int(3, 40);
    rows.trustees.push({
      id,
      centerId: centerId(no),
      personId,
      role,
      state: opts.endedDaysAgo ? 'ENDED' : 'APPOINTED',
      decreeNo: `${jy(appointedAt)}/ح/${pad(decreeNo, 4)}`,
      decreeDate: utcDay(appointedAt),
      termEndsOn: day(-opts.appointedDaysAgo + 4 * 365),
      appointedById: byImdad || !chair ? people.imdadFor(c.county) : chair.personId,
      approvedById: byImdad ? null : main ? people.imdadFor(c.county) : null,
      proposedAt: at(-opts.appointedDaysAgo - 35),
      vettingStartedAt: at(-opts.appointedDaysAgo - 30),
      appointedAt,
      conductAcknowledgedAt: appointedAt,
      ...(opts.endedDaysAgo ? { endedAt: at(-opts.endedDaysAgo), endReason: opts.endReason ?? 'پایان همکاری' } : {}),
      createdAt: at(-opts.appointedDaysAgo - 35),
    });
    // Both offices cleared the candidate before the decree, recorded by the county's staff.
    for (const [office, daysBefore] of [['SELECTION', 12], ['SECURITY', 10]] as const) {
      rows.clearances.push({
        id: `${id}_${office.toLowerCase()}`,
        membershipId: id,
        office,
        outcome: 'CLEARED',
        decidedOn: utcDay(at(-opts.appointedDaysAgo - daysBefore)),
        recordedById: people.imdadFor(c.county),
        recordedAt: at(-opts.appointedDaysAgo - daysBefore),
      });
    }
    if (!opts.endedDaysAgo) holder.set(`${no}:${role}`, { membershipId: id, personId });
    return id;
  };
  const CHAIR_NAMES: Record<number, string> = { 1: 'سید محمدعلی', 2: 'محمدحسن', 3: 'سید جواد', 4: 'علی‌اکبر' };
  for (const no of [1, 2, 3, 4] as const) {
    const since =
      (centers.licensedAt(no) ? Math.round((today.getTime() - centers.licensedAt(no)!.getTime()) / DAY_MS) : 0) + 20;
    appoint(no, 'CHAIR', 'MALE', { appointedDaysAgo: since, firstName: CHAIR_NAMES[no] });
    appoint(no, 'VICE_CHAIR', 'MALE', { appointedDaysAgo: since });
    if (no === 1) {
      // The first finance officer resigned; the current one was appointed in their place.
      appoint(1, 'ADMIN_FINANCE', 'MALE', {
        appointedDaysAgo: since,
        suffix: '_ended',
        endedDaysAgo: 300,
        endReason: 'استعفا به دلیل مهاجرت به شهرستان دیگر',
      });
      appoint(1, 'ADMIN_FINANCE', 'MALE', { appointedDaysAgo: 300 });
    } else {
      appoint(no, 'ADMIN_FINANCE', no === 4 ? 'FEMALE' : 'MALE', { appointedDaysAgo: since });
    }
    appoint(no, 'DONORS_MEN', 'MALE', { appointedDaysAgo: since });
    appoint(no, 'DONORS_WOMEN', 'FEMALE', { appointedDaysAgo: since });
    appoint(no, 'ORGANIZATIONS', 'MALE', { appointedDaysAgo: since });
  }
  appoint(1, 'SOCIAL_WORK', 'FEMALE', { appointedDaysAgo: 400 });
  appoint(1, 'EMPLOYMENT', 'MALE', { appointedDaysAgo: 380 });
  appoint(1, 'ORPHANS', 'FEMALE', { appointedDaysAgo: 250 });
  appoint(2, 'SOCIAL_WORK', 'FEMALE', { appointedDaysAgo: 250 });
  appoint(2, 'QARD_AL_HASAN', 'MALE', { appointedDaysAgo: 200 });
  appoint(4, 'SOCIAL_WORK', 'FEMALE', { appointedDaysAgo: 380 });
  appoint(4, 'HEALTH', 'MALE', { appointedDaysAgo: 300 });
  const held = (no: CenterNo, role: TrusteeRole) => {
    const h = holder.get(`${no}:${role}`);
    if (!h) throw new Error(`demo: no ${role} in center ${no}`);
    return h;
  };

  const actor = (no: CenterNo, role: TrusteeRole): TrusteeActor => {
    const h = held(no, role);
    return { kind: 'trustee', personId: h.personId, membershipId: h.membershipId, centerId: centerId(no), role };
  };
  return { held, actor };
}

/**
 * Candidacies in progress, through core from the proposal on: one proposed, one refused by
 * the selection office, one cleared by both offices whose appointment by the chair waits for
 * Imdad's approval, a new center's chair candidate half-way through vetting; and center 4's
 * chair resigning last week, so its vice-chair acts for the chair (core/trustees/acting-chair.ts)
 * until a successor is appointed.
 */
export function buildCandidacies(demo: Demo, people: People, centers: Centers, boards: Boards): void {
  const { at, jy } = demo;
  const imdad = staffActors(demo, people);
  /** A new person proposed for a role; returns the membership core creates (its id once proposed). */
  const propose = (no: CenterNo, role: TrusteeRole, gender: Gender, by: Actor, daysAgo: number) => {
    const county = centers.spec(no).county;
    const personId = people.person(county, gender, { since: at(-daysAgo - 5) });
    const membership = { id: '' };
    demo.later(at(-daysAgo, 10), async (core) => {
      ({ id: membership.id } = await core.trustees.proposeTrustee(by, { centerId: centerId(no), role, personId }));
    });
    const office = imdad.countyOffice(county);
    return {
      vetting: (daysAgo: number) => demo.later(at(-daysAgo, 10), (core) => core.trustees.sendToVetting(office, { membershipId: membership.id })),
      clearance: (officeName: 'SELECTION' | 'SECURITY', daysAgo: number, outcome: 'CLEARED' | 'REFUSED' = 'CLEARED', note?: string) =>
        demo.later(at(-daysAgo, 11), (core) => core.trustees.recordClearance(office, { membershipId: membership.id, office: officeName, outcome, note })),
      membership,
    };
  };
  propose(2, 'PUBLIC_RELATIONS', 'MALE', boards.actor(2, 'CHAIR'), 6);
  const dowry = propose(2, 'DOWRY_MARRIAGE', 'FEMALE', boards.actor(2, 'CHAIR'), 120);
  dowry.vetting(117);
  dowry.clearance('SELECTION', 100, 'REFUSED', 'عدم احراز شرایط از سوی دفتر گزینش');
  // Both offices have cleared center 4's candidate: her appointment waits only for the county's decision.
  const culture = propose(4, 'CULTURE_EDUCATION', 'FEMALE', boards.actor(4, 'CHAIR'), 25);
  culture.vetting(23);
  culture.clearance('SELECTION', 20);
  culture.clearance('SECURITY', 18);
  demo.later(at(-17, 10), (core) =>
    core.trustees.appointTrustee(boards.actor(4, 'CHAIR'), { membershipId: culture.membership.id, decreeNo: `${jy(at(-17))}/ح/0231` }),
  );
  // The selection office has answered on center 5's chair candidate; security has not yet.
  const c5Chair = propose(5, 'CHAIR', 'MALE', imdad.admin, 12);
  c5Chair.vetting(9);
  c5Chair.clearance('SELECTION', 4, 'CLEARED', 'سوابق بررسی شد');
  propose(5, 'VICE_CHAIR', 'MALE', imdad.admin, 12);
  demo.later(at(-6, 10), (core) =>
    core.trustees.endAppointment(imdad.admin, {
      membershipId: boards.held(4, 'CHAIR').membershipId,
      reason: 'استعفا؛ تا انتصاب رئیس جدید، نائب رئیس به جای او عمل می‌کند',
    }),
  );
}
