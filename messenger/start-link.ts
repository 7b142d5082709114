/**
 * The deep link that opens the bot at one center: `/start c_<activity code>`. The bot reads
 * it (bot/features/start.ts) and the panel prints it on the center's poster as
 * `https://t.me/<bot>?start=c_<code>` (Bale: `https://ble.ir/<bot>?start=…`), so both sides
 * share one definition here. The messengers pass a start parameter only when it is at most
 * 64 characters of A-Z, a-z, 0-9, _ and -.
 */
import type { Platform } from './platform.ts';

const CENTER_PREFIX = 'c_';
const START_PARAMETER = /^[A-Za-z0-9_-]{1,64}$/;
const CENTER_PAYLOAD = /^c_([A-Za-z0-9_-]{1,62})$/;

/** The messengers whose bots a person can open by a link (the playground has no public address). */
export type LinkablePlatform = Exclude<Platform, 'PLAYGROUND'>;

const LINK_HOST: Record<LinkablePlatform, string> = {
  TELEGRAM: 'https://t.me',
  BALE: 'https://ble.ir',
};

/** `c_<code>`, or null when the code cannot travel as a start parameter. */
export function centerStartPayload(activityCode: string): string | null {
  const payload = `${CENTER_PREFIX}${activityCode}`;
  return START_PARAMETER.test(payload) ? payload : null;
}

/** The activity code in a /start payload, or null when it is no center link. */
export function centerCodeOfStartPayload(payload: string): string | null {
  return CENTER_PAYLOAD.exec(payload.trim())?.[1] ?? null;
}

/** `https://t.me/<bot>?start=<payload>` (or ble.ir); the username without its @. */
export function botStartUrl(platform: LinkablePlatform, username: string, payload: string): string {
  return `${LINK_HOST[platform]}/${encodeURIComponent(username)}?start=${encodeURIComponent(payload)}`;
}

/** A bot username as the messengers allow it (5–32 of A-Z, a-z, 0-9 and _, starting with a letter). */
export const BOT_USERNAME = /^[A-Za-z][A-Za-z0-9_]{4,31}$/;
