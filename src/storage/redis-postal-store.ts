import { randomInt } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  isFinalStatus,
  type MoveResult,
  type NewPostalRequest,
  newPostalCode,
  POSTAL_NEXT,
  type PostalBook,
  type PostalRequest,
  type PostalStatus,
  postalRequestSchema,
} from '../core/postal';
import { parseStored } from '../core/state';
import type { UserRef } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

// Compare-and-set on the status: the record changes only if no one moved it since it was read.
const SET_IF_STATUS = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
if cjson.decode(raw).status ~= ARGV[1] then return -1 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;

type Scripted = Redis & {
  dvcPostalMove(key: string, expected: string, next: string, ttl: number): Promise<number>;
};

/**
 * Postal requests: the record (`postal:<code>`, JSON, expiring `retentionDays` after its last change),
 * an index by creation time, and each resident's codes (deleted with their data). Index entries whose
 * record has expired are dropped when they are next read.
 */
export class RedisPostalStore implements PostalBook {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly retentionDays: number,
  ) {
    this.keys = keys(prefix);
    if (!('dvcPostalMove' in redis))
      redis.defineCommand('dvcPostalMove', { numberOfKeys: 1, lua: SET_IF_STATUS });
  }

  private get ttl(): number {
    return this.retentionDays * 86_400;
  }

  async create(input: NewPostalRequest, now: number): Promise<PostalRequest> {
    for (;;) {
      const request = postalRequestSchema.parse({
        ...input,
        code: newPostalCode(randomInt),
        status: 'moi',
        createdAt: now,
        history: [{ status: 'moi', at: now }],
      });
      const key = this.keys.postal(request.code);
      // A code already in use (1 in ~900,000) is drawn again.
      if (!(await this.redis.set(key, JSON.stringify(request), 'EX', this.ttl, 'NX'))) continue;
      await this.redis
        .multi()
        .zadd(this.keys.postalIndex(), now, request.code)
        .sadd(this.keys.postalOfUser(request.user), request.code)
        .exec();
      return request;
    }
  }

  async get(code: string): Promise<PostalRequest | undefined> {
    return parseStored(postalRequestSchema, await this.redis.get(this.keys.postal(code)));
  }

  async move(code: string, to: PostalStatus, now: number, by: string, reason?: string): Promise<MoveResult> {
    const current = await this.get(code);
    if (!current) return { ok: false, reason: 'unknown' };
    if (!POSTAL_NEXT[current.status].includes(to))
      return { ok: false, reason: 'not-allowed', request: current };
    const next: PostalRequest = {
      ...current,
      status: to,
      history: [...current.history, { status: to, at: now, by, ...(reason ? { reason } : {}) }].slice(-20),
    };
    const done = await (this.redis as Scripted).dvcPostalMove(
      this.keys.postal(code),
      current.status,
      JSON.stringify(postalRequestSchema.parse(next)),
      this.ttl,
    );
    if (done === 1) return { ok: true, request: next };
    // Someone else moved it in between: say what it is now.
    const now2 = await this.get(code);
    return now2 ? { ok: false, reason: 'not-allowed', request: now2 } : { ok: false, reason: 'unknown' };
  }

  async list(filter: { open?: boolean; limit: number }): Promise<PostalRequest[]> {
    const out: PostalRequest[] = [];
    let offset = 0;
    const page = 200;
    while (out.length < filter.limit) {
      const codes = await this.redis.zrevrange(this.keys.postalIndex(), offset, offset + page - 1);
      if (codes.length === 0) break;
      offset += codes.length;
      const requests = await this.read(codes);
      for (const r of requests) {
        if (filter.open && isFinalStatus(r.status)) continue;
        out.push(r);
        if (out.length >= filter.limit) break;
      }
    }
    return out;
  }

  async ofUser(user: UserRef): Promise<PostalRequest[]> {
    const codes = await this.redis.smembers(this.keys.postalOfUser(user));
    const requests = await this.read(codes, this.keys.postalOfUser(user));
    return requests.sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Every request of a resident, deleted (with their data). */
  async deleteAll(user: UserRef): Promise<void> {
    const codes = await this.redis.smembers(this.keys.postalOfUser(user));
    if (codes.length === 0) return;
    await this.redis
      .multi()
      .del(...codes.map((c) => this.keys.postal(c)))
      .zrem(this.keys.postalIndex(), ...codes)
      .del(this.keys.postalOfUser(user))
      .exec();
  }

  /** The records of these codes; codes whose record expired are dropped from the index (and `alsoFrom`). */
  private async read(codes: readonly string[], alsoFrom?: string): Promise<PostalRequest[]> {
    if (codes.length === 0) return [];
    const raws = await this.redis.mget(...codes.map((c) => this.keys.postal(c)));
    const gone = codes.filter((_, i) => raws[i] === null);
    if (gone.length > 0) {
      const m = this.redis.multi().zrem(this.keys.postalIndex(), ...gone);
      if (alsoFrom) m.srem(alsoFrom, ...gone);
      await m.exec();
    }
    return raws.flatMap((raw) => {
      const r = parseStored(postalRequestSchema, raw);
      return r ? [r] : [];
    });
  }
}
