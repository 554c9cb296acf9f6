import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { RetryLaterError } from '../core/channel';

export interface ClientError {
  readonly error: string;
  /** shown to the resident as it is, in Vietnamese */
  readonly message: string;
  readonly field?: string;
}

export function clientError(error: string, message: string, field?: string): ClientError {
  return field ? { error, message, field } : { error, message };
}

/** Seconds a client (or a platform) is asked to wait while the store is down. */
const RETRY_AFTER_SECONDS = 5;

/** 503 + Retry-After: the bot cannot answer right now, nothing was lost, try again in a moment. */
export function unavailableReply(reply: FastifyReply, retryAfterSeconds = RETRY_AFTER_SECONDS): FastifyReply {
  return reply
    .code(503)
    .header('retry-after', String(retryAfterSeconds))
    .send(
      clientError(
        'unavailable',
        'Hệ thống đang bận một chút. Bà con đợi vài giây rồi gửi lại nhé, tin nhắn vẫn còn trong ô.',
      ),
    );
}

/**
 * Bad input gets a 4xx with a reason, never a 5xx; the store being down (or an update still in hand)
 * gets a fast 503 with Retry-After; a real fault is logged and answered politely.
 */
export function registerErrorHandler(app: FastifyInstance, unavailable: (err: unknown) => boolean): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const later = retryLater(err);
    if (later) return unavailableReply(reply, later.retryAfterSeconds);
    if (unavailable(err)) {
      request.log.warn({ err, path: request.url }, 'store unavailable: answered 503');
      return unavailableReply(reply);
    }
    const status = err.statusCode ?? 500;
    if (status === 413) {
      return reply
        .code(413)
        .send(clientError('payload-too-large', 'Tin nhắn dài quá, bà con gửi ngắn lại giúp nhé.'));
    }
    if (status === 415) {
      return reply.code(415).send(clientError('unsupported-media-type', 'Cần gửi tin nhắn dạng JSON.'));
    }
    if (status >= 400 && status < 500) {
      return reply.code(400).send(clientError('bad-request', 'Tin nhắn không đọc được (JSON sai).'));
    }
    request.log.error({ err }, 'request failed');
    return reply
      .code(500)
      .send(clientError('internal', 'Xin lỗi, hệ thống đang trục trặc. Bà con thử lại sau ít phút.'));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(clientError('not-found', 'Không có trang này.')),
  );
}

/** A RetryLaterError, also when grammY wrapped it (BotError.error). */
function retryLater(err: unknown): RetryLaterError | undefined {
  if (err instanceof RetryLaterError) return err;
  const inner = (err as { error?: unknown } | undefined)?.error;
  return inner instanceof RetryLaterError ? inner : undefined;
}
