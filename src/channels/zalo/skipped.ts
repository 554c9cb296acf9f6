import { ZALO_MESSAGE_EVENTS } from './inbound';

/** A log line shows at most this many of a body's keys, each cut to KEY_LENGTH characters. */
const MAX_KEYS = 20;
const KEY_LENGTH = 40;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const keysOf = (v: Record<string, unknown>): string[] =>
  Object.keys(v)
    .slice(0, MAX_KEYS)
    .map((k) => k.slice(0, KEY_LENGTH));

/**
 * What a log line may show of a body the bot did not act on: its top-level keys (and its `result`'s, when
 * wrapped), never a value (a message may hold a resident's name or words).
 */
export function bodyKeys(raw: unknown): { keys: string[] | string; resultKeys?: string[] } {
  if (!isRecord(raw)) return { keys: Array.isArray(raw) ? 'array' : raw === null ? 'null' : typeof raw };
  const result = raw.result;
  return { keys: keysOf(raw), ...(isRecord(result) ? { resultKeys: keysOf(result) } : {}) };
}

/** `unknown-event:<name>`, the name kept to a safe, short counter name. */
export const unknownEvent = (name: string): string =>
  `unknown-event:${name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60)}`;

const KNOWN: ReadonlySet<string> = new Set(ZALO_MESSAGE_EVENTS);

/**
 * Why an (unwrapped) body is not a message update the bot can read, as a counter name: `probe` (an empty
 * object: setWebhook's check of the URL sends an undocumented body), `empty` (no body), `not-an-object`, `no-event-name`,
 * `unknown-event:<name>` (the docs make `message` optional: other events exist), `no-message`, or
 * `bad-message` (a message event whose message lacks what the bot needs).
 */
export function skipReason(body: unknown): string {
  if (body === undefined) return 'empty';
  if (!isRecord(body)) return 'not-an-object';
  if (Object.keys(body).length === 0) return 'probe';
  const name = body.event_name;
  if (typeof name !== 'string' || name === '') return 'no-event-name';
  if (!KNOWN.has(name)) return unknownEvent(name);
  if (body.message === undefined || body.message === null) return 'no-message';
  return 'bad-message';
}
