/**
 * What a login needs to upload a statement: the layouts to read it with (the banks' saved
 * presets, and the shipped examples marked so) and the centers whose statements it works --
 * its own center for a trustee, its county's or the province's for staff, each with a
 * Sandogh account and not read-only to it. Reads only.
 */
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { centerScope } from '../giving/shared.ts';
import { authorize, can } from '../policy.ts';
import { EXAMPLE_PRESETS } from './example-presets.ts';
import { statementMapping, type StatementMapping } from './mapping.ts';
import { roleScope } from './role-scope.ts';

export interface StatementLayout {
  id: string;
  name: string;
  example: boolean;
  mapping: StatementMapping;
}

export interface StatementSetup {
  layouts: StatementLayout[];
  centers: { id: string; name: string; accountNo: string }[];
}

export async function getStatementSetup(ctx: Ctx, actor: Actor): Promise<StatementSetup> {
  authorize(actor, 'statement.import', roleScope(actor));
  const db = ctx.tx ?? ctx.db;
  const saved = await db.statementPreset.findMany({ orderBy: { name: 'asc' } });
  const area =
    actor.kind === 'trustee' ? { id: actor.centerId } : actor.kind === 'staff' && actor.role === 'COUNTY_STAFF' ? { countyId: actor.countyId ?? '' } : {};
  const centers = await db.center.findMany({
    where: { ...area, sandoghAccountNo: { not: null } },
    select: { id: true, name: true, countyId: true, licenseState: true, sandoghAccountNo: true },
    orderBy: { name: 'asc' },
  });
  return {
    layouts: [
      ...saved.flatMap((p) => {
        const m = statementMapping.safeParse(p.mapping);
        return m.success ? [{ id: p.id, name: p.name, example: false, mapping: m.data }] : [];
      }),
      ...EXAMPLE_PRESETS.map((p) => ({ id: p.id, name: p.name, example: true, mapping: p.mapping })),
    ],
    centers: centers.filter((c) => can(actor, 'statement.import', centerScope(c))).map((c) => ({ id: c.id, name: c.name, accountNo: c.sandoghAccountNo! })),
  };
}
