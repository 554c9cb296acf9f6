import type { InboundEvent } from './inbound';
import type { Reply } from './reply';
import type { Channel, UserRef } from './user';

/** What can go wrong when a channel sends (ARCHITECTURE §4), whatever the platform said. */
export type ChannelErrorCode = 'blocked' | 'rate-limited' | 'bad-request' | 'unavailable' | 'unauthorized';

export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    /** for 'rate-limited': how long the platform asked us to wait */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/**
 * The update could not be handled now (the store is down, or another process is still handling it):
 * the platform should send it again, so a webhook answers with a non-2xx status.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    /** how long to wait before the resend, as a hint for Retry-After */
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** Sends replies to one chat on one platform; throws ChannelError. */
export interface ChannelSender {
  readonly channel: Channel;
  send(chatId: string, reply: Reply): Promise<void>;
}

/** A platform update as the delivery pipeline sees it, whatever the platform. */
export type ParsedUpdate =
  /** something a resident did; `dedupeKey` is the platform's own id of the update (never a user id) */
  | { readonly kind: 'event'; readonly dedupeKey: string; readonly event: InboundEvent }
  /** the platform says a resident blocked the bot or left */
  | { readonly kind: 'unreachable'; readonly dedupeKey: string; readonly user: UserRef }
  /** a valid update the bot does not act on (a group message not meant for it, an unknown event) */
  | { readonly kind: 'ignored'; readonly reason: string }
  /** not an update of this platform at all */
  | { readonly kind: 'invalid'; readonly reason: string };

export type DeliveryResult = 'handled' | 'duplicate' | 'blocked' | 'ignored' | 'invalid';

/**
 * The one channel-neutral inbound path every adapter feeds (implemented in src/delivery): dedupe once
 * on the platform's id → conversation → send each reply → blocked handling.
 */
export interface DeliveryPipeline {
  /**
   * a platform update: parsed by the adapter, handled once, the replies sent through the adapter;
   * `receivedAt` is when the bot got it (default: now)
   */
  deliver(adapter: ChannelAdapter, raw: unknown, receivedAt?: number): Promise<DeliveryResult>;
  /** a channel that answers in its own response (the web chat): the replies, nothing deduplicated */
  respond(event: InboundEvent): Promise<Reply[]>;
}

/** What the inbound queue needs to know of a raw update before it is handled. */
export interface InboundRoute {
  /** the platform's id of the update: a resend carries the same one */
  readonly id: string;
  /** the chat it belongs to: one chat's updates are handled one at a time, in order */
  readonly chat: string;
}

/**
 * Where webhooks and poll loops leave authenticated updates (implemented with BullMQ, wired in
 * compose-inbound.ts): stored durably, then handled by a worker through the delivery pipeline, so a
 * webhook answers at once and a burst does not wait on each reply.
 */
export interface InboundQueue {
  /**
   * Resolves once the update is stored ('stored'), or, when the adapter finds nothing to queue in it,
   * once it was parsed, logged and counted ('ignored' or 'invalid'); throws when it could not be stored
   * now, so a webhook answers 503.
   */
  accept(adapter: ChannelAdapter, raw: unknown): Promise<'stored' | DeliveryResult>;
}

/** The bits of an HTTP request a webhook reads (a Fastify request satisfies it). */
export interface HttpRequest {
  readonly body: unknown;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly ip: string;
}

/** The bits of an HTTP reply a webhook writes (a Fastify reply satisfies it). */
export interface HttpReply {
  code(status: number): HttpReply;
  header(name: string, value: string): HttpReply;
  send(body?: unknown): HttpReply;
}

/**
 * A webhook route an adapter asks the web server to mount. The server checks the secret header in
 * constant time (401 when wrong or missing) before the handler sees the request.
 */
export interface WebhookRoute {
  readonly path: string;
  readonly bodyLimit: number;
  readonly secret: { readonly header: string; readonly value: string };
  handler(request: HttpRequest, reply: HttpReply): Promise<unknown>;
}

export interface ChannelLimits {
  /** the longest text of one message, as the platform counts it; longer replies are split */
  readonly textLength: number;
  /** false: the platform has no buttons, options are numbered and answered by number */
  readonly buttons: boolean;
}

/**
 * One channel (ARCHITECTURE §4). Turns its platform's updates into `ParsedUpdate`s, hands them to the
 * delivery pipeline (through its webhook routes or its polling loop), and sends replies. Adding a
 * channel is one folder that exports a factory of these, plus one line in src/adapters.ts.
 */
export interface ChannelAdapter extends ChannelSender {
  readonly limits: ChannelLimits;
  /** a raw platform update → what the pipeline acts on */
  parse(raw: unknown, now: number): Promise<ParsedUpdate>;
  /**
   * a raw update's id and chat, read without acting on it, for the inbound queue; undefined when it
   * holds nothing to handle (a probe, an unknown shape): it is then parsed at once, logged and counted
   */
  route?(raw: unknown): InboundRoute | undefined;
  /** tells the platform the update was taken, before it is handled (Telegram: the button stops spinning) */
  acknowledge?(raw: unknown): Promise<void>;
  /** routes to mount when the channel receives by webhook */
  readonly routes?: readonly WebhookRoute[];
  /** proactive messages (outbox): a sender that does not retry by itself, because the queue retries */
  readonly outbox?: ChannelSender;
  /** connects to the platform (and starts polling, in polling mode); only in the web role */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
