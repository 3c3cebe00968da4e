import pino, { type Logger } from 'pino';
import type { Config } from '../config';

export type { Logger };

/** JSON logs to stdout; secrets are redacted wherever they appear in logged objects. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: {
      paths: ['*.password', '*.apiKey', '*.token', '*.visitorToken', 'req.headers.cookie', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}
