import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { WebInbox } from '../core/messenger';
import { buttonSchema, type Reply } from '../core/reply';
import { parseStored } from '../core/state';
import { LOCALES } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

/** Messages kept for a visitor who does not come back: a page older than this has been closed long ago. */
export const WEB_INBOX_TTL_SECONDS = 7 * 24 * 60 * 60;
/** The most messages waiting; older ones make room (a visitor away for days needs the latest). */
export const WEB_INBOX_MAX = 50;

/**
 * One message in, once: the id set refuses a repeat (also after the page took the message, until the
 * inbox expires), the list keeps the newest WEB_INBOX_MAX, and both live TTL seconds after this push.
 * KEYS: list, id set. ARGV: id, entry, max, ttl. Returns 1 when added, 0 for a repeat.
 */
const PUSH = `
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[2])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1
`;

const COMMAND = 'dvcWebInboxPush';

type PushCommand = (
  list: string,
  ids: string,
  id: string,
  entry: string,
  max: number,
  ttl: number,
) => Promise<number>;

const entrySchema = z.object({
  id: z.string(),
  reply: z.object({
    text: z.string(),
    buttons: z.array(z.array(buttonSchema)).optional(),
    links: z.array(z.object({ label: z.string(), url: z.string() })).optional(),
    locale: z.enum(LOCALES).optional(),
  }),
});

/** The web chat's inbox (core/messenger.ts) as a Redis list per visitor. */
export class RedisWebInbox implements WebInbox {
  private readonly keys: RedisKeys;
  private readonly command: PushCommand;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: PUSH });
    const command = (redis as unknown as Record<string, PushCommand>)[COMMAND];
    if (!command) throw new Error('ioredis did not define the web inbox script');
    this.command = command.bind(redis);
  }

  async push(visitorId: string, reply: Reply, id: string): Promise<void> {
    const entry = JSON.stringify({ id, reply: stored(reply) });
    await this.command(
      this.keys.webInbox(visitorId),
      this.keys.webInboxIds(visitorId),
      id,
      entry,
      WEB_INBOX_MAX,
      WEB_INBOX_TTL_SECONDS,
    );
  }

  async take(visitorId: string): Promise<Reply[]> {
    const key = this.keys.webInbox(visitorId);
    // Read and cleared in one transaction: a push in between lands either in this answer or the next.
    const results = await this.redis.multi().lrange(key, 0, -1).del(key).exec();
    const [error, raw] = results?.[0] ?? [new Error('the web inbox transaction was aborted'), undefined];
    if (error) throw error;
    const entries = Array.isArray(raw) ? raw : [];
    // A corrupt entry is skipped rather than failing the whole inbox.
    return entries.flatMap((item) => {
      const parsed = typeof item === 'string' ? parseStored(entrySchema, item) : undefined;
      return parsed ? [parsed.reply] : [];
    });
  }
}

/** Only the reply's own fields are kept (an object with more in it keeps nothing extra in Redis). */
function stored(reply: Reply): Reply {
  return {
    text: reply.text,
    ...(reply.buttons ? { buttons: reply.buttons } : {}),
    ...(reply.links ? { links: reply.links } : {}),
    ...(reply.locale ? { locale: reply.locale } : {}),
  };
}
