import { randomInt } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  type HandoffDesk,
  type NewTicket,
  newTicketCode,
  type Ticket,
  type TicketLogEntry,
  ticketLogEntrySchema,
  ticketSchema,
} from '../core/handoff';
import { parseStored } from '../core/state';
import type { UserRef } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

const LOG_MAX = 50;
const ATTEMPTS = 8;

// The record is replaced only if it is still what was read (two staff replying at once: the second
// reads again and retries), with the open-ticket index and the resident's marker kept alongside.
// ARGV: before, after, ttl (0 = keep), lastAt, open (1/0), code
const REPLACE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[3] == '0' then redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL') else redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) end
if ARGV[5] == '1' then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[6])
else
  redis.call('ZREM', KEYS[2], ARGV[6])
  if redis.call('GET', KEYS[3]) == ARGV[6] then redis.call('DEL', KEYS[3]) end
  if ARGV[3] ~= '0' then redis.call('EXPIRE', KEYS[4], ARGV[3]) end
end
return 1`;

type Scripted = Redis & {
  dvcTicketReplace(
    ticket: string,
    open: string,
    marker: string,
    log: string,
    before: string,
    after: string,
    ttl: number,
    lastAt: number,
    isOpen: 0 | 1,
    code: string,
  ): Promise<number>;
};

/**
 * Tickets: the record (JSON), its log (a capped list), the index of open tickets by their last message,
 * the resident's open ticket and all their codes. A closed ticket and its log expire after the retention.
 */
export class RedisHandoffStore implements HandoffDesk {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly retentionDays: number,
  ) {
    this.keys = keys(prefix);
    if (!('dvcTicketReplace' in redis))
      redis.defineCommand('dvcTicketReplace', { numberOfKeys: 4, lua: REPLACE });
  }

  async open(input: NewTicket, now: number): Promise<{ ticket: Ticket; isNew: boolean }> {
    const already = await this.openOf(input.user);
    if (already) return { ticket: already, isNew: false };
    for (;;) {
      const ticket = ticketSchema.parse({
        code: newTicketCode(randomInt),
        user: input.user,
        ...(input.village ? { village: input.village } : {}),
        locale: input.locale,
        question: input.question.slice(0, 1000),
        context: input.context.map((c) => c.slice(0, 500)).slice(-5),
        status: 'open',
        openedAt: now,
        lastAt: now,
        replies: 0,
      });
      if (!(await this.redis.set(this.keys.ticket(ticket.code), JSON.stringify(ticket), 'NX'))) continue;
      await this.redis
        .multi()
        .set(this.keys.ticketOfUser(input.user), ticket.code)
        .sadd(this.keys.ticketsOfUser(input.user), ticket.code)
        .zadd(this.keys.ticketsOpen(), now, ticket.code)
        .rpush(
          this.keys.ticketLog(ticket.code),
          JSON.stringify({ from: 'resident', text: ticket.question, at: now }),
        )
        .exec();
      return { ticket, isNew: true };
    }
  }

  async get(code: string): Promise<Ticket | undefined> {
    return parseStored(ticketSchema, await this.redis.get(this.keys.ticket(code)));
  }

  async openOf(user: UserRef): Promise<Ticket | undefined> {
    const code = await this.redis.get(this.keys.ticketOfUser(user));
    const ticket = code ? await this.get(code) : undefined;
    return ticket?.status === 'open' ? ticket : undefined;
  }

  async note(code: string, entry: TicketLogEntry): Promise<Ticket | undefined> {
    const e = ticketLogEntrySchema.parse(entry);
    const next = await this.change(code, (t) =>
      t.status === 'open'
        ? { ...t, lastAt: Math.max(t.lastAt, e.at), replies: t.replies + (e.from === 'staff' ? 1 : 0) }
        : undefined,
    );
    if (next) {
      const log = this.keys.ticketLog(code);
      await this.redis.multi().rpush(log, JSON.stringify(e)).ltrim(log, -LOG_MAX, -1).exec();
    }
    return next;
  }

  close(code: string, by: NonNullable<Ticket['closedBy']>, now: number): Promise<Ticket | undefined> {
    return this.change(code, (t) =>
      t.status === 'open' ? { ...t, status: 'closed', closedAt: now, closedBy: by } : undefined,
    );
  }

  async listOpen(limit: number): Promise<Ticket[]> {
    const codes = await this.redis.zrange(this.keys.ticketsOpen(), 0, limit - 1);
    if (codes.length === 0) return [];
    const raws = await this.redis.mget(...codes.map((c) => this.keys.ticket(c)));
    return raws
      .map((raw) => parseStored(ticketSchema, raw))
      .filter((t): t is Ticket => t?.status === 'open')
      .sort((a, b) => a.openedAt - b.openedAt);
  }

  async log(code: string): Promise<TicketLogEntry[]> {
    const raws = await this.redis.lrange(this.keys.ticketLog(code), 0, -1);
    return raws.flatMap((raw) => {
      const entry = parseStored(ticketLogEntrySchema, raw);
      return entry ? [entry] : [];
    });
  }

  quietSince(before: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.ticketsOpen(), '-inf', `(${before}`);
  }

  async deleteAll(user: UserRef): Promise<void> {
    const codes = await this.redis.smembers(this.keys.ticketsOfUser(user));
    if (codes.length === 0) return;
    await this.redis
      .multi()
      .del(...codes.flatMap((c) => [this.keys.ticket(c), this.keys.ticketLog(c)]))
      .zrem(this.keys.ticketsOpen(), ...codes)
      .exec();
  }

  /** Reads, applies `f` (undefined: no change), writes only if nobody changed it meanwhile. */
  private async change(code: string, f: (t: Ticket) => Ticket | undefined): Promise<Ticket | undefined> {
    const key = this.keys.ticket(code);
    for (let i = 0; i < ATTEMPTS; i++) {
      const before = await this.redis.get(key);
      const current = parseStored(ticketSchema, before);
      const next = current ? f(current) : undefined;
      if (!before || !next) return undefined;
      const open = next.status === 'open';
      const done = await (this.redis as Scripted).dvcTicketReplace(
        key,
        this.keys.ticketsOpen(),
        this.keys.ticketOfUser(next.user),
        this.keys.ticketLog(code),
        before,
        JSON.stringify(ticketSchema.parse(next)),
        open ? 0 : this.retentionDays * 86_400,
        next.lastAt,
        open ? 1 : 0,
        code,
      );
      if (done === 1) return next;
    }
    throw new Error(`ticket ${code}: changed by others ${ATTEMPTS} times in a row`);
  }
}
