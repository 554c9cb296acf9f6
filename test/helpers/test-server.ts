import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import { createLogger } from '../../src/logger';
import { createRedisConversation } from '../../src/redis-conversation';
import { buildApp } from '../../src/server/app';
import { RedisRateLimiter } from '../../src/storage/redis-rate-limiter';
import { deleteKeys } from './redis-cleanup';

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
  const { conversation } = createRedisConversation(redis, engine, { prefix, clock, defaultLocale: 'vi' });
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
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}
