/**
 * Bound use-cases keep each use-case's own types: the expectTypeOf and
 * @ts-expect-error lines are checked by `npm run typecheck` (vitest runs them as
 * no-ops). The run-time tests check that binding hands over the context and any
 * extra leading argument, and that a wrong input still fails with the schema's
 * DomainError, as it must when the panel or the bot pass what a person typed.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { ApprovalRequest } from '../../prisma/generated/client/client.ts';
import type { Database } from '../../prisma/client.ts';
import type { DecideApprovalInput } from '../../core/approvals/decide-approval.ts';
import { bindUseCases } from '../../core/bind.ts';
import type { IssueLicenseInput } from '../../core/centers/issue-license.ts';
import type { CenterResult } from '../../core/centers/license-transition.ts';
import type { CenterCounty } from '../../core/centers/list-center-counties.ts';
import { createCtx, type Ctx, type Tx } from '../../core/context.ts';
import { coreInTransaction, createCore, type Actor, type Core } from '../../core/index.ts';
import type { ListReminderSettingsInput, ReminderSetting } from '../../core/notifications/list-reminder-settings.ts';
import { createTestDatabase } from '../helpers/db.ts';

const actor: Actor = { kind: 'system', job: 'bind-test' };

describe('the types of core', () => {
  it('core.centers.issueLicense takes IssueLicenseInput and returns CenterResult', () => {
    expectTypeOf<Core['centers']['issueLicense']>().parameters.toEqualTypeOf<[Actor, IssueLicenseInput]>();
    expectTypeOf<Core['centers']['issueLicense']>().returns.toEqualTypeOf<Promise<CenterResult>>();
  });

  it('a field the schema does not have, or a value of the wrong type, is a type error', () => {
    const misspelt = (core: Core) =>
      // @ts-expect-error -- the schema's field is validityMonths
      core.centers.issueLicense(actor, { centerId: 'c', months: 12 });
    const wrongType = (core: Core) =>
      // @ts-expect-error -- a center id is text
      core.centers.issueLicense(actor, { centerId: 42 });
    expectTypeOf(misspelt).toBeFunction();
    expectTypeOf(wrongType).toBeFunction();
  });

  it('an absent input stays absent, an optional one optional; the approvals keep theirs', () => {
    expectTypeOf<Core['centers']['listCenterCounties']>().parameters.toEqualTypeOf<[Actor]>();
    expectTypeOf<Core['centers']['listCenterCounties']>().returns.toEqualTypeOf<Promise<CenterCounty[]>>();
    expectTypeOf<Core['notifications']['listReminderSettings']>().parameters.toEqualTypeOf<[Actor, ListReminderSettingsInput?]>();
    expectTypeOf<Core['notifications']['listReminderSettings']>().returns.toEqualTypeOf<Promise<ReminderSetting[]>>();
    expectTypeOf<Core['approvals']['decide']>().parameters.toEqualTypeOf<[Actor, DecideApprovalInput]>();
    expectTypeOf<Core['approvals']['decide']>().returns.toEqualTypeOf<Promise<ApprovalRequest>>();
  });
});

describe('bindUseCases at run time', () => {
  let database: Database;
  let ctx: Ctx;
  beforeAll(async () => {
    database = await createTestDatabase();
    ctx = createCtx({ db: database.db });
  });
  afterAll(() => database?.close());

  it('calls each use-case with the context, the extra leading arguments, the actor and the input', async () => {
    const calls: unknown[][] = [];
    const probe = async (c: Ctx, registry: string, a: Actor, input?: { n: number }) => {
      calls.push([c, registry, a, input]);
      return input?.n ?? 0;
    };
    const bound = bindUseCases(ctx, { probe }, 'registry');
    expectTypeOf(bound.probe).parameters.toEqualTypeOf<[Actor, { n: number }?]>();
    expectTypeOf(bound.probe).returns.toEqualTypeOf<Promise<number>>();
    expect(await bound.probe(actor, { n: 2 })).toBe(2);
    expect(await bound.probe(actor)).toBe(0);
    expect(calls).toEqual([
      [ctx, 'registry', actor, { n: 2 }],
      [ctx, 'registry', actor, undefined],
    ]);
  });

  it('core binds each area once, on first use, and a core in a transaction binds its own', () => {
    const core = createCore({ db: database.db });
    expect(core.giving).toBe(core.giving);
    expect(Object.keys(core)).toEqual(expect.arrayContaining(['centers', 'giving', 'approvals', 'security']));
    const inTx = coreInTransaction(core, database.db as unknown as Tx);
    expect(inTx.giving).not.toBe(core.giving);
    expect(inTx.giving).toBe(inTx.giving);
  });

  it('a wrong input from an untyped caller still fails with the DomainError of the schema', async () => {
    const core = createCore({ db: database.db });
    // @ts-expect-error -- what a form could send: the schema, not the type, must refuse it
    await expect(core.centers.issueLicense(actor, { centerId: 42 })).rejects.toMatchObject({ name: 'DomainError', code: 'VALIDATION' });
    // @ts-expect-error -- likewise a missing decision
    await expect(core.approvals.decide(actor, { requestId: 'r' })).rejects.toMatchObject({ name: 'DomainError', code: 'VALIDATION' });
  });
});
