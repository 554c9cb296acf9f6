import type { UserRef } from './user';

/** How long a login link sent in chat stays valid. */
export const DASHBOARD_LINK_TTL_SECONDS = 15 * 60;

/**
 * Staff reach the dashboard through a link the bot sends them in chat: signed, used once, expiring.
 * The role is checked when the link is made, when it is used, and on every page after.
 */
export interface DashboardLinks {
  /** the full address to open (`<PUBLIC_URL>/dashboard/login?t=…`); the caller has checked the role */
  issue(user: UserRef): Promise<string>;
}
