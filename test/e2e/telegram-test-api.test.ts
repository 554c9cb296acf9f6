/**
 * The main Telegram flow against someone else's Bot API emulator: `telegram-test-api` (v4.2.1), not our own
 * fake (test/helpers/fake-telegram-api.ts). The real grammY bot long-polls the emulator with
 * @grammyjs/runner; a resident is played by the emulator's own client (sendCommand / sendMessage /
 * sendCallback), and what the bot sent is read back with the client's getUpdatesHistory.
 *
 * What the emulator does (read from node_modules/telegram-test-api/lib), and how this test deals with it:
 * - getMe answers `{ id: 666, username: 'TestNameBot', first_name: 'Test First name' }` only (no `is_bot`,
 *   `can_join_groups`, …): we call it once to learn the identity, and pass it (completed with the fields of
 *   FAKE_BOT_INFO) as `botInfo`, which the test server requires.
 * - getUpdates ignores `offset`, `limit`, `timeout` and `allowed_updates`: it answers at once with every
 *   update not yet handed out (no long polling), so the runner polls in a tight loop while the test runs.
 * - sendMessage records the body as it came (`parse_mode`, `link_preview_options`, `reply_markup` are kept but
 *   not validated) and answers a Message whose `date` is in milliseconds (Telegram: seconds) and which has
 *   no `from`. The bot sends plain text, so the stored text is what the resident reads.
 * - answerCallbackQuery is supported (answers `result: null`, Telegram: `true`); grammY accepts that.
 * - The client's callback query carries a `message` without `message_id`/`date` whose `from` is the user, not
 *   the bot; the bot only reads `message.chat.id`, so that is enough.
 * - The client's getUpdates (for the user side) marks messages as read and, on a timeout, keeps polling in the
 *   background and would swallow later messages, so this test reads the non-destructive history instead.
 */
import { Api } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import TelegramServer from 'telegram-test-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolling } from '../../src/channels/telegram/polling';
import { FAKE_BOT_INFO } from '../helpers/fake-telegram-api';
import { freePort } from '../helpers/redis-server';
import { startTestServer, type TestServer } from '../helpers/test-server';

const TOKEN = '4242424242:telegram-test-api_token';
const SECRET = 'telegram_webhook_secret_for_tests';
const CHAT = 9_100_001;

interface Button {
  text: string;
  callback_data: string;
}

/** A message as the resident sees it (plain text, as sent), plus its inline buttons. */
interface Seen {
  text: string;
  buttons: Button[];
  parseMode: unknown;
  linkPreview: unknown;
}

/** What the emulator stores for a bot's sendMessage (the request body, normalized). */
interface StoredBotMessage {
  message: {
    chat_id?: unknown;
    text?: unknown;
    parse_mode?: unknown;
    link_preview_options?: unknown;
    reply_markup?: { inline_keyboard?: Button[][] };
  };
}

/** One Bot API call the bot made and what the emulator answered (recorded by an API transformer). */
interface BotCall {
  method: string;
  ok: boolean;
  description?: string;
}

let emulator: TelegramServer;
let server: TestServer;
let runner: ReturnType<typeof startPolling>;
let client: ReturnType<TelegramServer['getClient']>;
let botInfo: UserFromGetMe;
const botCalls: BotCall[] = [];

beforeAll(async () => {
  const port = await freePort();
  // storeTimeout (seconds): keep everything for the whole run; host 127.0.0.1 to match freePort().
  emulator = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
  await emulator.start();
  const apiRoot = emulator.config.apiURL;

  // The emulator's identity for the bot, through its getMe.
  const me = await new Api(TOKEN, { apiRoot }).getMe();
  botInfo = { ...FAKE_BOT_INFO, ...me };

  server = await startTestServer({ telegram: { apiRoot, token: TOKEN, botInfo, webhookSecret: SECRET } });
  // Record every call the bot makes (but the endless getUpdates) and whether the emulator accepted it: the
  // bot logs failures to a silent logger, so this is how a rejected call shows up in the test.
  server.bot!.api.config.use(async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (method !== 'getUpdates')
      botCalls.push({ method, ok: res.ok, ...(res.ok ? {} : { description: res.description }) });
    return res;
  });
  runner = startPolling(server.bot!);
  client = emulator.getClient(TOKEN, {
    userId: CHAT,
    chatId: CHAT,
    firstName: 'Bà',
    userName: 'ba_con_test',
  });
});

afterAll(async () => {
  if (runner?.isRunning()) await runner.stop();
  await server?.close();
  await emulator?.stop();
});

/** Everything the bot sent to the resident's chat so far, in order, as the resident sees it. */
async function botMessages(): Promise<Seen[]> {
  const history = (await client.getUpdatesHistory()) as unknown as StoredBotMessage[];
  return history
    .filter((u) => u.message && 'chat_id' in u.message && String(u.message.chat_id) === String(CHAT))
    .map(({ message: m }) => ({
      text: String(m.text ?? ''),
      buttons: (m.reply_markup?.inline_keyboard ?? []).flat(),
      parseMode: m.parse_mode,
      linkPreview: m.link_preview_options,
    }));
}

let seen = 0;

/**
 * Runs one step of the resident (send something to the emulator) and returns the bot's new messages once
 * `done` holds for them; then waits a little for the rest of a multi-part answer.
 */
async function step(act: () => Promise<unknown>, done: (fresh: Seen[]) => boolean): Promise<Seen[]> {
  await act();
  const until = Date.now() + 10_000;
  for (;;) {
    const fresh = (await botMessages()).slice(seen);
    if (fresh.length > 0 && done(fresh)) break;
    if (Date.now() > until)
      throw new Error(`no expected reply; bot sent:\n${fresh.map((m) => m.text).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 150));
  const all = await botMessages();
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh;
}

const allText = (ms: Seen[]) => ms.map((m) => m.text).join('\n');
const allButtons = (ms: Seen[]) => ms.flatMap((m) => m.buttons);

function button(ms: Seen[], label: string): Button {
  const b = allButtons(ms).find((x) => x.text === label);
  if (!b)
    throw new Error(
      `no button "${label}" in: ${allButtons(ms)
        .map((x) => x.text)
        .join(' | ')}`,
    );
  return b;
}

function press(b: Button) {
  return () => client.sendCallback(client.makeCallbackQuery(b.callback_data));
}

describe('Telegram against telegram-test-api (an independent Bot API emulator), long polling', () => {
  it('runs the main flow: /start → village → question without diacritics → answer → section → 👍', async () => {
    // The emulator's getMe gave the bot its identity.
    expect(botInfo.username).toBe('TestNameBot');
    expect(botInfo.id).toBe(666);

    const hello = await step(
      () => client.sendCommand(client.makeCommand('/start')),
      (ms) => allButtons(ms).length > 0,
    );
    expect(allText(hello)).toContain('Xin chào bà con');
    const villages = allButtons(hello);
    expect(villages[0]?.text).toBe('Thôn/làng 1');

    const village = await step(press(villages[0]!), (ms) =>
      allText(ms).includes('ghi nhận bà con ở Thôn/làng 1'),
    );
    expect(allText(village)).toContain('ghi nhận bà con ở Thôn/làng 1');

    const answer = await step(
      () => client.sendMessage(client.makeMessage('lam giay khai sinh cho con')),
      (ms) => allButtons(ms).some((b) => b.text === '👍 Có ích'),
    );
    expect(answer[0]?.text).toMatch(/^Đăng ký khai sinh/);
    const labels = allButtons(answer).map((b) => b.text);
    expect(labels).toContain('Giấy tờ cần có');
    expect(labels).toContain('👍 Có ích');

    const papers = await step(press(button(answer, 'Giấy tờ cần có')), (ms) =>
      allText(ms).includes('Đăng ký khai sinh — Giấy tờ cần có'),
    );
    expect(allText(papers)).toContain('Đăng ký khai sinh — Giấy tờ cần có');

    // The 👍 button sits under the answer (the section message has none): press it there.
    const thanks = await step(press(button(answer, '👍 Có ích')), (ms) =>
      allText(ms).includes('Cảm ơn bà con đã cho biết!'),
    );
    expect(allText(thanks)).toContain('Cảm ơn bà con đã cho biết!');

    // Every message went out as plain text (no parse_mode: nothing is read as markup) without link previews
    // (the emulator stores the parameters as sent).
    const sent = await botMessages();
    expect(sent.every((m) => m.parseMode === undefined)).toBe(true);
    expect(sent.every((m) => JSON.stringify(m.linkPreview) === JSON.stringify({ is_disabled: true }))).toBe(
      true,
    );
    // The emulator accepted every call the bot made, and each of the 3 presses was acknowledged.
    expect(botCalls.filter((c) => !c.ok)).toEqual([]);
    expect(botCalls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(3);
    expect(botCalls.filter((c) => c.method === 'sendMessage')).toHaveLength(sent.length);
  }, 60_000);
});
