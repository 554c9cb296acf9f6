import type { Reply } from './reply';
import type { UserRef } from './user';

/**
 * Messages the bot sends on its own, later — not as the answer to a message: a staff member's reply, a
 * postal request's new status. Each has an id, so a retry never sends it twice.
 */
export interface Messenger {
  /**
   * To a resident on their own channel: Telegram and Zalo through the channel's outbox, the web chat
   * into the visitor's inbox, which the page reads when it asks for new messages. False when the
   * resident's channel has no way to be reached later.
   */
  tell(user: UserRef, reply: Reply, id: string): Promise<boolean>;
  /** To the office's staff group (STAFF_CHAT_ID on Telegram); false when there is none. */
  tellStaff(reply: Reply, id: string): Promise<boolean>;
}

/**
 * What the web chat keeps for a visitor until their page asks (the web chat cannot push): kept a few
 * days, a few dozen at most, deleted with the visitor's data.
 */
export interface WebInbox {
  /** adds a message once (the same id again is ignored) */
  push(visitorId: string, reply: Reply, id: string): Promise<void>;
  /** the waiting messages, oldest first, and removes them */
  take(visitorId: string): Promise<Reply[]>;
}
