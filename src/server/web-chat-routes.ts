import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toWebReplies } from '../channels/web/adapter';
import {
  knownVisitor,
  newVisitorId,
  VISITOR_COOKIE,
  VISITOR_HEADER,
  VISITOR_MAX_AGE_SECONDS,
  visitorToken,
} from '../channels/web/visitor';
import type { ChannelAdapter } from '../core/channel';
import type { InboundEvent } from '../core/inbound';
import type { WebInbox } from '../core/messenger';
import type { Clock, RateLimiter } from '../core/ports';
import type { Reply } from '../core/reply';
import { rateSubject, WEB_RATE_WINDOW_SECONDS } from '../storage/redis-keys';
import { clientError, unavailableReply } from './errors';
import { visitorTokensOf } from './visitor-tokens';
import { registerWebUpdates } from './web-updates-route';

export interface WebChatOptions {
  /** the web channel's adapter: reads each message into an event */
  readonly adapter: ChannelAdapter;
  readonly handle: (event: InboundEvent) => Promise<Reply[]>;
  readonly rateLimiter: RateLimiter;
  readonly cookieSecret: string;
  readonly secureCookies: boolean;
  readonly perVisitorPerMinute: number;
  readonly perIpPerMinute: number;
  readonly newVisitorsPerIpPerMinute: number;
  readonly clock: Clock;
  /** false while the store is known to be down */
  readonly available: () => boolean;
  /** messages kept for a visitor's page to fetch (GET /api/web/updates); without it there is no such route */
  readonly inbox?: WebInbox;
  /**
   * whether the visitor's page should keep asking for new messages (e.g. a staff member is answering):
   * the `poll` field of both routes' answers; without it the page asks only when it opens or comes back
   */
  readonly keepPolling?: (visitorId: string) => Promise<boolean>;
  /** GET /api/web/updates budgets (defaults in web-updates-route.ts) */
  readonly updatesPerVisitorPerMinute?: number;
  readonly updatesPerIpPerMinute?: number;
}

const BODY_LIMIT = 16 * 1024;

/**
 * POST /api/web/messages: {"text"} or {"payload"} in, {"replies": [...], "visitor": "<token>"} out (a
 * public contract), with "poll": boolean when keepPolling is given. The visitor token also comes back
 * in the X-Visitor-Token header (with a 429 too). With an inbox, also GET /api/web/updates.
 */
export function registerWebChat(app: FastifyInstance, o: WebChatOptions): void {
  if (o.inbox) registerWebUpdates(app, { ...o, inbox: o.inbox });
  app.post('/api/web/messages', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const now = o.clock.now();
    const { id: visitor, token, isNew } = visitorOf(request, reply, o, now);
    reply.header(VISITOR_HEADER, token);
    if (!o.available()) return unavailableReply(reply);
    const verdict = await o.rateLimiter.hitAll([
      { key: rateSubject.ip(request.ip), limit: o.perIpPerMinute, windowSeconds: WEB_RATE_WINDOW_SECONDS },
      // A visitor without a token is new with every message, and each new visitor is kept a while (their
      // first question): new visitors get their own, lower per-IP limit instead of a per-visitor counter.
      ...(isNew
        ? [
            {
              key: rateSubject.newVisitors(request.ip),
              limit: o.newVisitorsPerIpPerMinute,
              windowSeconds: WEB_RATE_WINDOW_SECONDS,
            },
          ]
        : [
            {
              key: rateSubject.visitor(visitor),
              limit: o.perVisitorPerMinute,
              windowSeconds: WEB_RATE_WINDOW_SECONDS,
            },
          ]),
    ]);
    if (!verdict.allowed) {
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      return reply
        .code(429)
        .send(clientError('too-many-requests', 'Bà con gửi nhanh quá, đợi một chút rồi gửi tiếp nhé.'));
    }
    const message = { visitorId: visitor, messageId: randomUUID(), message: request.body };
    const parsed = await o.adapter.parse(message, now);
    if (parsed.kind !== 'event') {
      const field = fieldOf(request.body);
      return reply
        .code(400)
        .send(
          clientError('bad-request', `Tin nhắn không hợp lệ: cần trường "${field}" là chuỗi ký tự.`, field),
        );
    }
    const replies = await o.handle(parsed.event);
    const poll = o.keepPolling ? { poll: await o.keepPolling(visitor) } : {};
    return reply.send({ ...toWebReplies(replies), visitor: token, ...poll });
  });
}

/**
 * The visitor of a valid token in the X-Visitor-Token header, else of a valid cookie, else a new one
 * (a forged or expired token is not an error). A new visitor also gets the cookie; the page keeps
 * the token for when the browser does not send the cookie (an embedded chat on another site).
 */
function visitorOf(
  request: FastifyRequest,
  reply: FastifyReply,
  o: WebChatOptions,
  now: number,
): { id: string; token: string; isNew: boolean } {
  const known = knownVisitor(o.cookieSecret, visitorTokensOf(request), now);
  if (known) return { ...known, isNew: false };
  const id = newVisitorId();
  const token = visitorToken(o.cookieSecret, id, now);
  reply.setCookie(VISITOR_COOKIE, token, {
    path: '/',
    httpOnly: true,
    maxAge: VISITOR_MAX_AGE_SECONDS,
    // The widget runs in an iframe on the commune's site: a cross-site cookie needs SameSite=None; Secure,
    // and Partitioned (CHIPS) lets browsers that block third-party cookies keep it for that site alone.
    sameSite: o.secureCookies ? 'none' : 'lax',
    secure: o.secureCookies,
    partitioned: o.secureCookies,
  });
  return { id, token, isNew: true };
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
