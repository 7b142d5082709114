/** One-time link codes: 10 digits (easy to type on a phone, in any script), stored only as SHA-256. */
import { createHash, randomInt } from 'node:crypto';

export const LINK_CODE_LENGTH = 10;

export function newLinkCode(): string {
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) code += String(randomInt(10));
  return code;
}

export function hashLinkCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
