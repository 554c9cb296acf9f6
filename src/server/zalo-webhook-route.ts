import type { FastifyInstance } from 'fastify';
import { clientError } from './errors';
import { sameSecret } from './secret';

export interface ZaloWebhookOptions {
  readonly secret: string;
  /** handles one update body (wrapped or flat); 'invalid' when it is not a Zalo update */
  readonly handleUpdate: (body: unknown) => Promise<'handled' | 'duplicate' | 'ignored' | 'invalid'>;
}

const BODY_LIMIT = 1024 * 1024;
/** How long Zalo waits is not documented (reference §1.3): answer well within ten seconds. */
const ANSWER_WITHIN_MS = 8000;

/** POST /webhooks/zalo: X-Bot-Api-Secret-Token checked in constant time, both body forms, answered fast. */
export function registerZaloWebhook(app: FastifyInstance, o: ZaloWebhookOptions): void {
  app.post('/webhooks/zalo', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    if (!sameSecret(request.headers['x-bot-api-secret-token'], o.secret)) {
      request.log.warn({ ip: request.ip }, 'zalo webhook: wrong or missing secret');
      return reply.code(401).send(clientError('unauthorized', 'Wrong or missing secret token.'));
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ANSWER_WITHIN_MS);
    });
    const handling = o.handleUpdate(request.body).catch((err: unknown) => {
      request.log.error({ err: err instanceof Error ? err.message : String(err) }, 'zalo update failed');
      return 'handled' as const;
    });
    const outcome = await Promise.race([handling, late]);
    clearTimeout(timer);
    if (outcome === 'invalid') {
      return reply
        .code(400)
        .send(clientError('bad-request', 'Not a Zalo update (event_name and message needed).'));
    }
    return reply.send({ ok: true });
  });
}
