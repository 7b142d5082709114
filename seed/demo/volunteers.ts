/**
 * The specialized networks of each center, the volunteers in every state of their vetting
 * (two serving "service for service"), and who belongs to which network.
 */
import type { Gender, NetworkKind, VolunteerKind, VolunteerState } from '../../prisma/generated/client/client.ts';
import { CENTERS, type Centers } from './centers.ts';
import { centerId, pad, type CenterNo, type Demo } from './context.ts';
import type { People } from './people.ts';

const NETWORK_DESCRIPTIONS: Record<NetworkKind, string> = {
  ENTREPRENEURSHIP_EMPLOYMENT: 'شبکه کارآفرینی و اشتغال: شناسایی فرصت‌های شغلی، آموزش مهارت و معرفی به کار («اشتغال اول»)',
  CULTURE_EDUCATION: 'شبکه فرهنگی و آموزشی: کلاس‌های تقویتی، مشاوره تحصیلی و برنامه‌های فرهنگی',
  LEGAL_SERVICES: 'شبکه خدمات حقوقی: مشاوره حقوقی رایگان و پیگیری امور ثبتی و قضایی خانوارها',
  HOUSING_CONSTRUCTION: 'شبکه مسکن و عمران: تعمیر و بازسازی منازل و کمک به تأمین مسکن',
  SUPPORT_HEALTH: 'شبکه حمایتی و سلامت: ویزیت رایگان، دارو، مددکاری و مشاوره روان‌شناسی',
  PUBLIC_PARTICIPATION: 'شبکه توسعه مشارکت‌های مردمی: جذب خیرین، واحدهای نیکوکاری و اطلاع‌رسانی',
};

const AVAILABILITY = [
  'عصرها، شنبه تا چهارشنبه',
  'صبح‌های پنجشنبه و جمعه',
  'دو روز در هفته',
  'تماس تلفنی در هر زمان',
  'فقط ایام تعطیل',
];

export const networkId = (no: CenterNo, kind: NetworkKind) => `demo_network_${no}_${kind.toLowerCase()}`;

export interface Networks {
  hasNetwork(no: CenterNo, kind: NetworkKind): boolean;
  /** A volunteer or a donor joins; the first volunteer still in a network coordinates it. */
  joinNetwork(netId: string, member: { volunteerId: string } | { donorId: string }, joinedAt: Date, leftAt?: Date): void;
}

export function buildNetworks(demo: Demo, centers: Centers): Networks {
  const { rows, at } = demo;
  for (const c of CENTERS) {
    for (const kind of c.networks) {
      rows.networks.push({
        id: networkId(c.no, kind),
        centerId: centerId(c.no),
        kind,
        description: NETWORK_DESCRIPTIONS[kind],
        createdAt: at(-(c.licensedDaysAgo ?? 0) + 30),
      });
    }
  }
  const hasNetwork = (no: CenterNo, kind: NetworkKind) => centers.spec(no).networks.includes(kind);
  const coordinated = new Set<string>();
  let membershipNo = 0;
  const joinNetwork = (netId: string, member: { volunteerId: string } | { donorId: string }, joinedAt: Date, leftAt?: Date) => {
    const isCoordinator = 'volunteerId' in member && !leftAt && !coordinated.has(netId);
    if (isCoordinator) coordinated.add(netId);
    rows.networkMemberships.push({
      id: `demo_network_member_${pad(++membershipNo, 3)}`,
      networkId: netId,
      ...member,
      isCoordinator,
      joinedAt,
      leftAt: leftAt ?? null,
      createdAt: joinedAt,
    });
  };

  return { hasNetwork, joinNetwork };
}

/** The volunteers' ids, in order. */
export function buildVolunteers(demo: Demo, people: People, centers: Centers, networks: Networks): string[] {
  const { rng, rows, at } = demo;
  type VolunteerSpec = [CenterNo, VolunteerState, VolunteerKind, Gender, NetworkKind[], string[], boolean?];
  const VOLUNTEERS: VolunteerSpec[] = [
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['ENTREPRENEURSHIP_EMPLOYMENT'], ['خیاطی', 'آموزش خیاطی']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['SUPPORT_HEALTH'], ['پرستاری', 'مددکاری اجتماعی']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['LEGAL_SERVICES'], ['مشاوره حقوقی', 'وکالت']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['HOUSING_CONSTRUCTION'], ['بنایی', 'لوله‌کشی']],
    [1, 'ACTIVE', 'HONORARY_STAFF', 'FEMALE', ['PUBLIC_PARTICIPATION'], ['ورود اطلاعات', 'تماس با خیرین']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['CULTURE_EDUCATION'], ['تدریس ریاضی', 'مشاوره تحصیلی']],
    [1, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['HOUSING_CONSTRUCTION', 'ENTREPRENEURSHIP_EMPLOYMENT'], ['نقاشی ساختمان'], true],
    [1, 'VETTING', 'RELIEF_VOLUNTEER', 'FEMALE', [], ['روان‌شناسی', 'مشاوره خانواده']],
    [2, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['SUPPORT_HEALTH'], ['پزشکی عمومی']],
    [2, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['CULTURE_EDUCATION'], ['تدریس زبان انگلیسی']],
    [2, 'ACTIVE', 'HONORARY_STAFF', 'FEMALE', ['PUBLIC_PARTICIPATION'], ['بایگانی', 'ورود اطلاعات']],
    [2, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['LEGAL_SERVICES'], ['امور ثبتی']],
    [2, 'INACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['ENTREPRENEURSHIP_EMPLOYMENT'], ['مشاوره کسب‌وکار', 'بازاریابی آنلاین']],
    [4, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['ENTREPRENEURSHIP_EMPLOYMENT'], ['قالی‌بافی', 'آموزش قالی‌بافی']],
    [4, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['SUPPORT_HEALTH'], ['داروسازی']],
    [4, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['HOUSING_CONSTRUCTION'], ['برق‌کاری']],
    [4, 'ACTIVE', 'RELIEF_VOLUNTEER', 'MALE', ['PUBLIC_PARTICIPATION', 'CULTURE_EDUCATION'], ['عکاسی', 'طراحی گرافیک'], true],
    [4, 'REJECTED', 'RELIEF_VOLUNTEER', 'MALE', [], ['رانندگی']],
    [3, 'ACTIVE', 'RELIEF_VOLUNTEER', 'FEMALE', ['SUPPORT_HEALTH'], ['مددکاری اجتماعی']],
    [5, 'APPLIED', 'HONORARY_STAFF', 'MALE', [], ['حسابداری']],
  ];
  const volunteerIds: string[] = [];
  VOLUNTEERS.forEach(([no, state, kind, gender, kinds, skills, sfs], i) => {
    const id = `demo_volunteer_${pad(i + 1, 2)}`;
    volunteerIds.push(id);
    const appliedDays = state === 'APPLIED' || state === 'VETTING' ? rng.int(5, 20) : rng.int(60, 300);
    const personId = people.person(centers.spec(no).county, gender, { since: at(-appliedDays) });
    const active = state === 'ACTIVE' || state === 'INACTIVE';
    const activatedAt = at(-appliedDays + 25);
    const deactivatedAt = state === 'INACTIVE' ? at(-rng.int(5, 30)) : null;
    rows.volunteers.push({
      id,
      personId,
      centerId: centerId(no),
      kind,
      state,
      skills,
      availability: rng.pick(AVAILABILITY),
      serviceForService: sfs ?? false,
      appliedAt: at(-appliedDays),
      vettingStartedAt: state === 'APPLIED' ? null : at(-appliedDays + 3),
      selectionClearedAt: active ? at(-appliedDays + 18) : null,
      securityClearedAt: active ? at(-appliedDays + 20) : null,
      activatedAt: active ? activatedAt : null,
      deactivatedAt,
      rejectReason: state === 'REJECTED' ? 'عدم تأیید صلاحیت از سوی دفتر گزینش' : null,
      note: sfs ? 'خدمت به شرط خدمت: خانوار خود از خدمات مرکز بهره‌مند است' : null,
      createdAt: at(-appliedDays),
    });
    for (const kindOfNet of kinds) {
      if (networks.hasNetwork(no, kindOfNet))
        networks.joinNetwork(networkId(no, kindOfNet), { volunteerId: id }, activatedAt, deactivatedAt ?? undefined);
    }
  });

  return volunteerIds;
}
