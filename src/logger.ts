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

const MAX_DEPTH = 6;

/**
 * An Error as a plain object: type, message, stack, cause and its own fields. Done here because the
 * masking hook runs before pino's error serializer, which would otherwise only see `{}`.
 */
function serializeError(err: Error, depth: number, seen: Set<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: err.constructor?.name || err.name,
    message: err.message,
    stack: err.stack,
  };
  for (const [k, v] of Object.entries(err)) {
    if (!(k in out)) out[k] = v;
  }
  if (err.cause !== undefined) out.cause = err.cause;
  if (err instanceof AggregateError) out.aggregateErrors = err.errors;
  const masked: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(out)) masked[k] = maskDeep(v, depth + 1, seen);
  return masked;
}

/** Masks phone/ID numbers and tokens inside any string of a log record, however deep (errors too). */
function maskDeep(value: unknown, depth = 0, seen = new Set<object>()): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (value instanceof Error) return serializeError(value, depth, seen);
    if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * The log call's arguments with every string masked. When no message is given, pino takes the
 * message of an error (first argument or `err` field) as is: give it the masked message instead.
 */
function maskArguments(args: unknown[]): unknown[] {
  const masked = args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a));
  const [first] = masked;
  if (masked.length === 1 && first && typeof first === 'object') {
    const err = first instanceof Error ? first : (first as { err?: unknown }).err;
    const hasMsg = 'msg' in first && (first as { msg?: unknown }).msg !== undefined;
    if (err instanceof Error && !hasMsg) masked.push(maskPersonalNumbers(err.message));
  }
  return masked;
}

/** Logs go to stderr, so that command-line tools keep stdout for their output. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'tro-ly-dvc' },
      redact: { paths: REDACT, censor: '[redacted]' },
      // Errors are already plain objects here (see maskDeep); pino's serializer would retype them "Object".
      serializers: { err: (value: unknown) => value },
      formatters: { log: (record) => maskDeep(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, maskArguments(args) as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination(2),
  );
}
