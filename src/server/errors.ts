import type { FastifyError, FastifyInstance } from 'fastify';

export interface ClientError {
  readonly error: string;
  /** shown to the resident as it is, in Vietnamese */
  readonly message: string;
  readonly field?: string;
}

export function clientError(error: string, message: string, field?: string): ClientError {
  return field ? { error, message, field } : { error, message };
}

/** Bad input gets a 4xx with a reason, never a 5xx; a real fault is logged and answered politely. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
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
