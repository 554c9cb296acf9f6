import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { WebhookRoute } from '../core/channel';
import type { Logger } from '../logger';
import { clientError, registerErrorHandler } from './errors';
import { sameSecret } from './secret';
import { securityHeaders } from './security-headers';
import { registerWebChat, type WebChatOptions } from './web-chat-routes';

export interface AppOptions extends WebChatOptions {
  readonly logger: Logger;
  /** origins allowed to embed the widget and call the API from the browser */
  readonly allowedOrigins: readonly string[];
  readonly trustProxy: boolean;
  /** true when Redis answers */
  readonly ready: () => Promise<boolean>;
  /** the channel adapters' webhooks */
  readonly webhooks: readonly WebhookRoute[];
}

const PUBLIC_DIR = join(import.meta.dirname, 'public');

/** The web role's HTTP server: the chat page and widget, the chat API, health checks. */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: o.logger as FastifyBaseLogger,
    trustProxy: o.trustProxy,
    // One line per chat message would flood the log; errors are still logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
  });
  registerErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyCors, {
    // Same-origin requests carry no Origin check; other sites only when listed (WEB_ALLOWED_ORIGINS).
    origin: (origin, callback) => callback(null, !origin || o.allowedOrigins.includes(origin)),
    credentials: true,
    methods: ['POST'],
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
  for (const route of o.webhooks) registerWebhook(app, route);
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    const ok = await o.ready().catch(() => false);
    return reply.code(ok ? 200 : 503).send({ ok, redis: ok ? 'up' : 'down' });
  });
  return app;
}

/** A channel's webhook: the secret header checked in constant time (ARCHITECTURE §7), then the adapter. */
function registerWebhook(app: FastifyInstance, route: WebhookRoute): void {
  app.post(route.path, { bodyLimit: route.bodyLimit }, async (request, reply) => {
    if (!sameSecret(request.headers[route.secret.header], route.secret.value)) {
      request.log.warn({ ip: request.ip, path: route.path }, 'webhook: wrong or missing secret');
      return reply.code(401).send(clientError('unauthorized', 'Wrong or missing secret token.'));
    }
    return route.handler(request, reply);
  });
}
