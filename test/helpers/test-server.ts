import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import { Conversation } from '../../src/features/conversation';
import { createLogger } from '../../src/logger';
import { buildApp } from '../../src/server/app';
import { RedisDedupeStore } from '../../src/storage/redis-dedupe-store';
import { RedisFeedbackStore } from '../../src/storage/redis-feedback-store';
import { RedisRateLimiter } from '../../src/storage/redis-rate-limiter';
import { RedisSessionStore } from '../../src/storage/redis-session-store';
import { RedisUserStore } from '../../src/storage/redis-user-store';

const engine = createAnswerEngine('content', 'locales');

export interface TestServer {
  readonly app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly redis: Redis;
  readonly prefix: string;
  readonly cookieSecret: string;
  close(): Promise<void>;
}

/** The web role as main.ts builds it, on the test Redis with a private key prefix, on a free port. */
export async function startTestServer(
  options: { perVisitorPerMinute?: number; perIpPerMinute?: number; allowedOrigins?: string[] } = {},
): Promise<TestServer> {
  const redis = new Redis(inject('redisUrl'));
  const prefix = `web${Date.now()}${Math.floor(Math.random() * 1e6)}:`;
  const cookieSecret = 'test-secret-test-secret-test-secret-0123';
  const clock = { now: () => Date.now() };
  const conversation = new Conversation(
    {
      kb: engine.kb,
      qa: engine.qa,
      t: engine.i18n.t,
      feedback: new RedisFeedbackStore(redis, prefix),
      commune: engine.qa.values,
    },
    {
      users: new RedisUserStore(redis, prefix),
      sessions: new RedisSessionStore(redis, prefix),
      dedupe: new RedisDedupeStore(redis, prefix),
      clock,
      defaultLocale: 'vi',
    },
  );
  const app = await buildApp({
    logger: createLogger('silent'),
    handle: (event) => conversation.handle(event),
    rateLimiter: new RedisRateLimiter(redis, prefix),
    cookieSecret,
    secureCookies: false,
    perVisitorPerMinute: options.perVisitorPerMinute ?? 1000,
    perIpPerMinute: options.perIpPerMinute ?? 10_000,
    allowedOrigins: options.allowedOrigins ?? [],
    trustProxy: false,
    clock,
    ready: async () => (await redis.ping()) === 'PONG',
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url,
    redis,
    prefix,
    cookieSecret,
    async close() {
      await app.close();
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (found.length > 0) await redis.del(...found);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
