/**
 * What the statements use-cases share: the center a statement belongs to (its Sandogh
 * account, its policy scope), the Tehran day of an instant, and the input fields of a file.
 */
import { z } from 'zod';
import type { Center } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../context.ts';
import type { Db } from '../../prisma/client.ts';
import { DomainError } from '../errors.ts';
import { id } from '../input/schemas.ts';
import { normalizeText } from '../input/normalize.ts';
import { authorize, type Action } from '../policy.ts';
import { centerScope } from '../giving/shared.ts';
import { EXAMPLE_PRESETS, isExamplePresetId } from './example-presets.ts';
import { statementMapping, type StatementMapping } from './mapping.ts';

const DAY_MS = 86_400_000;
/**
 * Tehran is UTC+03:30 all year since 2022 (no more summer time). A gift reported from an
 * older summer may land an hour off near midnight: well inside the matching window.
 */
const TEHRAN_OFFSET_MS = 210 * 60_000;

/** The Tehran calendar day of an instant, as days since 1970-01-01. */
export function tehranDay(at: Date): number {
  return Math.floor((at.getTime() + TEHRAN_OFFSET_MS) / DAY_MS);
}

/** The first instant of a Tehran day. */
export function tehranDayStart(day: number): Date {
  return new Date(day * DAY_MS - TEHRAN_OFFSET_MS);
}

/** The uploaded file and how to read it: a saved or example layout, or one given in full. */
export const statementFileInput = {
  centerId: id,
  fileName: z
    .string({ message: 'VALIDATION' })
    .transform((s) => normalizeText(s).slice(0, 200) || 'statement'),
  file: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'STATEMENT_FILE_EMPTY' }).refine((b) => b.length > 0, { message: 'STATEMENT_FILE_EMPTY' }),
  presetId: z.string({ message: 'VALIDATION' }).max(64, { message: 'VALIDATION' }).optional().transform((v) => v || undefined),
  mapping: statementMapping.optional(),
};

/** The center of a statement, checked: the actor may work its statements, and it has its Sandogh account. */
export async function statementCenter(db: Tx | Db, actor: Actor, centerId: string, action: Action = 'statement.import'): Promise<Center & { sandoghAccountNo: string }> {
  const center = await db.center.findUnique({ where: { id: centerId } });
  if (!center) throw new DomainError('NOT_FOUND', { entity: 'Center' });
  authorize(actor, action, centerScope(center));
  if (!center.sandoghAccountNo) throw new DomainError('CENTER_HAS_NO_SANDOGH_ACCOUNT');
  return { ...center, sandoghAccountNo: center.sandoghAccountNo };
}

/** The layout to read a file with, and the name it is known by. */
export async function layoutOf(db: Tx | Db, input: { presetId?: string | undefined; mapping?: StatementMapping | undefined }): Promise<{ name: string; mapping: StatementMapping } | null> {
  if (input.mapping) return { name: '—', mapping: input.mapping };
  if (!input.presetId) return null;
  if (isExamplePresetId(input.presetId)) {
    const example = EXAMPLE_PRESETS.find((p) => p.id === input.presetId);
    if (!example) throw new DomainError('NOT_FOUND', { entity: 'StatementPreset', field: 'presetId' });
    return { name: example.name, mapping: example.mapping };
  }
  const preset = await db.statementPreset.findUnique({ where: { id: input.presetId } });
  if (!preset) throw new DomainError('NOT_FOUND', { entity: 'StatementPreset', field: 'presetId' });
  const parsed = statementMapping.safeParse(preset.mapping);
  if (!parsed.success) throw new DomainError('STATEMENT_LAYOUT_REQUIRED', { field: 'presetId' });
  return { name: preset.name, mapping: parsed.data };
}
