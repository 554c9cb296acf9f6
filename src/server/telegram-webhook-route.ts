import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clientError } from './errors';
import { sameSecret } from './secret';

export interface TelegramWebhookOptions {
  readonly secret: string;
  /** handles one update (the grammY bot); errors are logged, never turned into a 5xx */
  readonly handleUpdate: (update: { update_id: number }) => Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;
/** Telegram waits about 10 s; answer before that even if handling is slow, or it resends. */
const ANSWER_WITHIN_MS = 8000;
const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

/** POST /webhooks/telegram: secret checked in constant time, body validated, answered fast. */
export function registerTelegramWebhook(app: FastifyInstance, o: TelegramWebhookOptions): void {
  app.post('/webhooks/telegram', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    if (!sameSecret(request.headers['x-telegram-bot-api-secret-token'], o.secret)) {
      request.log.warn({ ip: request.ip }, 'telegram webhook: wrong or missing secret');
      return reply.code(401).send(clientError('unauthorized', 'Wrong or missing secret token.'));
    }
    const parsed = updateSchema.safeParse(request.body);
    if (!parsed.success) {
      request.log.warn('telegram webhook: not an update');
      return reply.code(400).send(clientError('bad-request', 'Not a Telegram update.', 'update_id'));
    }
    const handling = o.handleUpdate(parsed.data).catch((err: unknown) => {
      request.log.error({ err: err instanceof Error ? err.message : String(err) }, 'telegram update failed');
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ANSWER_WITHIN_MS);
    });
    await Promise.race([handling, late]);
    clearTimeout(timer);
    return reply.send({ ok: true });
  });
}
