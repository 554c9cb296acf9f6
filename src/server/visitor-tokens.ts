import type { FastifyRequest } from 'fastify';
import { VISITOR_COOKIE, VISITOR_HEADER } from '../channels/web/visitor';

/** The visitor tokens a request carries: the X-Visitor-Token header's first, then the cookie's. */
export function visitorTokensOf(request: FastifyRequest): (string | undefined)[] {
  const header = request.headers[VISITOR_HEADER];
  return [typeof header === 'string' ? header : undefined, request.cookies[VISITOR_COOKIE]];
}
