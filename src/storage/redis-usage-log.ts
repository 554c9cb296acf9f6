import { createHmac } from 'node:crypto';
import type { Redis } from 'ioredis';
import { maskPersonalNumbers } from '../core/privacy';
import type { UniqueScope, UsageEvent, UsageLog, UsageSource } from '../core/usage';
import { USAGE_TEXT_MAX } from '../core/usage';
import { dayNumber, expiryOf, lastDayOf } from '../core/usage-days';
import { usageFields } from '../core/usage-fields';
import type { UserRef } from '../core/user';
import { userKey } from '../core/user';
import { vietnamDay } from '../core/vietnam-day';
import type { Logger } from '../logger';
import { RedisUsageReader } from './redis-usage-reader';

/** Distinct question texts kept per day and kind; past it the least asked one goes. */
export const TEXTS_PER_DAY = 300;
/**
 * The questions' texts are the bulk of the statistics (three quarters of a busy year, BENCHMARKS.md):
 * they are kept at most this long (a year's report and a little more), the counts for the retention.
 */
export const TEXT_RETENTION_DAYS = 400;

// A new person (never seen, or not within the retention) adds to `new`; the set of hashes is trimmed
// of people not seen within the retention once a day. Returns 1 for a new person.
const SEEN_SCRIPT = `
local fresh = redis.call('ZADD', KEYS[1], 'NX', ARGV[2], ARGV[1])
if fresh == 1 then
  redis.call('HINCRBY', KEYS[2], 'new', 1)
  redis.call('HINCRBY', KEYS[2], 'new:' .. ARGV[3], 1)
else
  redis.call('ZADD', KEYS[1], 'XX', 'GT', ARGV[2], ARGV[1])
end
if redis.call('SET', KEYS[3], '1', 'NX', 'EX', 90000) then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
end
return fresh`;

const TEXT_SCRIPT = `
redis.call('ZINCRBY', KEYS[1], 1, ARGV[1])
if redis.call('ZCARD', KEYS[1]) > tonumber(ARGV[2]) then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0) end
redis.call('EXPIREAT', KEYS[1], ARGV[3])`;

declare module 'ioredis' {
  interface ChainableCommander {
    usageSeen(
      seen: string,
      day: string,
      trimmed: string,
      who: string,
      dayNo: number,
      channel: string,
      cutoff: number,
    ): this;
    usageText(key: string, text: string, cap: number, expireAt: number): this;
  }
}

export interface UsageLogOptions {
  /** STATS_SALT: people are counted by HMAC(salt, channel:id), never by their id */
  readonly salt: string;
  /** STATS_RETENTION_DAYS: a day's counts and questions are deleted this many days after it */
  readonly retentionDays: number;
  readonly logger: Logger;
  /**
   * The connection reports read on (default: the one events are written on). A year's report reads
   * for a while; on its own connection it neither waits behind residents' turns nor makes them wait.
   */
  readonly reader?: Redis;
}

/** A question as it is kept: masked, one line, lower case, cut short. */
export function keptText(text: string): string {
  // Spaces are joined before masking: «0912  345  678» or a number broken over a line would otherwise
  // pass the mask (one separator between digits) and be stored whole once the spaces were joined.
  const oneLine = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return maskPersonalNumbers(oneLine).toLowerCase().slice(0, USAGE_TEXT_MAX);
}

/**
 * The usage log on Redis (ARCHITECTURE §6, keys under `stats:`): one hash of counters per Vietnamese day,
 * HyperLogLogs of the people of each day and month (overall, per channel, per village), the questions
 * the bot could not answer (masked, capped), and the salted hashes of people seen (for «new»). Every
 * key expires after the retention. An event is one pipeline sent without waiting for its answer.
 */
export class RedisUsageLog extends RedisUsageReader implements UsageLog {
  private lastFailureLog = 0;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly o: UsageLogOptions,
  ) {
    super(o.reader ?? redis, prefix);
    redis.defineCommand('usageSeen', { numberOfKeys: 3, lua: SEEN_SCRIPT });
    redis.defineCommand('usageText', { numberOfKeys: 1, lua: TEXT_SCRIPT });
  }

  /** the person as the statistics know them */
  personHash(user: UserRef): string {
    return createHmac('sha256', this.o.salt).update(userKey(user)).digest('base64url').slice(0, 22);
  }

  record(event: UsageEvent, at: number, by?: UsageSource): void {
    try {
      this.send(event, at, by);
    } catch (err) {
      this.failed(err);
    }
  }

  private send(event: UsageEvent, at: number, by: UsageSource | undefined): void {
    const day = vietnamDay(at);
    const month = day.slice(0, 6);
    const dayExpiry = expiryOf(day, this.o.retentionDays);
    const monthExpiry = expiryOf(lastDayOf(month), this.o.retentionDays);
    const channel = by?.user.channel;
    const p = this.redis.pipeline();
    const counters = this.k.day(day);
    for (const [field, n] of usageFields(event, channel)) p.hincrby(counters, field, n);
    p.expireat(counters, dayExpiry);
    if (event.kind === 'message' && by) {
      const who = this.personHash(by.user);
      const scopes: UniqueScope[] = [{ all: true }, { channel: by.user.channel }];
      if (by.village) {
        scopes.push({ village: by.village });
        p.hincrby(counters, `msg-village:${by.village}`, 1);
      }
      for (const scope of scopes) {
        p.pfadd(this.k.uniqueDay(day, scope), who).expireat(this.k.uniqueDay(day, scope), dayExpiry);
        p.pfadd(this.k.uniqueMonth(month, scope), who).expireat(
          this.k.uniqueMonth(month, scope),
          monthExpiry,
        );
      }
      const today = dayNumber(day);
      const seen = [this.k.seen(), counters, this.k.seenTrimmed(day)] as const;
      p.usageSeen(...seen, who, today, by.user.channel, today - this.o.retentionDays);
    }
    if (event.kind === 'question' && (event.result === 'unanswered' || event.result === 'outside')) {
      const text = keptText(event.text);
      const textExpiry = expiryOf(day, Math.min(this.o.retentionDays, TEXT_RETENTION_DAYS));
      if (text) p.usageText(this.k.texts(day, event.result), text, TEXTS_PER_DAY, textExpiry);
    }
    p.exec().then(
      (results) => {
        const error = results?.find(([e]) => e)?.[0];
        if (error) this.failed(error);
      },
      (err: unknown) => this.failed(err),
    );
  }

  /** Logged at most once a minute: statistics never flood the log while Redis is away. */
  private failed(err: unknown): void {
    const now = Date.now();
    if (now - this.lastFailureLog < 60_000) return;
    this.lastFailureLog = now;
    this.o.logger.warn({ err }, 'a usage event was not recorded');
  }

  async forget(user: UserRef): Promise<void> {
    await this.redis.zrem(this.k.seen(), this.personHash(user));
  }
}
