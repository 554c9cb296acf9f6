import {
  type ChannelAdapter,
  ChannelError,
  type DeliveryPipeline,
  type DeliveryResult,
} from '../core/channel';
import type { InboundEvent } from '../core/inbound';
import type { Clock, DedupeStore } from '../core/ports';
import type { Reply } from '../core/reply';
import type { UserRef } from '../core/user';

/** Platforms resend for a while (Telegram keeps trying for about a day): remember ids a bit longer. */
const SEEN_SECONDS = 25 * 60 * 60;
/** While an update is being handled its id is claimed; a crashed process's claim runs out on its own. */
const CLAIM_SECONDS = 120;

/** What the pipeline needs of the conversation core. */
export interface ConversationPort {
  handle(event: InboundEvent): Promise<Reply[]>;
  markUnreachable(user: UserRef): Promise<void>;
}

export interface PipelineOptions {
  readonly conversation: ConversationPort;
  readonly dedupe: DedupeStore;
  readonly clock: Clock;
}

/**
 * The one inbound path of every channel. An update is claimed on the platform's id, marked seen only
 * once its replies exist, and released when handling failed, so the platform's resend is handled
 * instead of being dropped as a duplicate.
 */
export function createDeliveryPipeline(o: PipelineOptions): DeliveryPipeline {
  async function send(
    adapter: ChannelAdapter,
    event: InboundEvent,
    replies: Reply[],
  ): Promise<DeliveryResult> {
    for (const reply of replies) {
      try {
        await adapter.send(event.chatId, reply);
      } catch (err) {
        if (err instanceof ChannelError && err.code === 'blocked') {
          await o.conversation.markUnreachable(event.user);
          return 'blocked';
        }
        throw err;
      }
    }
    return 'handled';
  }

  return {
    async deliver(adapter, raw) {
      const parsed = await adapter.parse(raw, o.clock.now());
      if (parsed.kind === 'ignored' || parsed.kind === 'invalid') return parsed.kind;
      const key = `${adapter.channel}:${parsed.dedupeKey}`;
      if (!(await o.dedupe.claim(key, CLAIM_SECONDS))) return 'duplicate';
      let replies: Reply[];
      try {
        if (parsed.kind === 'unreachable') {
          await o.conversation.markUnreachable(parsed.user);
          replies = [];
        } else {
          replies = await o.conversation.handle(parsed.event);
        }
      } catch (err) {
        await o.dedupe.release(key).catch(() => undefined);
        throw err;
      }
      await o.dedupe.confirm(key, SEEN_SECONDS);
      return parsed.kind === 'event' ? send(adapter, parsed.event, replies) : 'handled';
    },
    respond: (event) => o.conversation.handle(event),
  };
}
