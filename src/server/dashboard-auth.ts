import type { FastifyReply, FastifyRequest } from 'fastify';
import { DASHBOARD_SESSION_TTL_SECONDS } from '../core/dashboard';
import { isOffice } from '../core/roles';
import type { UserRef } from '../core/user';
import type { DashboardOptions } from './dashboard-options';

export const DASHBOARD_COOKIE = 'dvc_dash';
const COOKIE_PATH = '/dashboard';

/** The session cookie: script-proof, sent only to the dashboard and only from its own site. */
export function setSessionCookie(reply: FastifyReply, id: string, secure: boolean): void {
  reply.setCookie(DASHBOARD_COOKIE, id, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: DASHBOARD_SESSION_TTL_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(DASHBOARD_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure });
}

export const sessionIdOf = (request: FastifyRequest): string | undefined =>
  request.cookies[DASHBOARD_COOKIE] || undefined;

/**
 * The staff member behind the request's cookie, or undefined. The role is read again each time, so a
 * member revoked in chat is out at once; their session is then deleted, and a new grant needs a new link.
 */
export async function staffOf(request: FastifyRequest, o: DashboardOptions): Promise<UserRef | undefined> {
  const id = sessionIdOf(request);
  if (!id) return undefined;
  const user = await o.sessions.session(id);
  if (!user) return undefined;
  if (isOffice(await o.roles.of(user))) return user;
  await o.sessions.close(id);
  return undefined;
}

/**
 * Chat apps fetch a link to show a preview; that must not use up the one-time login link. Their
 * robots say who they are (Telegram: "TelegramBot (like TwitterBot)"). In-app browsers (Zalo's,
 * Telegram's) send ordinary browser names and log in as usual.
 */
export const isPreviewRobot = (request: FastifyRequest): boolean =>
  /bot\b|crawler|spider|facebookexternalhit/i.test(request.headers['user-agent'] ?? '');

/**
 * A state-changing request from the dashboard's own page, besides the SameSite=Strict cookie. The
 * browser's Sec-Fetch-Site says it best; without it, the Origin must name this host. (The pages send
 * no referrer, so a browser's form post says `Origin: null` while Sec-Fetch-Site is same-origin.)
 */
export function fromOwnPage(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}
