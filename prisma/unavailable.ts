/**
 * Whether an error means "the database could not do it now" (unreachable, connection cut,
 * pool or server out of connections, a timeout, a write conflict) rather than "this request
 * is wrong". The first kind is worth trying again unchanged once the database is back; the
 * second never is. Errors arrive wrapped several ways (pg, adapter-pg's DriverAdapterError,
 * Prisma's client errors), so the whole chain of causes is looked at.
 */

/** Node socket errors and PostgreSQL SQLSTATEs of connections, resources and conflicts. */
const CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', // admin shutdown, crash shutdown, cannot connect now
  '53300', '53400', // too many connections, configuration limit
  '40001', '40P01', // serialization failure, deadlock
  '55P03', // lock not available
  // Prisma: cannot reach, timed out, server closed, pool timeout, transaction API (maxWait/timeout), write conflict
  'P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034',
]);
/** adapter-pg's DriverAdapterError kinds of the same. */
const KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'TooManyConnections', 'SocketTimeout', 'TransactionWriteConflict', 'TransactionAlreadyClosed']);
/**
 * Said in words only (pg), or in words once the code is gone: Prisma names a raw query's
 * SQLSTATE only inside its message, and a conversation hands on a copy of an error without
 * its code -- a deadlock or a serialization failure must still read as "try again".
 */
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection (is )?closed/i,
  /server closed the connection/i,
  /the database system is (starting up|shutting down)/i,
  /deadlock detected/i,
  /could not serialize access/i,
  /write conflict or a deadlock/i,
  /could not obtain lock/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const x = e as { code?: unknown; kind?: unknown; message?: unknown; name?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown; cause?: unknown } };
    if (typeof x.code === 'string' && CODES.has(x.code)) return true;
    if (typeof x.kind === 'string' && KINDS.has(x.kind)) return true;
    if (x.kind === 'postgres' && typeof (x as { code?: unknown }).code === 'string' && CODES.has((x as { code: string }).code)) return true;
    if (x.name === 'FrameTimeoutError' || x.name === 'DatabaseUnavailableError') return true;
    if (typeof x.message === 'string' && MESSAGES.some((m) => m.test(x.message as string))) return true;
    queue.push(x.cause, x.meta?.driverAdapterError, x.meta?.cause);
  }
  return false;
}

/** Thrown on purpose (tests inject it into the embedded database's adapter) to stand for an outage. */
export class DatabaseUnavailableError extends Error {
  constructor(message = 'the database is unavailable') {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}
