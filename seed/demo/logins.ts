/**
 * One staff login per admin role, with public passwords printed at the first start.
 */
import type { StaffActor } from '../../core/actor.ts';
import type { Prisma, StaffRole } from '../../prisma/generated/client/client.ts';
import { centerId, staffId, type CountyKey, type Demo } from './context.ts';
import type { People } from './people.ts';
import type { Boards } from './trustees.ts';

export interface DemoLogin {
  username: string;
  password: string;
  /** hashPassword(password), made once and kept here: the passwords are public, so a fixed
   * salt gives nothing away, and hashing the five at every first start cost 0.3-0.4 s of it
   * (scrypt is slow on purpose). Real users' passwords are hashed as always. */
  passwordHash: string;
  role: StaffRole;
}

/** The demo logins (usernames may get a `demo-` prefix when forced into a database that
 * already uses the name). */
// prettier-ignore
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'admin', password: 'demo-admin-1403', role: 'PROVINCE_ADMIN',
    passwordHash: 'scrypt$16384$8$1$ktI2kob8eTttCIkWy87tZA==$l4Lkv7dIc8bmtba+P5IXEDbP+5i/bhbCTtOJCUhX6vDz+MlgZg42paCWzPJ1qxdfWBikOfslYV0blFK9DHGf/A==' },
  { username: 'supervisor', password: 'demo-supervisor-1403', role: 'PROVINCE_SUPERVISOR',
    passwordHash: 'scrypt$16384$8$1$AmtJExuJciofRQjsUtBu0A==$HFOB5H4F7qp/fQQSURXjid8ewX6W3EtfVhYqg3Ap6b2eejH3ZwFnrGKFSAZGu83NuKAq2HakeV0WuSR4umNtFg==' },
  { username: 'mashhad', password: 'demo-mashhad-1403', role: 'COUNTY_STAFF',
    passwordHash: 'scrypt$16384$8$1$fh/gPNHjSPFq7NGyETNbTg==$QEMpG9rx4e1VKbf4Dy/kPVUKpECvH+iEX+yjRvjeZYx7tonmKtOzDZ3rP3/xAzCjD7o1+lQsw2KXlIOCZl+izw==' },
  { username: 'auditor', password: 'demo-auditor-1403', role: 'AUDITOR',
    passwordHash: 'scrypt$16384$8$1$kW+ooAIsF2GugZVzqC6jfw==$Tq+H2/o9H292v7b0HmT8OwnVeTvgWXvL4/NkzdzcPwxWf7a2FUifcRgIABDVABuF2e5hiBSyqVsEgBwb2I1KvA==' },
  { username: 'finance', password: 'demo-finance-1403', role: 'CENTER_TRUSTEE',
    passwordHash: 'scrypt$16384$8$1$chzIh70OmXbaE01fxCev/w==$Yx5OMnQM4ydc29z1zQ2ETOCwOy8wvv+zDj7K+q3HD+Dt2305LSantuegYNTF37IY+qhdy1Ia76XzbyUEzP69CA==' },
];

export function buildStaffLogins(demo: Demo, people: People, boards: Boards): void {
  const { refs, at } = demo;
  const staff = (username: string, role: StaffRole, personId: string, scope: Partial<Prisma.StaffUserCreateManyInput>) => {
    demo.rows.staffUsers.push({
      id: staffId(username),
      username,
      role,
      personId,
      passwordHash: DEMO_LOGINS.find((l) => l.username === username)!.passwordHash,
      lastLoginAt: null,
      ...scope,
      createdAt: at(-90),
    });
  };
  staff('admin', 'PROVINCE_ADMIN', people.staff.admin, { provinceId: refs.provinceId });
  staff('supervisor', 'PROVINCE_SUPERVISOR', people.staff.supervisor, { provinceId: refs.provinceId });
  staff('mashhad', 'COUNTY_STAFF', people.staff.mashhad, { countyId: refs.countyIds.MSH });
  staff('auditor', 'AUDITOR', people.staff.auditor, { provinceId: refs.provinceId });
  const finance1 = boards.held(1, 'ADMIN_FINANCE');
  staff('finance', 'CENTER_TRUSTEE', finance1.personId, { centerId: centerId(1), trusteeMembershipId: finance1.membershipId });
}

export interface StaffActors {
  admin: StaffActor;
  supervisor: StaffActor;
  mashhad: StaffActor;
  /** Who acts for Imdad's county office: Mashhad's staff, or the province admin for Neyshabur (no county login in the demo). */
  countyOffice(county: CountyKey): StaffActor;
}

/** The demo's Imdad staff as core sees them when they act. */
export function staffActors(demo: Demo, people: People): StaffActors {
  const { refs } = demo;
  const admin: StaffActor = { kind: 'staff', staffUserId: staffId('admin'), personId: people.staff.admin, role: 'PROVINCE_ADMIN', provinceId: refs.provinceId };
  const supervisor: StaffActor = {
    kind: 'staff',
    staffUserId: staffId('supervisor'),
    personId: people.staff.supervisor,
    role: 'PROVINCE_SUPERVISOR',
    provinceId: refs.provinceId,
  };
  const mashhad: StaffActor = { kind: 'staff', staffUserId: staffId('mashhad'), personId: people.staff.mashhad, role: 'COUNTY_STAFF', countyId: refs.countyIds.MSH };
  return { admin, supervisor, mashhad, countyOffice: (county) => (county === 'MSH' ? mashhad : admin) };
}
