import type { UserRef } from './user';

/** How long a login link sent in chat stays valid. */
export const DASHBOARD_LINK_TTL_SECONDS = 15 * 60;
/** A dashboard session lasts a working day; the role is checked again on every page. */
export const DASHBOARD_SESSION_TTL_SECONDS = 8 * 60 * 60;

/**
 * Staff reach the dashboard through a link the bot sends them in chat: signed, used once, expiring.
 * The role is checked when the link is made, when it is used, and on every page after.
 */
export interface DashboardLinks {
  /** the full address to open (`<PUBLIC_URL>/dashboard/login?t=…`); the caller has checked the role */
  issue(user: UserRef): Promise<string>;
}

/** What the dashboard's web server needs of the links and sessions (storage/redis-dashboard-sessions.ts). */
export interface DashboardSessions {
  /** the staff member of a valid, unused link (now used up), or undefined */
  redeem(nonce: string): Promise<UserRef | undefined>;
  /** a new session id for the cookie, valid DASHBOARD_SESSION_TTL_SECONDS */
  open(user: UserRef): Promise<string>;
  /** the person of a live session, or undefined */
  session(id: string): Promise<UserRef | undefined>;
  close(id: string): Promise<void>;
}
