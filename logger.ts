/** The logger every part may import: it depends on nothing of ours (main.ts hands it config.ts's two settings). */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerSettings {
  env: 'development' | 'production' | 'test';
  logLevel: string;
}

/** JSON logs, except in development where they are made readable. */
export function createLogger(config: LoggerSettings): Logger {
  const level = config.env === 'test' ? 'silent' : config.logLevel;
  if (config.env !== 'development') return pino({ level });
  return pino({ level }, prettyStream());
}

/**
 * pino-pretty in this thread, writing synchronously: as a transport it runs in a worker thread,
 * a second V8 isolate of about 15 MB for a developer's console. Required only here, because
 * it is a development dependency the production image does not install.
 */
function prettyStream(): DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
  return pretty({ translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', sync: true });
}
