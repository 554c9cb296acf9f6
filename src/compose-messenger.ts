import type { Messenger, WebInbox } from './core/messenger';
import { type Reply, textWithLinks } from './core/reply';
import { userKey } from './core/user';
import type { Logger } from './logger';
import type { Outbox } from './queues/outbox';

export interface MessengerWiring {
  /** the outbox of a channel that has one (Telegram, Zalo) */
  readonly outbox: (channel: string) => Outbox | undefined;
  /** the web chat's inbox, when the web chat runs */
  readonly webInbox?: WebInbox | undefined;
  /** STAFF_CHAT_ID: the staff group on Telegram */
  readonly staffChatId?: string | undefined;
  readonly logger: Logger;
}

// Outbox messages carry text and buttons only: links are written into the text (Telegram and Zalo make
// an address clickable), and ids may not hold ':'.
const forOutbox = (reply: Reply) => ({
  text: textWithLinks(reply),
  ...(reply.buttons ? { buttons: reply.buttons } : {}),
});
const jobId = (id: string) => id.replaceAll(':', '-');

/** Later messages through the channels' outboxes and the web chat's inbox (core/messenger.ts). */
export function buildMessenger(w: MessengerWiring): Messenger {
  return {
    async tell(user, reply, id) {
      if (user.channel === 'web') {
        if (!w.webInbox) return false;
        await w.webInbox.push(user.id, reply, id);
        return true;
      }
      const outbox = w.outbox(user.channel);
      if (!outbox) return false;
      await outbox.enqueue(jobId(id), {
        chatId: user.id,
        reply: forOutbox(reply),
        userKey: userKey(user),
        kind: 'notice',
      });
      return true;
    },
    async tellStaff(reply, id) {
      const outbox = w.outbox('telegram');
      if (!w.staffChatId || !outbox) return false;
      await outbox.enqueue(jobId(`staff-${id}`), {
        chatId: w.staffChatId,
        reply: forOutbox(reply),
        kind: 'staff',
      });
      return true;
    },
  };
}
