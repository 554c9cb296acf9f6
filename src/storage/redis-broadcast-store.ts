import type { Redis } from 'ioredis';
import {
  type Broadcast,
  type BroadcastState,
  broadcastSchema,
  type ChannelTally,
  type Tally,
} from '../core/broadcast';
import { parseStored } from '../core/state';
import { type UserRef, userKey } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

// KEYS: cap set; ARGV: broadcast id, daily maximum, ttl. Allowed when this broadcast already counted
// (a resumed fan-out) or the resident has had fewer than the maximum today.
const TAKE_CAP = `
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
`;

// KEYS: record; ARGV: allowed states (comma list), new state. The record with its new state, or nil.
const MOVE = `
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local b = cjson.decode(raw)
if not string.find(',' .. ARGV[1] .. ',', ',' .. b.state .. ',', 1, true) then return false end
b.state = ARGV[2]
local out = cjson.encode(b)
redis.call('SET', KEYS[1], out)
return out
`;

// KEYS: settled set, tally; ARGV: recipient, tally field, ttl. Counts one outcome per recipient: a message
// reported again (the re-run of a job whose worker died after delivering it) is not counted twice.
const COUNT_ONCE = `
local added = redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
if added == 1 then redis.call('HINCRBY', KEYS[2], ARGV[2], 1) end
local out = redis.call('HGETALL', KEYS[2])
table.insert(out, 1, tostring(added))
return out
`;

type ScriptedRedis = Redis & {
  dvcTakeCap(key: string, id: string, max: number, ttl: number): Promise<number>;
  dvcMoveBroadcast(key: string, from: string, to: string): Promise<string | null>;
  dvcCountOnce(settled: string, tally: string, member: string, field: string, ttl: number): Promise<string[]>;
};

const CAP_TTL_SECONDS = 2 * 24 * 60 * 60;
/** as long as a message's job can run again (the outbox's delivery records) */
const SETTLED_TTL_SECONDS = 7 * 24 * 60 * 60;
const TALLY_FIELDS = ['recipients', 'sent', 'failed', 'blocked', 'capped'] as const;

/**
 * Announcements: the record (`bc:<id>`), its tally (`bc:<id>:tally`: `<channel>:<field>` counters and
 * the progress marks already reported), the set of those awaiting approval, and each resident's daily
 * count (`bc-cap:<channel:id>:<yyyymmdd>`: the ids of the announcements they got that day).
 */
export class RedisBroadcastStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
    if (!('dvcTakeCap' in redis)) {
      redis.defineCommand('dvcTakeCap', { numberOfKeys: 1, lua: TAKE_CAP });
      redis.defineCommand('dvcMoveBroadcast', { numberOfKeys: 1, lua: MOVE });
      redis.defineCommand('dvcCountOnce', { numberOfKeys: 2, lua: COUNT_ONCE });
    }
  }

  private get scripted(): ScriptedRedis {
    return this.redis as ScriptedRedis;
  }

  async save(b: Broadcast): Promise<void> {
    const multi = this.redis.multi().set(this.keys.broadcast(b.id), JSON.stringify(b));
    if (b.state === 'awaiting-approval') multi.sadd(this.keys.broadcastsAwaiting(), b.id);
    await multi.exec();
  }

  async get(id: string): Promise<Broadcast | undefined> {
    return parseStored(broadcastSchema, await this.redis.get(this.keys.broadcast(id)));
  }

  async move(
    id: string,
    from: readonly BroadcastState[],
    to: BroadcastState,
  ): Promise<Broadcast | undefined> {
    const out = await this.scripted.dvcMoveBroadcast(this.keys.broadcast(id), from.join(','), to);
    if (out && to !== 'awaiting-approval') await this.redis.srem(this.keys.broadcastsAwaiting(), id);
    return parseStored(broadcastSchema, out);
  }

  async awaiting(): Promise<Broadcast[]> {
    const ids = await this.redis.smembers(this.keys.broadcastsAwaiting());
    const all = await Promise.all(ids.map((id) => this.get(id)));
    return all.filter((b): b is Broadcast => b?.state === 'awaiting-approval');
  }

  /** One page of a village's listeners on a channel (SSCAN: a resident may appear twice; ids are deduplicated by the job ids). */
  async listeners(
    village: string,
    channel: string,
    cursor: string,
  ): Promise<{ cursor: string; ids: string[] }> {
    const [next, ids] = await this.redis.sscan(
      this.keys.villageMembers(village, channel),
      cursor,
      'COUNT',
      500,
    );
    return { cursor: next, ids };
  }

  async countListeners(village: string, channel: string): Promise<number> {
    return this.redis.scard(this.keys.villageMembers(village, channel));
  }

  /** For each resident of the page: may they get this announcement today (the daily maximum)? */
  async takeCaps(id: string, users: readonly UserRef[], day: string, max: number): Promise<boolean[]> {
    const pipeline = this.redis.pipeline();
    for (const user of users) {
      (pipeline as unknown as ScriptedRedis).dvcTakeCap(
        this.keys.broadcastCap(userKey(user), day),
        id,
        max,
        CAP_TTL_SECONDS,
      );
    }
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, value]) => {
      if (err) throw err;
      return value === 1;
    });
  }

  async setTally(id: string, channel: string, field: 'recipients' | 'capped', value: number): Promise<void> {
    await this.redis.hset(this.keys.broadcastTally(id), `${channel}:${field}`, value);
  }

  /** true the first time (a fan-out run again after a crash says false) */
  async markFannedOut(id: string): Promise<boolean> {
    return (await this.redis.hsetnx(this.keys.broadcastTally(id), 'fanned-out', 1)) === 1;
  }

  /**
   * One recipient's outcome, counted once however often it is reported (the re-run of a job whose
   * worker died after delivering it), and the tally read back in the same round trip (the progress check
   * needs it right after; the outbox calls this once per message).
   */
  async count(
    id: string,
    recipient: UserRef,
    field: 'sent' | 'failed' | 'blocked',
  ): Promise<TallyRead & { readonly counted: boolean }> {
    const flat = await this.scripted.dvcCountOnce(
      this.keys.broadcastSettled(id),
      this.keys.broadcastTally(id),
      userKey(recipient),
      `${recipient.channel}:${field}`,
      SETTLED_TTL_SECONDS,
    );
    const [added, ...fields] = flat;
    const raw: Record<string, string> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) raw[fields[i]!] = fields[i + 1]!;
    return { ...readTally(raw), counted: added === '1' };
  }

  async tally(id: string): Promise<TallyRead> {
    return readTally(await this.redis.hgetall(this.keys.broadcastTally(id)));
  }

  /** true the first time a progress mark (10, 20 … 100) is reached: it is reported once */
  async firstAt(id: string, mark: number): Promise<boolean> {
    return (await this.redis.hsetnx(this.keys.broadcastTally(id), `progress:${mark}`, 1)) === 1;
  }

  /** With a resident's data: their daily counts of the last two days. */
  async forget(user: UserRef, days: readonly string[]): Promise<void> {
    await this.redis.del(...days.map((d) => this.keys.broadcastCap(userKey(user), d)));
  }
}

export interface TallyRead {
  readonly tally: Tally;
  readonly fannedOut: boolean;
  /** progress marks already reported (firstAt has said true for them) */
  readonly reported: ReadonlySet<number>;
}

function readTally(raw: Record<string, string>): TallyRead {
  const channels = new Set(
    Object.keys(raw)
      .filter((k) => k.includes(':') && !k.startsWith('progress'))
      .map((k) => k.split(':')[0]!),
  );
  const tally: Record<string, ChannelTally> = {};
  for (const channel of channels) {
    const get = (field: (typeof TALLY_FIELDS)[number]) => Number(raw[`${channel}:${field}`] ?? 0);
    tally[channel] = {
      recipients: get('recipients'),
      sent: get('sent'),
      failed: get('failed'),
      blocked: get('blocked'),
      capped: get('capped'),
    };
  }
  const reported = new Set(
    Object.keys(raw)
      .filter((k) => k.startsWith('progress:'))
      .map((k) => Number(k.slice('progress:'.length))),
  );
  return { tally, fannedOut: raw['fanned-out'] === '1', reported };
}
