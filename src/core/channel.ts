import type { Reply } from './reply';

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

/** Sends replies to one chat on one platform; throws ChannelError. */
export interface ChannelSender {
  readonly channel: 'telegram' | 'zalo' | 'web';
  send(chatId: string, reply: Reply): Promise<void>;
}
