/** The logger every part may import: it depends on nothing of ours (main.ts hands it config.ts's two settings). */
import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerSettings {
  env: 'development' | 'production' | 'test';
  logLevel: string;
}

/** JSON logs, except in development where they are made readable. */
export function createLogger(config: LoggerSettings): Logger {
  const pretty = config.env === 'development';
  return pino({
    level: config.env === 'test' ? 'silent' : config.logLevel,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  });
}
