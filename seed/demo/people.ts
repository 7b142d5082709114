/**
 * The demo's people: unique valid national IDs from the county's prefixes, mobiles,
 * Persian names never used twice, and the four Imdad staff members behind the logins.
 */
import type { Gender } from '../../prisma/generated/client/client.ts';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, nationalIdFrom } from '../../fixtures/values.ts';
import { pad, type CountyKey, type Demo } from './context.ts';

export interface People {
  /** Adds a person; returns their id. */
  person(county: CountyKey, gender: Gender, opts?: { firstName?: string; lastName?: string; since?: Date }): string;
  /** A first and last name not used before (unless both are given). */
  newName(gender: Gender, firstName?: string, lastName?: string): [string, string];
  nationalId(county: CountyKey): string;
  mobile(): string;
  /** "first last" of a person added here. */
  nameOf(personId: string): string | undefined;
  /** The staff members of the province office and of Mashhad's county office. */
  staff: { admin: string; supervisor: string; mashhad: string; auditor: string };
  /** Who acts for Imdad in a county: Mashhad has its county staff; Neyshabur has none in the demo, so the province admin. */
  imdadFor(county: CountyKey): string;
}

export function buildPeople(demo: Demo): People {
  const { rng, rows, at } = demo;
  const usedIds = new Set<string>();
  const usedNames = new Set<string>();
  const personName = new Map<string, string>();
  let personNo = 0;
  const nationalId = (county: CountyKey): string => {
    for (;;) {
      const prefix = county === 'MSH' ? rng.pick(['092', '093', '094']) : rng.pick(['106', '107']);
      const id = nationalIdFrom(prefix + rng.digits(6));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const mobile = () => rng.pick(['0915', '0935', '0912', '0901', '0937', '0917', '0919']) + rng.digits(7);
  const newName = (gender: Gender, firstName?: string, lastName?: string): [string, string] => {
    for (;;) {
      const f = firstName ?? rng.pick(gender === 'MALE' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
      const l = lastName ?? rng.pick(LAST_NAMES);
      if (!usedNames.has(`${f} ${l}`) || (firstName && lastName)) {
        usedNames.add(`${f} ${l}`);
        return [f, l];
      }
    }
  };
  const person: People['person'] = (county, gender, opts = {}) => {
    const id = `demo_person_${pad(++personNo, 3)}`;
    const [firstName, lastName] = newName(gender, opts.firstName, opts.lastName);
    personName.set(id, `${firstName} ${lastName}`);
    rows.persons.push({
      id,
      firstName,
      lastName,
      gender,
      nationalId: nationalId(county),
      mobile: mobile(),
      ...(opts.since ? { createdAt: opts.since } : {}),
    });
    return id;
  };

  const staff = {
    admin: person('MSH', 'MALE', { firstName: 'مهدی', lastName: 'صالحی', since: at(-800) }),
    supervisor: person('MSH', 'FEMALE', { firstName: 'زهرا', lastName: 'کامرانی', since: at(-800) }),
    mashhad: person('MSH', 'MALE', { firstName: 'حمید', lastName: 'رستمی', since: at(-800) }),
    auditor: person('MSH', 'FEMALE', { firstName: 'مریم', lastName: 'فرهادی', since: at(-800) }),
  };
  return {
    person,
    newName,
    nationalId,
    mobile,
    nameOf: (personId) => personName.get(personId),
    staff,
    imdadFor: (county) => (county === 'MSH' ? staff.mashhad : staff.admin),
  };
}
