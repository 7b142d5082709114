/**
 * Sessions and conversation state as BotSession rows, keyed by platform and
 * `<kind>:<botId>:<chat>`, read and written in the update's transaction (so
 * they commit or roll back with the update, and a restart resumes them).
 */
import type { VersionedState, VersionedStateStorage } from '@grammyjs/conversations';
import type { StorageAdapter } from 'grammy';
import type { Prisma } from '../prisma/generated/client/client.ts';
import type { PlatformName } from './platform.ts';
import { currentTx } from './update-unit.ts';

export class BotSessionStorage<T> implements StorageAdapter<T> {
  readonly #platform: PlatformName;
  constructor(platform: PlatformName) {
    this.#platform = platform;
  }

  async read(key: string): Promise<T | undefined> {
    const row = await currentTx().botSession.findUnique({
      where: { platform_key: { platform: this.#platform, key } },
      select: { value: true },
    });
    return row ? (row.value as T) : undefined;
  }

  async write(key: string, value: T): Promise<void> {
    const json = value as Prisma.InputJsonValue;
    await currentTx().botSession.upsert({
      where: { platform_key: { platform: this.#platform, key } },
      create: { platform: this.#platform, key, value: json },
      update: { value: json },
    });
  }

  async delete(key: string): Promise<void> {
    await currentTx().botSession.deleteMany({ where: { platform: this.#platform, key } });
  }
}

/** The same rows, in the shape the conversations plugin stores (versioned state). */
export function conversationStorage<S>(platform: PlatformName): VersionedStateStorage<string, S> {
  const rows = new BotSessionStorage<VersionedState<S>>(platform);
  return { read: (k) => rows.read(k), write: (k, v) => rows.write(k, v), delete: (k) => rows.delete(k) };
}
