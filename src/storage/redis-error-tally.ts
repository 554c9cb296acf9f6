import type { Redis } from 'ioredis';
import type { UnknownErrorTally } from '../core/ports';
import { maskPersonalNumbers } from '../core/privacy';
import { keys, type RedisKeys } from './redis-keys';

/** Longest description kept in a field name. */
const DESCRIPTION_MAX = 200;
/** Distinct fields kept per channel; past it, new descriptions are counted under `<code> (other)`. */
const FIELDS_MAX = 200;

/** The field an answer is counted under: code and description, masked and cut short. */
export function tallyField(errorCode: number, description: string): string {
  const words = maskPersonalNumbers(description.replace(/\s+/g, ' ').trim()).slice(0, DESCRIPTION_MAX);
  return `${errorCode} ${words}`.trim();
}

/** One Redis hash per channel (`<prefix>unknown-errors:<channel>`), never expiring: counters only. */
export class RedisErrorTally implements UnknownErrorTally {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
  }

  async count(channel: string, errorCode: number, description: string): Promise<void> {
    const key = this.keys.unknownErrors(channel);
    let field = tallyField(errorCode, description);
    if (!(await this.redis.hexists(key, field)) && (await this.redis.hlen(key)) >= FIELDS_MAX) {
      field = `${errorCode} (other)`;
    }
    await this.redis.hincrby(key, field, 1);
  }

  /** field → count */
  async read(channel: string): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(this.keys.unknownErrors(channel));
    return Object.fromEntries(Object.entries(raw).map(([field, n]) => [field, Number(n)]));
  }
}
