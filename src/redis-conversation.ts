import type { Redis } from 'ioredis';
import type { AnswerEngine } from './answer-engine';
import type { Clock } from './core/ports';
import type { Locale } from './core/user';
import { Conversation, type ConversationStores } from './features/conversation';
import type { FeatureDeps } from './features/types';
import { RedisDedupeStore } from './storage/redis-dedupe-store';
import { RedisFeedbackStore } from './storage/redis-feedback-store';
import { RedisSessionStore } from './storage/redis-session-store';
import { RedisUserStore } from './storage/redis-user-store';

export interface RedisConversationOptions {
  readonly prefix: string;
  readonly clock: Clock;
  readonly defaultLocale: Locale;
  readonly sessionTtlSeconds?: number;
}

/** The conversation core on Redis stores: how main.ts wires it, and tests and benchmarks too. */
export function createRedisConversation(
  redis: Redis,
  engine: AnswerEngine,
  o: RedisConversationOptions,
): { conversation: Conversation; deps: FeatureDeps; stores: ConversationStores } {
  const deps: FeatureDeps = {
    kb: engine.kb,
    qa: engine.qa,
    t: engine.i18n.t,
    feedback: new RedisFeedbackStore(redis, o.prefix),
    commune: engine.qa.values,
  };
  const stores: ConversationStores = {
    users: new RedisUserStore(redis, o.prefix),
    sessions: new RedisSessionStore(
      redis,
      o.prefix,
      o.sessionTtlSeconds ? { ttlSeconds: o.sessionTtlSeconds } : {},
    ),
    dedupe: new RedisDedupeStore(redis, o.prefix),
    clock: o.clock,
    defaultLocale: o.defaultLocale,
  };
  return { conversation: new Conversation(deps, stores), deps, stores };
}
