import type { FakeZalo, ZaloCall, ZaloUpdate } from './fake-zalo-api';
import { zaloText } from './fake-zalo-api';

/** One Zalo resident: updates go in by the webhook or by polling; what the bot sent is read from the fake. */
export class ZaloResident {
  constructor(
    readonly fake: FakeZalo,
    readonly chatId: string,
    private readonly deliver: (update: ZaloUpdate) => Promise<void>,
  ) {}

  get messages(): string[] {
    return this.fake
      .sent(this.chatId)
      .filter((c: ZaloCall) => (c.response as { ok?: boolean } | undefined)?.ok === true)
      .map((c) => String(c.params.text));
  }

  get last(): string {
    const m = this.messages.at(-1);
    if (m === undefined) throw new Error('the bot sent nothing yet');
    return m;
  }

  /** Sends an update and waits until the bot has sent something new. */
  async send(update: ZaloUpdate, expect = 1): Promise<string[]> {
    const before = this.messages.length;
    await this.deliver(update);
    const until = Date.now() + 10_000;
    while (this.messages.length < before + expect) {
      if (Date.now() > until) throw new Error(`no reply; transcript:\n${this.messages.join('\n---\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 100));
    return this.messages.slice(before);
  }

  say(text: string): Promise<string[]> {
    return this.send(zaloText(this.chatId, text));
  }
}

/** The numbered options of a Zalo message ("1. Giấy tờ cần có" → ["Giấy tờ cần có"]) and its text without them. */
export function parseOptions(message: string): { text: string; options: string[] } {
  const lines = message.split('\n');
  const options: string[] = [];
  // Options end with the hint line "(Trả lời … để chọn.)"; without it, numbered lines are just text.
  if (!/^\(.*để chọn\.\)$|^\(Reply .* to choose\.\)$/.test(lines.at(-1) ?? ''))
    return { text: message, options };
  const end = lines.length - 1;
  let start = end;
  while (start > 0 && /^\d+\. /.test(lines[start - 1] ?? '')) start--;
  for (const line of lines.slice(start, end)) options.push(line.replace(/^\d+\. /, ''));
  if (options.length === 0) return { text: message, options };
  return { text: lines.slice(0, start).join('\n').replace(/\n+$/, ''), options };
}
