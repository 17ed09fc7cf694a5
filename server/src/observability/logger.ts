import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * JSON lines on stdout (or `destination`, for tests). Logs name who asked and what,
 * never what was said: no tokens, headers, variables or personal data. Paths that
 * could hold them are redacted in case a caller logs an object that has them.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'gridscope' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'token',
          'authorization',
          '*.authorization',
          'headers',
          '*.headers',
          'variables',
          '*.variables',
          'password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
