import type { FakeTelegram, RecordedCall } from './fake-telegram-api';
import { callbackUpdate, startUpdate, textUpdate } from './fake-telegram-api';

let nextUpdateId = 5000;

export interface TgMessage {
  readonly text: string;
  readonly buttons: { text: string; callback_data: string }[];
}

/** What the resident sees: the text exactly as sent (the bot sends plain text) and the buttons. */
export function asSeen(call: RecordedCall): TgMessage {
  const p = call.params as {
    text: string;
    reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
  };
  return { text: p.text, buttons: (p.reply_markup?.inline_keyboard ?? []).flat() };
}

/**
 * One resident talking to the bot through Telegram: updates go in by the webhook (real HTTP, with the
 * secret) or by long polling (queued on the fake API); what the bot sent is read from the fake.
 */
export class TelegramResident {
  private seen = 0;

  constructor(
    readonly fake: FakeTelegram,
    readonly chatId: number,
    private readonly deliver: (update: object) => Promise<void>,
  ) {}

  get messages(): TgMessage[] {
    return this.fake
      .sent(this.chatId)
      .filter((c) => (c.response as { ok?: boolean } | undefined)?.ok !== false)
      .map(asSeen);
  }

  get last(): TgMessage {
    const m = this.messages.at(-1);
    if (!m) throw new Error('the bot sent nothing yet');
    return m;
  }

  /** Sends an update and waits until the bot has sent something new (or `expect` messages). */
  async send(update: object, expect = 1): Promise<TgMessage[]> {
    const before = this.messages.length;
    await this.deliver({ update_id: ++nextUpdateId, ...update });
    const until = Date.now() + 10_000;
    while (this.messages.length < before + expect) {
      if (Date.now() > until)
        throw new Error(`no reply; transcript:\n${this.messages.map((m) => m.text).join('\n---\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // Let the rest of a multi-message answer arrive.
    await new Promise((r) => setTimeout(r, 100));
    const fresh = this.messages.slice(before);
    this.seen = this.messages.length;
    return fresh;
  }

  start(param?: string) {
    return this.send(startUpdate(this.chatId, param));
  }

  say(text: string) {
    return this.send(textUpdate({ chatId: this.chatId, text }));
  }

  press(label: string) {
    const button = [...this.messages]
      .reverse()
      .flatMap((m) => m.buttons)
      .find((b) => b.text.includes(label));
    if (!button)
      throw new Error(`no button "${label}" in: ${this.last.buttons.map((b) => b.text).join(' | ')}`);
    return this.send(callbackUpdate({ chatId: this.chatId, data: button.callback_data }));
  }

  pressData(data: string) {
    return this.send(callbackUpdate({ chatId: this.chatId, data }));
  }

  get seenCount(): number {
    return this.seen;
  }
}
