/**
 * Donors: natural persons recruited by the centers (most anonymous to the public), six
 * organisations, a few who also serve in networks; and the messenger accounts of some
 * donors and trustees, so the bot knows them.
 */
import type { Centers } from './centers.ts';
import { centerId, pad, type CenterNo, type Demo } from './context.ts';
import type { People } from './people.ts';
import type { Boards } from './trustees.ts';
import { networkId, type Networks } from './volunteers.ts';
import type { NetworkKind } from '../../prisma/generated/client/client.ts';

export interface Donors {
  /** Every donor's id, natural persons first. */
  ids: string[];
  centerOf(donorId: string): CenterNo;
  /** A natural donor's person. */
  personOf(donorId: string): string | undefined;
  /** The donors a center recruited. */
  of(no: CenterNo): string[];
}

export function buildDonors(demo: Demo, people: People, centers: Centers, networks: Networks): Donors {
  const { rng, rows, at } = demo;
  const donorIds: string[] = [];
  const donorCenter = new Map<string, CenterNo>();
  const donorPerson = new Map<string, string>();
  const recruitingCenters: CenterNo[] = [1, 1, 1, 1, 2, 2, 2, 4, 4, 4, 3];
  for (let i = 1; i <= 44; i++) {
    const id = `demo_donor_${pad(i, 2)}`;
    const no = recruitingCenters[(i - 1) % recruitingCenters.length]!;
    const since = at(-rng.int(20, 500), rng.int(9, 21));
    const personId = people.person(centers.spec(no).county, rng.chance(0.62) ? 'MALE' : 'FEMALE', { since });
    rows.donors.push({
      id,
      type: 'NATURAL',
      personId,
      anonymous: rng.chance(0.7),
      recruitedByCenterId: centerId(no),
      note: i % 9 === 0 ? 'ترجیح می‌دهد عصرها با ایشان تماس گرفته شود' : null,
      createdAt: since,
    });
    donorIds.push(id);
    donorCenter.set(id, no);
    donorPerson.set(id, personId);
  }
  const LEGAL_DONORS: [string, string, CenterNo, NetworkKind | null][] = [
    ['شرکت تعاونی فرش دستباف توس', '18452', 1, 'ENTREPRENEURSHIP_EMPLOYMENT'],
    ['موسسه خیریه نیکوکاران کوی سجاد', '3217', 2, 'PUBLIC_PARTICIPATION'],
    ['هیئت مذهبی محبان اهل‌بیت (ع) نوغان', '946', 1, null],
    ['شرکت مصالح ساختمانی سپهر شرق', '27781', 2, 'HOUSING_CONSTRUCTION'],
    ['صندوق قرض‌الحسنه کوثر بازار نیشابور', '1588', 4, null],
    ['شرکت پخش مواد غذایی برکت خراسان', '40913', 4, 'PUBLIC_PARTICIPATION'],
  ];
  LEGAL_DONORS.forEach(([name, regNo, no, net], i) => {
    const id = `demo_donor_${pad(45 + i, 2)}`;
    const since = at(-rng.int(60, 500));
    rows.donors.push({
      id,
      type: 'LEGAL',
      organizationName: name,
      organizationRegNo: regNo,
      contactPersonId: people.person(centers.spec(no).county, 'MALE', { since }),
      anonymous: false,
      recruitedByCenterId: centerId(no),
      createdAt: since,
    });
    donorIds.push(id);
    donorCenter.set(id, no);
    if (net) networks.joinNetwork(networkId(no, net), { donorId: id }, at(-rng.int(10, 50)));
  });
  // A few natural donors also serve in networks (a doctor, a lawyer, a builder ...).
  for (const [i, net] of [
    [3, 'SUPPORT_HEALTH'],
    [5, 'LEGAL_SERVICES'],
    [8, 'HOUSING_CONSTRUCTION'],
    [9, 'PUBLIC_PARTICIPATION'],
    [12, 'CULTURE_EDUCATION'],
  ] as const) {
    const donorId = donorIds[i - 1]!;
    const no = donorCenter.get(donorId)!;
    if (networks.hasNetwork(no, net)) networks.joinNetwork(networkId(no, net), { donorId }, at(-rng.int(10, 90)));
  }
  const donorsOf = (no: CenterNo) => donorIds.filter((id) => donorCenter.get(id) === no);

  return { ids: donorIds, centerOf: (id) => donorCenter.get(id)!, personOf: (id) => donorPerson.get(id), of: donorsOf };
}

/** The chat account of each person who has one (person id -> chat account id). */
export function buildChatAccounts(demo: Demo, people: People, donors: Donors, boards: Boards): Map<string, string> {
  const { rng, rows, at } = demo;
  // Messenger accounts of some donors and trustees (the bot knows them).
  const chatOf = new Map<string, string>(); // personId -> chat account id
  const chatFor = (personId: string, i: number) => {
    const platform = i % 3 === 2 ? 'BALE' : 'TELEGRAM';
    const external = String(
      platform === 'TELEGRAM' ? rng.int(100_000_000, 7_999_999_999) : rng.int(1_000_000_000, 2_099_999_999),
    );
    const id = `demo_chat_${pad(i, 2)}`;
    rows.chatAccounts.push({
      id,
      platform,
      externalUserId: external,
      chatId: external,
      personId,
      displayName: people.nameOf(personId) ?? null,
      language: 'fa',
      lastSeenAt: at(-rng.int(1, 20), rng.int(8, 22)),
      createdAt: at(-rng.int(30, 200)),
    });
    chatOf.set(personId, id);
  };
  donors.ids.slice(0, 14).forEach((donorId, i) => chatFor(donors.personOf(donorId)!, i + 1));
  chatFor(boards.held(1, 'ADMIN_FINANCE').personId, 15);
  chatFor(boards.held(1, 'CHAIR').personId, 16);
  chatFor(boards.held(4, 'VICE_CHAIR').personId, 17);

  return chatOf;
}
