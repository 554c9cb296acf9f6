import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toInboundEvent, toWebReplies } from '../channels/web/adapter';
import { webMessageSchema } from '../channels/web/schemas';
import {
  newVisitorId,
  readVisitorCookie,
  VISITOR_COOKIE,
  VISITOR_MAX_AGE_SECONDS,
  visitorCookieValue,
} from '../channels/web/visitor';
import type { InboundEvent } from '../core/inbound';
import type { Clock, RateLimiter } from '../core/ports';
import type { Reply } from '../core/reply';
import { clientError } from './errors';

export interface WebChatOptions {
  readonly handle: (event: InboundEvent) => Promise<Reply[]>;
  readonly rateLimiter: RateLimiter;
  readonly cookieSecret: string;
  readonly secureCookies: boolean;
  readonly perVisitorPerMinute: number;
  readonly perIpPerMinute: number;
  readonly clock: Clock;
}

const BODY_LIMIT = 16 * 1024;

/** POST /api/web/messages: {"text"} or {"payload"} in, {"replies": [...]} out (a public contract). */
export function registerWebChat(app: FastifyInstance, o: WebChatOptions): void {
  app.post('/api/web/messages', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const now = o.clock.now();
    const visitor = visitorOf(request, reply, o, now);
    const verdict = await o.rateLimiter.hitAll([
      { key: `web:ip:${request.ip}`, limit: o.perIpPerMinute, windowSeconds: 60 },
      { key: `web:visitor:${visitor}`, limit: o.perVisitorPerMinute, windowSeconds: 60 },
    ]);
    if (!verdict.allowed) {
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      return reply
        .code(429)
        .send(clientError('too-many-requests', 'Bà con gửi nhanh quá, đợi một chút rồi gửi tiếp nhé.'));
    }
    const parsed = webMessageSchema.safeParse(request.body);
    if (!parsed.success) {
      const field = fieldOf(request.body);
      return reply
        .code(400)
        .send(
          clientError('bad-request', `Tin nhắn không hợp lệ: cần trường "${field}" là chuỗi ký tự.`, field),
        );
    }
    const event = toInboundEvent(visitor, parsed.data, randomUUID(), now);
    const replies = await o.handle(event);
    return reply.send(toWebReplies(replies));
  });
}

/** The visitor of a valid signed cookie, or a new one (a forged or expired cookie is not an error). */
function visitorOf(request: FastifyRequest, reply: FastifyReply, o: WebChatOptions, now: number): string {
  const known = readVisitorCookie(o.cookieSecret, request.cookies[VISITOR_COOKIE], now);
  if (known) return known;
  const id = newVisitorId();
  reply.setCookie(VISITOR_COOKIE, visitorCookieValue(o.cookieSecret, id, now), {
    path: '/',
    httpOnly: true,
    maxAge: VISITOR_MAX_AGE_SECONDS,
    // The widget runs in an iframe on the commune's site: a cross-site cookie needs SameSite=None; Secure.
    sameSite: o.secureCookies ? 'none' : 'lax',
    secure: o.secureCookies,
  });
  return id;
}

/** Which field to name in a 400: the one that is wrong, or "text" when the body has neither. */
function fieldOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const keys = Object.keys(body);
    if (keys.includes('payload')) return 'payload';
    if (keys.includes('text')) return 'text';
  }
  return 'text';
}
