import type { FastifyInstance } from 'fastify';
import { toWebReplies } from '../channels/web/adapter';
import { knownVisitor } from '../channels/web/visitor';
import type { WebInbox } from '../core/messenger';
import type { Clock, RateLimiter } from '../core/ports';
import { rateSubject, WEB_RATE_WINDOW_SECONDS } from '../storage/redis-keys';
import { clientError, unavailableReply } from './errors';
import { visitorTokensOf } from './visitor-tokens';

export interface WebUpdatesOptions {
  readonly inbox: WebInbox;
  /** whether the visitor's page should keep asking (a staff member is answering them); false when absent */
  readonly keepPolling?: (visitorId: string) => Promise<boolean>;
  readonly rateLimiter: RateLimiter;
  readonly cookieSecret: string;
  readonly clock: Clock;
  readonly available: () => boolean;
  /** the messages' per-IP budget; the page's asking gets twice that by default */
  readonly perIpPerMinute: number;
  /** default 30: a page asking every 4 s uses half, leaving room for reloads and tab switches */
  readonly updatesPerVisitorPerMinute?: number;
  readonly updatesPerIpPerMinute?: number;
}

export const UPDATES_PER_VISITOR_PER_MINUTE = 30;

/** Nothing to show and no reason to ask again: what a request without a valid visitor gets. */
const NOTHING = { replies: [], poll: false } as const;

/**
 * GET /api/web/updates: the messages waiting in the visitor's inbox (a staff reply, a postal notice),
 * shaped as POST /api/web/messages shapes its replies, and whether to ask again. The web chat cannot
 * push, so the page asks. Only a known visitor is served; this route never makes a new one.
 */
export function registerWebUpdates(app: FastifyInstance, o: WebUpdatesOptions): void {
  const perVisitor = o.updatesPerVisitorPerMinute ?? UPDATES_PER_VISITOR_PER_MINUTE;
  const perIp = o.updatesPerIpPerMinute ?? o.perIpPerMinute * 2;
  app.get('/api/web/updates', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const visitor = knownVisitor(o.cookieSecret, visitorTokensOf(request), o.clock.now());
    if (!visitor) return reply.send(NOTHING);
    if (!o.available()) return unavailableReply(reply);
    const verdict = await o.rateLimiter.hitAll([
      { key: rateSubject.ipUpdates(request.ip), limit: perIp, windowSeconds: WEB_RATE_WINDOW_SECONDS },
      {
        key: rateSubject.visitorUpdates(visitor.id),
        limit: perVisitor,
        windowSeconds: WEB_RATE_WINDOW_SECONDS,
      },
    ]);
    if (!verdict.allowed) {
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      return reply
        .code(429)
        .send(clientError('too-many-requests', 'Trang hỏi tin mới nhanh quá, đợi một chút nhé.'));
    }
    // Asked before taking: should it fail, the messages stay in the inbox for the next request.
    const poll = o.keepPolling ? await o.keepPolling(visitor.id) : false;
    const replies = await o.inbox.take(visitor.id);
    return reply.send({ ...toWebReplies(replies), poll });
  });
}
