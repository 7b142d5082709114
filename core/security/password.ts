/**
 * Password hashing for admin panel logins, with node:crypto's scrypt only (no native or npm
 * dependency). Stored format, one string per StaffUser.passwordHash:
 *
 *   scrypt$N$r$p$saltB64$hashB64
 *
 * The parameters travel with the hash, so they can be raised later without breaking stored
 * hashes (verifyPassword reads them back; needsRehash can be added when they change).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
/** Upper bound on the memory a stored hash may ask for (128 * N * r bytes), so a forged hash
 * cannot make verification burn memory. */
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(plain: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(plain, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 2 * 128 * N * R + 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong password and for a malformed or foreign hash string; never throws on input. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map((v) => (/^[0-9]{1,8}$/.test(v ?? '') ? Number(v) : NaN)) as [number, number, number];
  if (!(n >= 2 && (n & (n - 1)) === 0 && r >= 1 && p >= 1 && p <= 16 && 128 * n * r <= MAX_MEMORY)) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length < 16) return false;
  let actual: Buffer;
  try {
    actual = await derive(plain, salt, expected.length, { N: n, r, p, maxmem: 2 * 128 * n * r + 1024 * 1024 });
  } catch {
    return false;
  }
  return timingSafeEqual(actual, expected);
}
