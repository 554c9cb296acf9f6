import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type Reminder, reminderSchema } from '../core/reminder';
import { parseStored } from '../core/state';
import { parseUserKey, type UserRef, userKey } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

/**
 * The records are the truth about reminders (ARCHITECTURE §6): `rem:<id>` holds one reminder, a set per
 * resident lists their ids, and `rem-due` orders the pending ones by time for reconciliation. Every change
 * is one script, so a record and its place in `rem-due` never disagree.
 *
 * The scripts build `rem:<id>` keys from the prefix they are given (single Redis, not Cluster-safe).
 */

// KEYS: user set, due; ARGV: prefix, id, record JSON, at, max pending, forget-before (ms)
const ADD = `
local pending = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local raw = redis.call('GET', ARGV[1] .. id)
  if not raw then
    redis.call('SREM', KEYS[1], id)
  else
    local r = cjson.decode(raw)
    if r.s == 'p' then
      pending = pending + 1
    elseif r.a < tonumber(ARGV[6]) then
      redis.call('DEL', ARGV[1] .. id)
      redis.call('SREM', KEYS[1], id)
    end
  end
end
if pending >= tonumber(ARGV[5]) then return 0 end
redis.call('SET', ARGV[1] .. ARGV[2], ARGV[3])
redis.call('SADD', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[2])
return 1
`;

// KEYS: record, due; ARGV: prefix, owner ('' = any), allowed statuses (letters), expected at ('' = any),
// new status, new at ('' = same), max pending when reviving, id. A reminder revived to pending counts
// its owner's pending ones first (their set is named from the owner in the record).
const MOVE = `
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local r = cjson.decode(raw)
if ARGV[2] ~= '' and ARGV[2] ~= r.u then return false end
if not string.find(ARGV[3], r.s, 1, true) then return false end
if ARGV[4] ~= '' and tostring(r.a) ~= ARGV[4] and r.a ~= tonumber(ARGV[4]) then return false end
if ARGV[5] == 'p' and r.s ~= 'p' then
  local pending = 0
  for _, id in ipairs(redis.call('SMEMBERS', ARGV[9] .. r.u)) do
    local other = redis.call('GET', ARGV[1] .. id)
    if other and cjson.decode(other).s == 'p' then pending = pending + 1 end
  end
  if pending >= tonumber(ARGV[7]) then return false end
end
r.s = ARGV[5]
if ARGV[6] ~= '' then r.a = tonumber(ARGV[6]) end
local out = cjson.encode(r)
redis.call('SET', KEYS[1], out)
if r.s == 'p' then
  redis.call('ZADD', KEYS[2], r.a, ARGV[8])
else
  redis.call('ZREM', KEYS[2], ARGV[8])
end
return out
`;

/** Deletes every reminder of a resident (with their data); KEYS: user set, due; ARGV: prefix. */
export const DROP_REMINDERS = `
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  redis.call('DEL', ARGV[1] .. id)
  redis.call('ZREM', KEYS[2], id)
end
redis.call('DEL', KEYS[1])
return 1
`;

// KEYS: record, due; ARGV: id. Only while the record is gone or finished (a snooze may revive it meanwhile).
const DROP_DUE = `
local raw = redis.call('GET', KEYS[1])
if raw and cjson.decode(raw).s == 'p' then return 0 end
return redis.call('ZREM', KEYS[2], ARGV[1])
`;

/**
 * A reminder as stored: short field names, the id only in the key, the owner as `channel:id`, the
 * language only when not Vietnamese (with 100,000 reminders every byte counts: BENCHMARKS.md).
 */
const storedSchema = z.object({
  u: z.string(),
  t: z.string(),
  a: z.number(),
  s: z.enum(['p', 's', 'f', 'c']),
  /** the language, when not Vietnamese */
  l: z.string().optional(),
});
const STATUS = { pending: 'p', sent: 's', failed: 'f', cancelled: 'c' } as const;
const STATUS_OF = { p: 'pending', s: 'sent', f: 'failed', c: 'cancelled' } as const;

function encode(r: Reminder): string {
  return JSON.stringify({
    u: userKey(r.user),
    t: r.text,
    a: r.at,
    s: STATUS[r.status],
    ...(r.locale === 'vi' ? {} : { l: r.locale }),
  });
}

function decode(id: string, raw: string | null | undefined): Reminder | undefined {
  const stored = parseStored(storedSchema, raw);
  const user = stored ? parseUserKey(stored.u) : undefined;
  if (!stored || !user) return undefined;
  const parsed = reminderSchema.safeParse({
    id,
    user,
    text: stored.t,
    at: stored.a,
    status: STATUS_OF[stored.s],
    locale: stored.l ?? 'vi',
  });
  return parsed.success ? parsed.data : undefined;
}

type ScriptedRedis = Redis & {
  dvcReminderAdd(...args: (string | number)[]): Promise<number>;
  dvcReminderMove(...args: (string | number)[]): Promise<string | null>;
  dvcReminderDrop(...args: (string | number)[]): Promise<number>;
  dvcReminderDropDue(...args: (string | number)[]): Promise<number>;
};

/** Finished reminders (sent, failed, cancelled) are kept this long for «nhắc lại» and then forgotten. */
const KEEP_FINISHED_MS = 30 * 24 * 60 * 60 * 1000;

export type ReminderMove =
  | { readonly to: 'sent' | 'failed'; readonly expectAt: number }
  | { readonly to: 'cancelled'; readonly owner: UserRef }
  | { readonly to: 'pending'; readonly owner: UserRef; readonly at: number; readonly maxPending: number };

export class RedisReminderStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
    if (!('dvcReminderAdd' in redis)) {
      redis.defineCommand('dvcReminderAdd', { numberOfKeys: 2, lua: ADD });
      redis.defineCommand('dvcReminderMove', { numberOfKeys: 2, lua: MOVE });
      redis.defineCommand('dvcReminderDrop', { numberOfKeys: 2, lua: DROP_REMINDERS });
      redis.defineCommand('dvcReminderDropDue', { numberOfKeys: 2, lua: DROP_DUE });
    }
  }

  private get scripted(): ScriptedRedis {
    return this.redis as ScriptedRedis;
  }

  /** false when the resident already has `maxPending` pending reminders */
  async add(reminder: Reminder, maxPending: number, now: number): Promise<boolean> {
    const added = await this.scripted.dvcReminderAdd(
      this.keys.reminders(reminder.user),
      this.keys.remindersDue(),
      this.keys.reminder(''),
      reminder.id,
      encode(reminder),
      reminder.at,
      maxPending,
      now - KEEP_FINISHED_MS,
    );
    return added === 1;
  }

  async get(id: string): Promise<Reminder | undefined> {
    return decode(id, await this.redis.get(this.keys.reminder(id)));
  }

  async ofUser(user: UserRef): Promise<Reminder[]> {
    const ids = await this.redis.smembers(this.keys.reminders(user));
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.keys.reminder(id)));
    return raws
      .map((raw, i) => decode(ids[i]!, raw))
      .filter((r): r is Reminder => r !== undefined && userKey(r.user) === userKey(user));
  }

  /** Changes the status (and time); undefined when the record is missing, not theirs, or not in a state that allows it. */
  async move(id: string, move: ReminderMove): Promise<Reminder | undefined> {
    const from = move.to === 'pending' ? 'psf' : move.to === 'failed' ? 'ps' : 'p';
    const owner = 'owner' in move ? userKey(move.owner) : '';
    const out = await this.scripted.dvcReminderMove(
      this.keys.reminder(id),
      this.keys.remindersDue(),
      this.keys.reminder(''),
      owner,
      from,
      'expectAt' in move ? String(move.expectAt) : '',
      STATUS[move.to],
      move.to === 'pending' ? String(move.at) : '',
      move.to === 'pending' ? move.maxPending : 0,
      id,
      this.keys.remindersOf(''),
    );
    return decode(id, out);
  }

  /** Pending reminder ids with their time, in pages (reconciliation). */
  async *due(pageSize = 1000): AsyncGenerator<{ id: string; at: number }[]> {
    let offset = 0;
    const key = this.keys.remindersDue();
    for (;;) {
      const page = await this.redis.zrange(key, offset, offset + pageSize - 1, 'WITHSCORES');
      if (page.length === 0) return;
      const out: { id: string; at: number }[] = [];
      for (let i = 0; i + 1 < page.length; i += 2) out.push({ id: page[i]!, at: Number(page[i + 1]) });
      yield out;
      offset += out.length;
    }
  }

  /** a `rem-due` entry whose record is gone or no longer pending */
  async dropDue(id: string): Promise<void> {
    await this.scripted.dvcReminderDropDue(this.keys.reminder(id), this.keys.remindersDue(), id);
  }

  async deleteAll(user: UserRef): Promise<void> {
    await this.scripted.dvcReminderDrop(
      this.keys.reminders(user),
      this.keys.remindersDue(),
      this.keys.reminder(''),
    );
  }
}
