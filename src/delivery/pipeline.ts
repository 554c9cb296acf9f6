import {
  type ChannelAdapter,
  ChannelError,
  type DeliveryPipeline,
  type DeliveryResult,
  RetryLaterError,
} from '../core/channel';
import type { InboundEvent } from '../core/inbound';
import type { Clock, DedupeStore } from '../core/ports';
import type { Reply } from '../core/reply';
import type { UserRef } from '../core/user';

/** Platforms resend for a while (Telegram keeps trying for about a day): remember ids a bit longer. */
const SEEN_SECONDS = 25 * 60 * 60;
/**
 * While an update is being handled its id is claimed; a crashed process's claim runs out on its own.
 * Longer than handling can take (Redis commands time out after 1 s; a send retries for at most ~10 s).
 */
const CLAIM_SECONDS = 30;
/** A release or confirm that failed (Redis down) is tried again this often until the claim would have expired. */
const RELEASE_RETRY_MS = 1000;

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
 * The one inbound path of every channel. An update is claimed on the platform's id and marked seen
 * only once its replies went out. When nothing could be sent (handling or the first send failed) the
 * claim is released and the error thrown, so a webhook answers non-2xx and the platform's resend is
 * handled instead of being dropped as a duplicate. A resend that arrives while the first delivery is
 * still being handled is refused with RetryLaterError for the same reason.
 */
export function createDeliveryPipeline(o: PipelineOptions): DeliveryPipeline {
  /**
   * Frees the claim so the platform's resend is handled. When Redis is down right now this keeps
   * trying in the background: the resend is then handled as soon as Redis is back, not only once the
   * claim has run out.
   */
  function releaseEventually(key: string, token: string, attempt = 1): void {
    o.dedupe.release(key, token).catch(() => {
      if (attempt * RELEASE_RETRY_MS >= CLAIM_SECONDS * 1000) return;
      setTimeout(() => releaseEventually(key, token, attempt + 1), RELEASE_RETRY_MS).unref();
    });
  }

  /**
   * Marks the update handled. When Redis is down right now this keeps trying in the background, so a
   * retry of the same update (a worker trying again, a platform's resend) finds it done once Redis is
   * back instead of answering the resident a second time when the claim runs out.
   */
  function confirmEventually(key: string, attempt = 1): void {
    o.dedupe.confirm(key, SEEN_SECONDS).catch(() => {
      if (attempt * RELEASE_RETRY_MS >= CLAIM_SECONDS * 1000) return;
      setTimeout(() => confirmEventually(key, attempt + 1), RELEASE_RETRY_MS).unref();
    });
  }

  /** Handles a claimed update; `sentAny` false means the resident got nothing and a resend may retry. */
  async function handleClaimed(
    adapter: ChannelAdapter,
    parsed: { kind: 'event'; event: InboundEvent } | { kind: 'unreachable'; user: UserRef },
  ): Promise<{ result: DeliveryResult; sentAny: boolean; error?: unknown }> {
    if (parsed.kind === 'unreachable') {
      await o.conversation.markUnreachable(parsed.user);
      return { result: 'handled', sentAny: true };
    }
    const replies = await o.conversation.handle(parsed.event);
    let sent = 0;
    try {
      for (const reply of replies) {
        await adapter.send(parsed.event.chatId, reply);
        sent++;
      }
    } catch (err) {
      if (err instanceof ChannelError && err.code === 'blocked') {
        await o.conversation.markUnreachable(parsed.event.user);
        return { result: 'blocked', sentAny: true };
      }
      return { result: 'handled', sentAny: sent > 0, error: err };
    }
    return { result: 'handled', sentAny: true };
  }

  return {
    async deliver(adapter, raw, receivedAt) {
      const parsed = await adapter.parse(raw, receivedAt ?? o.clock.now());
      if (parsed.kind === 'ignored' || parsed.kind === 'invalid') return parsed.kind;
      const key = `${adapter.channel}:${parsed.dedupeKey}`;
      const claim = await o.dedupe.claim(key, CLAIM_SECONDS);
      if (claim.state === 'done') return 'duplicate';
      if (claim.state === 'busy') throw new RetryLaterError('this update is still being handled');
      let outcome: Awaited<ReturnType<typeof handleClaimed>>;
      try {
        outcome = await handleClaimed(adapter, parsed);
      } catch (err) {
        releaseEventually(key, claim.token);
        throw err;
      }
      if (!outcome.sentAny) {
        releaseEventually(key, claim.token);
        throw outcome.error;
      }
      // The resident has (part of) the answer: never again.
      confirmEventually(key);
      if (outcome.error) throw outcome.error;
      return outcome.result;
    },
    respond: (event) => o.conversation.handle(event),
  };
}
