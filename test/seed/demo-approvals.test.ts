/**
 * The demo holds only states core can handle: every approval it leaves pending is approved
 * through core by the login (or trustee) the request names as its decider, as a user of the
 * panel or the bot would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.ts';
import { DomainError } from '../../core/errors.ts';
import { createCore, type Core } from '../../core/index.ts';
import { loadCurrentAdmin } from '../../http/current-admin.ts';
import type { Db } from '../../prisma/client.ts';
import type { ApprovalRequest } from '../../prisma/generated/client/client.ts';
import { seedDemo } from '../../seed/index.ts';
import { useTestDatabase } from '../helpers/db.ts';

/**
 * Who may decide the request, best first: the center's appointed trustee of the role it
 * names, else the demo logins (the one of the named role first; the province admin stands in
 * for the county staff of a county without a demo login).
 */
async function decidersOf(db: Db, request: ApprovalRequest): Promise<Actor[]> {
  if (request.deciderTrusteeRole) {
    const m = await db.trusteeMembership.findFirstOrThrow({
      where: { centerId: request.centerId!, role: request.deciderTrusteeRole, state: 'APPOINTED' },
    });
    return [{ kind: 'trustee', personId: m.personId, membershipId: m.id, centerId: m.centerId, role: m.role }];
  }
  const users = await db.staffUser.findMany({ where: { id: { startsWith: 'demo_' } }, orderBy: { id: 'asc' } });
  users.sort((a, b) => Number(b.role === request.deciderStaffRole) - Number(a.role === request.deciderStaffRole));
  const actors: Actor[] = [];
  for (const user of users) {
    const loaded = await loadCurrentAdmin(db, user.id, 'fa');
    if (loaded.ok) actors.push(loaded.admin.actor);
  }
  return actors;
}

/** Approves through the first decider the policy lets decide; any other refusal or crash is the answer. */
async function approve(core: Core, deciders: Actor[], requestId: string): Promise<string> {
  for (const actor of deciders) {
    const outcome = await core.approvals.decide(actor, { requestId, decision: 'APPROVE' }).then(
      () => 'approved',
      (e: unknown) => (e instanceof DomainError && e.code === 'FORBIDDEN' ? null : e instanceof Error ? `${e.name}: ${e.message}` : String(e)),
    );
    if (outcome) return outcome;
  }
  return 'no demo login may decide it';
}

describe('the demo seed', () => {
  const database = useTestDatabase();
  let core: Core;

  beforeAll(async () => {
    core = createCore({ db: database.db });
    await seedDemo(database.db);
  });

  it('leaves pending approvals of several kinds', async () => {
    const pending = await database.db.approvalRequest.findMany({ where: { state: 'PENDING' } });
    expect(new Set(pending.map((r) => r.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it('every pending approval is approved through core by its decider', async () => {
    const pending = await database.db.approvalRequest.findMany({ where: { state: 'PENDING' }, orderBy: { id: 'asc' } });
    const outcomes: string[] = [];
    for (const request of pending) {
      outcomes.push(`${request.id} (${request.kind}): ${await approve(core, await decidersOf(database.db, request), request.id)}`);
    }
    expect(outcomes).toEqual(pending.map((r) => `${r.id} (${r.kind}): approved`));
    expect(await database.db.approvalRequest.count({ where: { state: 'PENDING' } })).toBe(0);
  });
});
