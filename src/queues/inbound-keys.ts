import { createHash } from 'node:crypto';

/**
 * Each channel's inbound updates are spread over this many queues by chat. Every queue runs one job at
 * a time across all processes (BullMQ global concurrency 1), so one chat's updates are handled in the
 * order they came, and up to this many chats are answered at once.
 */
export const INBOUND_SHARDS = 8;

/** Queue names contain no ':' (ARCHITECTURE §6). */
export const inboundQueueName = (channel: string, shard: number): string => `inbound-${channel}-${shard}`;

/** The queue a chat's updates go to: the same one every time, in every process. */
export function shardOf(chat: string, shards = INBOUND_SHARDS): number {
  return createHash('sha1').update(chat).digest().readUInt32BE(0) % shards;
}

const PLAIN_ID = /^[A-Za-z0-9_.-]{1,200}$/;

/**
 * A BullMQ job id from the platform's id of the update: an update sent again while the first copy is
 * still queued is not queued twice. BullMQ refuses ids with ':' or all digits, so those are hashed or
 * prefixed.
 */
export function inboundJobId(updateId: string): string {
  if (PLAIN_ID.test(updateId)) return `u-${updateId}`;
  return `h-${createHash('sha256').update(updateId).digest('base64url')}`;
}
