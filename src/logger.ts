import pino, { type DestinationStream, type Logger } from 'pino';
import { maskPersonalNumbers } from './core/privacy';

export type { Logger } from 'pino';

/** Field names whose values never reach a log line. */
const REDACT = [
  'token',
  '*.token',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'otp',
  '*.otp',
  'phone',
  '*.phone',
  'idNumber',
  '*.idNumber',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-bot-api-secret-token"]',
  'req.headers.cookie',
  'headers.cookie',
];

/** Masks phone/ID numbers and tokens inside any string of a log record, however deep. */
function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/** Logs go to stderr, so that command-line tools keep stdout for their output. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'tro-ly-dvc' },
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { log: (record) => maskDeep(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a)) as Parameters<
              typeof method
            >,
          );
        },
      },
    },
    destination ?? pino.destination(2),
  );
}
