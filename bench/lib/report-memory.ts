/**
 * `node --import` this into a server the benchmark starts: on SIGUSR2 it prints one line,
 * `memory {json}`, of where the process's memory is, as V8 and the kernel see it: V8's heap,
 * `external` (ArrayBuffers and WebAssembly memories: PGlite's database engine, Prisma's
 * query compiler), and from /proc/self/smaps_rollup the file-backed pages (Node's own binary
 * and libraries) and the anonymous ones (everything allocated).
 */
import { readFileSync } from 'node:fs';

export interface MemoryReport {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  fileBackedMb: number;
  anonymousMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function smapsKb(field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/smaps_rollup', 'utf8'));
  return m ? Number(m[1]) : 0;
}

process.on('SIGUSR2', () => {
  const usage = process.memoryUsage();
  const anonymousKb = smapsKb('Anonymous');
  const report: MemoryReport = {
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    externalMb: mb(usage.external),
    fileBackedMb: Math.round((smapsKb('Rss') - anonymousKb) / 1024),
    anonymousMb: Math.round(anonymousKb / 1024),
  };
  process.stderr.write(`memory ${JSON.stringify(report)}\n`);
});
