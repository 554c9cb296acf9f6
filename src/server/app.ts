import { createServer } from 'node:http';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { WebhookRoute } from '../core/channel';
import type { Logger } from '../logger';
import { registerCalendarRoute } from './calendar-link';
import { type DashboardOptions, registerDashboard } from './dashboard-routes';
import { clientError, registerErrorHandler, unavailableReply } from './errors';
import { sameSecret } from './secret';
import { securityHeaders } from './security-headers';
import { registerWebChat, type WebChatOptions } from './web-chat-routes';

export interface AppOptions extends WebChatOptions {
  readonly logger: Logger;
  /** origins allowed to embed the widget and call the API from the browser */
  readonly allowedOrigins: readonly string[];
  /** which reverse proxies may set X-Forwarded-For: none, a hop count, or their addresses/CIDR ranges */
  readonly trustProxy: false | number | readonly string[];
  /** Redis's state for /readyz (answers within a second, even when Redis is frozen) */
  readonly redisState: () => Promise<'up' | 'down' | 'nearly-full'>;
  /** an error that means "the store cannot serve now": answered 503 + Retry-After, not 500 */
  readonly unavailable: (err: unknown) => boolean;
  /** a client must have sent its whole request within this time */
  readonly requestTimeoutMs: number;
  /** the channel adapters' webhooks */
  readonly webhooks: readonly WebhookRoute[];
  /** signs the web chat's calendar links (server/calendar-link.ts) */
  readonly calendarSecret: string;
  /** the staff dashboard under /dashboard; left out, there is none */
  readonly dashboard?: DashboardOptions;
}

const PUBLIC_DIR = join(import.meta.dirname, 'public');

/**
 * AppOptions.trustProxy in Fastify's terms. This Fastify trusts nothing for a plain number (it cannot
 * check the immediate peer), so a hop count becomes a function: the socket peer and the next hops-1
 * X-Forwarded-For entries are proxies, and the entry after them is the client.
 */
function fastifyTrustProxy(
  trust: AppOptions['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

/** The web role's HTTP server: the chat page and widget, the chat API, health checks. */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: o.logger as FastifyBaseLogger,
    // Slow clients (a half-sent body, headers trickling in) are cut off; Node checks every second
    // instead of its default 30 s, so a slow-client flood cannot hold sockets for long.
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: o.requestTimeoutMs,
          headersTimeout: o.requestTimeoutMs,
          connectionsCheckingInterval: 1000,
          keepAliveTimeout: 5000,
        },
        handler,
      ),
    requestTimeout: o.requestTimeoutMs,
    connectionTimeout: 60_000,
    trustProxy: fastifyTrustProxy(o.trustProxy),
    // One line per chat message would flood the log; errors are still logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
  });
  registerErrorHandler(app, o.unavailable);
  await app.register(fastifyCookie);
  await app.register(fastifyCors, {
    // Same-origin requests carry no Origin check; other sites only when listed (WEB_ALLOWED_ORIGINS).
    origin: (origin, callback) => callback(null, !origin || o.allowedOrigins.includes(origin)),
    credentials: true,
    methods: ['GET', 'POST'],
    // The visitor token travels in a header both ways, for an embedded chat without its cookie.
    allowedHeaders: ['Content-Type', 'Accept', 'X-Visitor-Token'],
    exposedHeaders: ['X-Visitor-Token', 'Retry-After'],
  });
  const headers = securityHeaders(o.allowedOrigins);
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(headers);
  });
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    index: 'index.html',
    cacheControl: true,
    maxAge: '1h',
  });

  registerWebChat(app, o);
  registerCalendarRoute(app, o.calendarSecret, () => o.clock.now());
  if (o.dashboard) await registerDashboard(app, o.dashboard);
  for (const route of o.webhooks) registerWebhook(app, route, o.available);
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    const redis = await o.redisState().catch(() => 'down' as const);
    const ok = redis === 'up';
    return reply.code(ok ? 200 : 503).send({ ok, redis });
  });
  return app;
}

/** A channel's webhook: the secret header checked in constant time (ARCHITECTURE §7), then the adapter. */
function registerWebhook(app: FastifyInstance, route: WebhookRoute, available: () => boolean): void {
  app.post(route.path, { bodyLimit: route.bodyLimit }, async (request, reply) => {
    if (!sameSecret(request.headers[route.secret.header], route.secret.value)) {
      request.log.warn({ ip: request.ip, path: route.path }, 'webhook: wrong or missing secret');
      return reply.code(401).send(clientError('unauthorized', 'Wrong or missing secret token.'));
    }
    // Nothing can be handled without Redis: answer at once so the platform resends later.
    if (!available()) return unavailableReply(reply);
    return route.handler(request, reply);
  });
}
