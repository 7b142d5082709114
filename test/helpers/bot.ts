/**
 * The usual start of a bot test file: one licensed center and the bot harness (the real
 * bot on the fake Bot API) over the file's database, made in its beforeAll:
 *
 *   const database = useTestDatabase();
 *   let h: BotHarness;
 *   let center: Center;
 *   beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد جامع' }, fakeClock)));
 */
import type { Clock } from '../../core/context.ts';
import type { Database } from '../../prisma/client.ts';
import type { Center, Prisma } from '../../prisma/generated/client/client.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { createCenter } from '../../fixtures/factories.ts';

export async function botAtCenter(
  database: Database,
  center: Partial<Prisma.CenterUncheckedCreateInput> = {},
  clock?: Clock,
): Promise<{ h: BotHarness; center: Center }> {
  return { center: await createCenter(database.db, center), h: createBotHarness({ database, ...(clock ? { clock } : {}) }) };
}
