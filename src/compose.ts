import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { ADAPTERS, type AdapterFactory } from './adapters';
import { type AnswerEngine, createAnswerEngine } from './answer-engine';
import type { TelegramBotInfo } from './channels/telegram/adapter';
import { dashboardOptions } from './compose-dashboard';
import { createInbound, type Inbound } from './compose-inbound';
import { buildServices, type FeatureServices, type Services } from './compose-services';
import { topicGroupsOf } from './compose-stats';
import type { Config } from './config';
import { startContentReload } from './content-reload';
import type { ChannelAdapter, DeliveryPipeline } from './core/channel';
import type { Clock } from './core/ports';
import { parseUserKey, userKey } from './core/user';
import { createDeliveryPipeline } from './delivery/pipeline';
import { Conversation } from './features/conversation';
import type { Feature } from './features/feature';
import { closeQuietTickets } from './features/handoff-relay';
import { FEATURES } from './features/index';
import type { FeatureDeps } from './features/types';
import { missingEssentials } from './knowledge/placeholders';
import type { Logger } from './logger';
import { Outbox } from './queues/outbox';
import { queuePrefix } from './queues/outbox-keys';
import { OUTBOX_CONCURRENCY, type OutboxWorkerHandle, startOutboxWorker } from './queues/outbox-worker';
import { buildApp } from './server/app';
import { startAofPrivacy } from './storage/aof-privacy';
import { connectAppRedis, createAppRedis, isRedisUnavailable } from './storage/redis-client';
import { RedisDedupeStore } from './storage/redis-dedupe-store';
import { RedisFeedbackStore } from './storage/redis-feedback-store';
import { RedisBreaker, redisState, watchRedisMemory } from './storage/redis-health';
import { keys } from './storage/redis-keys';
import { RedisRateLimiter } from './storage/redis-rate-limiter';
import { RedisResidentStore } from './storage/redis-resident-store';
import { RedisWebInbox } from './storage/redis-web-inbox';
import { statsSalt } from './storage/stats-salt';

export interface ComposeOptions {
  readonly config: Config;
  /** the Redis to use (REDIS_URL, or the private redis-server main.ts started) */
  readonly redisUrl: string;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** built from config.contentDir and config.localesDir when not given */
  readonly engine?: AnswerEngine;
  readonly adapters?: readonly AdapterFactory[];
  readonly features?: readonly Feature[];
  /** tests and benchmarks: a known Telegram bot identity (no getMe) */
  readonly telegramBotInfo?: TelegramBotInfo;
  /** tests: whether a web visitor's page keeps asking for new messages (GET /api/web/updates) */
  readonly keepPolling?: (visitorId: string) => Promise<boolean>;
}

export interface Composition {
  readonly conversation: Conversation;
  readonly pipeline: DeliveryPipeline;
  /** the updates webhooks and poll loops stored, handled by workers in the web role */
  readonly inbound: Pick<Inbound, 'pending'>;
  readonly deps: FeatureDeps;
  readonly adapters: ReadonlyMap<string, ChannelAdapter>;
  /** the web role's HTTP server (not listening until start) */
  readonly app: FastifyInstance | undefined;
  readonly redis: Redis;
  /** the stores and queues behind the features (tests seed and inspect through them) */
  readonly services: Services;
  /** builds the content again from its files (also done on every change); false keeps the old content */
  reloadContent(): boolean;
  /** connects the channels, starts the outbox workers (per ROLE), listens; resolves to the URL */
  start(): Promise<string | undefined>;
  /** stops taking requests and updates, finishes what is in hand, closes Redis */
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now() };

/**
 * Builds the whole bot from one list of adapters and one list of features. main.ts, the test server
 * and the benchmarks all call this, so they run the same wiring.
 */
export async function compose(o: ComposeOptions): Promise<Composition> {
  const { config, logger } = o;
  const clock = o.clock ?? systemClock;
  const prefix = config.redisPrefix;
  const engine = o.engine ?? createAnswerEngine(config.contentDir, config.localesDir);
  if (config.env === 'production' && !config.allowIncompleteContent) {
    const missing = missingEssentials(engine.kb.commune);
    if (missing.length > 0) throw new IncompleteContentError(missing);
  }
  const redis = createAppRedis(o.redisUrl, logger);
  await connectAppRedis(redis);

  const adapters = new Map<string, ChannelAdapter>();
  const outboxProducers = new Map<string, Outbox>();
  const webSecret = config.cookieSecret ?? (await sharedCookieSecret(redis, prefix));
  const webInbox = new RedisWebInbox(redis, prefix);
  const services = buildServices({
    redis,
    prefix,
    logger,
    clock,
    outbox: (channel) => outboxProducers.get(channel),
    channels: () => [...outboxProducers.keys()],
    commune: () => current.deps.kb.commune,
    t: (locale, key, args) => current.deps.t(locale, key, args),
    admins: config.adminIds.map(userKey),
    calendarSecret: webSecret,
    announcementApproval: config.announcementApproval,
    announcementDailyCap: config.announcementDailyCap,
    statsSalt: await statsSalt(redis, prefix, config.statsSalt),
    statsRetentionDays: config.statsRetentionDays,
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    staffChatId: config.staffChatId,
    webInbox,
    requestRetentionDays: config.requestRetentionDays,
    topicGroups: () => topicGroupsOf(current.deps.kb.topics),
  });
  const { reminders, broadcasts } = services;
  const residents = new RedisResidentStore(redis, prefix, {
    sessionTtlSeconds: config.sessionTtlSeconds,
    // The failed inbound updates hold the resident's words too (`inbound` is made below, with the pipeline).
    alsoDelete: [...services.alsoDelete, (user) => inbound.forget(user)],
  });
  // A channel with an outbox can message a resident later (read when a turn asks, after the adapters are built).
  const canMessageLater = (channel: string) => adapters.get(channel)?.outbox !== undefined;
  const build = (e: AnswerEngine) => {
    const d = featureDeps(e, redis, prefix, canMessageLater, services.features);
    return {
      deps: d,
      conversation: new Conversation(
        d,
        { residents, clock, defaultLocale: config.defaultLocale },
        o.features ?? FEATURES,
      ),
    };
  };
  // Swapped whole when the content is reloaded; every turn reads the one in use when it starts.
  let current = build(engine);
  // Platform message ids seen, and the dashboard's one-time form ids.
  const dedupe = new RedisDedupeStore(redis, prefix);
  const pipeline = createDeliveryPipeline({
    conversation: {
      handle: (event) => current.conversation.handle(event),
      markUnreachable: (user) => current.conversation.markUnreachable(user),
    },
    dedupe,
    clock,
  });
  const inbound = createInbound({
    redis,
    redisUrl: o.redisUrl,
    prefix: queuePrefix(prefix),
    pipeline,
    clock,
    logger,
  });

  for (const factory of o.adapters ?? ADAPTERS) {
    const adapter = factory({
      config,
      pipeline,
      inbound,
      engine,
      redis,
      logger,
      ...(o.telegramBotInfo ? { telegramBotInfo: o.telegramBotInfo } : {}),
    });
    if (!adapter) continue;
    if (adapters.has(adapter.channel)) throw new Error(`two adapters for ${adapter.channel}`);
    adapters.set(adapter.channel, adapter);
    if (adapter.outbox) {
      outboxProducers.set(
        adapter.channel,
        new Outbox(redis, adapter.channel, { prefix: queuePrefix(prefix), logger }),
      );
    }
  }

  const breaker = new RedisBreaker(redis);
  const web = config.role === 'all' || config.role === 'web';
  // Updates arrive, and are stored, in the web role only.
  if (web) await inbound.open(adapters.values());
  const worker = config.role === 'all' || config.role === 'worker';
  const webAdapter = adapters.get('web');
  if (web && !webAdapter) throw new Error('the web role needs the web adapter in the adapter list');
  const app =
    web && webAdapter
      ? await buildApp({
          logger,
          adapter: webAdapter,
          handle: (event) => pipeline.respond(event),
          rateLimiter: new RedisRateLimiter(redis, prefix),
          inbox: webInbox,
          // A visitor talking with a staff member: their page asks for new messages every few seconds.
          keepPolling:
            o.keepPolling ??
            (async (visitorId) =>
              (await services.handoff.openOf({ channel: 'web', id: visitorId })) !== undefined),
          cookieSecret: webSecret,
          calendarSecret: webSecret,
          secureCookies: config.publicUrl?.startsWith('https://') ?? false,
          perVisitorPerMinute: config.web.perVisitorPerMinute,
          perIpPerMinute: config.web.perIpPerMinute,
          newVisitorsPerIpPerMinute: config.web.newVisitorsPerIpPerMinute,
          allowedOrigins: config.web.allowedOrigins,
          trustProxy: config.web.trustProxy,
          clock,
          redisState: () => redisState(redis),
          available: () => breaker.available(),
          unavailable: (err) => {
            if (!isRedisUnavailable(err)) return false;
            breaker.trip();
            return true;
          },
          requestTimeoutMs: config.web.requestTimeoutMs,
          webhooks: [...adapters.values()].flatMap((a) => a.routes ?? []),
          dashboard: dashboardOptions({
            services,
            deps: () => current.deps,
            forms: dedupe,
            clock,
            secureCookies: config.publicUrl?.startsWith('https://') ?? false,
          }),
        })
      : undefined;

  const started: ChannelAdapter[] = [];
  const stops: (() => void)[] = [];
  const outboxes: OutboxWorkerHandle[] = [];
  const reloader =
    web && !o.engine
      ? startContentReload({
          contentDir: config.contentDir,
          localesDir: config.localesDir,
          logger,
          use: (e) => {
            current = build(e);
          },
        })
      : undefined;
  return {
    get conversation() {
      return current.conversation;
    },
    pipeline,
    inbound,
    get deps() {
      return current.deps;
    },
    reloadContent: () => reloader?.reload() ?? false,
    adapters,
    app,
    redis,
    services,
    async start() {
      stops.push(watchRedisMemory(redis, logger));
      if (worker) stops.push(startAofPrivacy(redis, prefix, logger));
      if (web) {
        for (const adapter of adapters.values()) {
          await adapter.start?.();
          started.push(adapter);
        }
        // Residents' messages are answered where they arrive; proactive messages in the worker role.
        inbound.startWorkers(adapters.values());
      }
      if (worker) {
        for (const adapter of adapters.values()) {
          if (!adapter.outbox) continue;
          // Proactive messages (reminders, broadcasts, staff replies) go out through the outbox worker.
          outboxes.push(
            startOutboxWorker({
              connection: { url: o.redisUrl },
              channel: adapter.channel,
              prefix: queuePrefix(prefix),
              sender: adapter.outbox,
              concurrency: OUTBOX_CONCURRENCY,
              onBlocked: async (userKey) => {
                const user = userKey ? parseUserKey(userKey) : undefined;
                if (user) await current.conversation.markUnreachable(user);
              },
              onGaveUp: async (data, reason) => {
                if (data.kind === 'reminder' && data.ref) await reminders.deliveryFailed(data.ref);
                await broadcasts.outcome(data, adapter.channel, reason === 'blocked' ? 'blocked' : 'failed');
              },
              onDelivered: (data) => broadcasts.outcome(data, adapter.channel, 'sent'),
              stillWanted: (data) => broadcasts.stillWanted(data),
              logger,
            }),
          );
        }
        await reminders.startWorker(o.redisUrl, { reconcileEveryMs: config.reminderReconcileSeconds * 1000 });
        stops.push(
          every(
            HANDOFF_SWEEP_MS,
            () => closeQuietTickets(current.deps, clock.now(), config.handoffCloseHours),
            logger,
          ),
        );
        broadcasts.startWorker(o.redisUrl);
      }
      if (!app) return undefined;
      return app.listen({ port: config.port, host: config.host });
    },
    async close() {
      // Stop taking requests first, then updates, then the queues (finishing what is in hand), then Redis.
      for (const stop of stops) stop();
      reloader?.stop();
      await app?.close();
      for (const adapter of started.reverse()) {
        await adapter
          .stop?.()
          .catch((err: unknown) => logger.error({ err }, 'error while stopping a channel'));
      }
      await inbound.close();
      await Promise.all(outboxes.map((outbox) => outbox.close()));
      await services.close();
      await Promise.all([...outboxProducers.values()].map((outbox) => outbox.close()));
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** How often open «Gặp cán bộ» tickets are checked for a long silence (worker role). */
const HANDOFF_SWEEP_MS = 60_000;

/** Runs `task` every `ms` (not overlapping itself); errors are logged; returns the stop function. */
function every(ms: number, task: () => Promise<unknown>, logger: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((err: unknown) => logger.warn({ err }, 'a periodic task failed'))
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Without COOKIE_SECRET, one random secret is kept in Redis, so every web process signs visitor
 * cookies alike and visitors keep their conversation across restarts.
 */
async function sharedCookieSecret(redis: Redis, prefix: string): Promise<string> {
  const key = keys(prefix).cookieSecret();
  await redis.set(key, randomBytes(32).toString('base64url'), 'NX');
  const secret = await redis.get(key);
  if (!secret) throw new Error('could not read the cookie secret from Redis');
  return secret;
}

/**
 * What features are given: the knowledge base, the answer engine, strings, their stores on Redis, and
 * which channels can message a resident later (those whose adapter has an outbox).
 */
export function featureDeps(
  engine: AnswerEngine,
  redis: Redis,
  prefix: string,
  canMessageLater: (channel: string) => boolean,
  services: FeatureServices,
): FeatureDeps {
  return {
    ...services,
    kb: engine.kb,
    qa: engine.qa,
    t: engine.i18n.t,
    feedback: new RedisFeedbackStore(redis, prefix),
    commune: engine.qa.values,
    canMessageLater,
  };
}

/** NODE_ENV=production with the office phone or address not filled in: residents would have no way to a person. */
export class IncompleteContentError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      [
        'Chưa chạy ở chế độ production: còn thiếu thông tin mà bà con cần để gặp cán bộ:',
        ...missing.map((m) => `  - ${m}`),
        'Điền vào content/commune.yaml (kiểm tra bằng `npm run kb:check`), hoặc đặt ALLOW_INCOMPLETE_CONTENT=true để vẫn chạy.',
      ].join('\n'),
    );
    this.name = 'IncompleteContentError';
  }
}
