/**
 * Keeps a bank's column layout under a name, so the next upload from that bank is one
 * choice instead of eight. Presets serve every center (an internet bank's export looks the
 * same for all its accounts); a name is taken once.
 */
import { z } from 'zod';
import type { StatementPreset } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { EXAMPLE_PRESETS } from './example-presets.ts';
import { statementMapping } from './mapping.ts';
import { roleScope } from './role-scope.ts';

export const saveStatementPresetInput = z.object({
  name: text(100),
  mapping: statementMapping,
});
export type SaveStatementPresetInput = z.input<typeof saveStatementPresetInput>;

export async function saveStatementPreset(ctx: Ctx, actor: Actor, raw: SaveStatementPresetInput): Promise<StatementPreset> {
  const input = parseInput(saveStatementPresetInput, raw);
  authorize(actor, 'statement.import', roleScope(actor));
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `statement-preset:${input.name}`);
    const taken = EXAMPLE_PRESETS.some((p) => p.name === input.name) || (await tx.statementPreset.findUnique({ where: { name: input.name }, select: { id: true } }));
    if (taken) throw new DomainError('STATEMENT_PRESET_NAME_TAKEN', { field: 'name' });
    const preset = await tx.statementPreset.create({ data: { name: input.name, mapping: input.mapping } });
    await audit(tx, actor, { action: 'statement.savePreset', entity: 'StatementPreset', entityId: preset.id, after: { name: preset.name, mapping: input.mapping } });
    return preset;
  });
}
