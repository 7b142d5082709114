/** A `Field:  123 kB` line of a /proc file (status, smaps_rollup), in kB. */
import { readFileSync } from 'node:fs';

export function procKb(file: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`no ${field} in ${file}`);
  return Number(m[1]);
}
