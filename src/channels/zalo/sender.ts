import type { ChannelSender } from '../../core/channel';
import type { ChoiceStore } from '../../core/ports';
import type { Reply } from '../../core/reply';
import { ZaloClient, type ZaloUnknownErrorObserver } from './client';
import { toChannelError } from './errors';
import { renderForZalo } from './render';

/**
 * Sends a reply to a Zalo chat: numbered options instead of buttons, remembered for the resident so
 * that "1", "số 2" or the option's words come back as the button's payload.
 */
export class ZaloSender implements ChannelSender {
  readonly channel = 'zalo' as const;

  constructor(
    private readonly client: ZaloClient,
    private readonly choices: ChoiceStore,
    private readonly hint: (count: number) => string,
  ) {}

  async send(chatId: string, reply: Reply): Promise<void> {
    const { texts, options } = renderForZalo(reply, this.hint);
    try {
      for (const text of texts) await this.client.sendMessage(chatId, text);
    } catch (err) {
      throw toChannelError(err);
    }
    // In a private chat the chat id is the resident's id (reference §1.3).
    if (options.length > 0) await this.choices.save({ channel: 'zalo', id: chatId }, options);
  }
}

/** A sender with its own client, for the outbox worker; `onUnknownError` hears unrecognised error answers. */
export function createZaloSender(
  token: string,
  baseUrl: string,
  choices: ChoiceStore,
  hint: (count: number) => string,
  onUnknownError?: ZaloUnknownErrorObserver,
): ZaloSender {
  const client = new ZaloClient({ token, baseUrl });
  if (onUnknownError) client.onUnknownError(onUnknownError);
  return new ZaloSender(client, choices, hint);
}
