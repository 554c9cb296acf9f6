import { Bot, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  callbackUpdate,
  type FakeTelegram,
  myChatMemberBlocked,
  parseTelegramHtml,
  photoUpdate,
  startFakeTelegram,
  startUpdate,
  textUpdate,
} from '../helpers/fake-telegram-api';

const CHAT = 424242;

/** Runs `fn`, expects a GrammyError and returns it. */
async function grammyError(fn: () => Promise<unknown>): Promise<GrammyError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GrammyError);
    return err as GrammyError;
  }
  throw new Error('expected a GrammyError, the call succeeded');
}

describe('fake Telegram Bot API driven by a real grammY Bot', () => {
  let fake: FakeTelegram;
  let bot: Bot;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    bot = new Bot(fake.token, { client: { apiRoot: fake.url } });
    await bot.init();
  });

  afterEach(() => {
    fake.reset();
  });

  afterAll(async () => {
    await fake.close();
  });

  it('answers getMe with the bot info', async () => {
    expect(bot.botInfo).toEqual(fake.botInfo);
    const me = await bot.api.getMe();
    expect(me.is_bot).toBe(true);
    expect(me.username).toBe(fake.botInfo.username);
    expect(fake.callsOf('getMe')).toHaveLength(2); // bot.init() and this one
    expect(fake.calls[0]?.token).toBe(fake.token);
  });

  it('sends a message with valid HTML and returns a realistic Message', async () => {
    const text =
      '<b>Thủ tục</b> đăng ký <i>khai sinh</i> &amp; <a href="https://dichvucong.gov.vn/?a=1&b=2">link</a>';
    const first = await bot.api.sendMessage(CHAT, text, {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'Hỏi tiếp', callback_data: 'topic:khai-sinh' }]] },
    });
    expect(first.chat).toMatchObject({ id: CHAT, type: 'private' });
    expect(first.from?.id).toBe(fake.botInfo.id);
    expect(first.text).toBe('Thủ tục đăng ký khai sinh & link');
    expect(first.entities).toEqual([
      { type: 'bold', offset: 0, length: 7 },
      { type: 'italic', offset: 16, length: 9 },
      { type: 'text_link', offset: 28, length: 4, url: 'https://dichvucong.gov.vn/?a=1&b=2' },
    ]);
    expect(first.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ callback_data: 'topic:khai-sinh' });
    expect(Math.abs(first.date - Date.now() / 1000)).toBeLessThan(5);

    const second = await bot.api.sendMessage(CHAT, 'tiếp theo');
    expect(second.message_id).toBe(first.message_id + 1);
    expect(fake.sent(CHAT).map((c) => c.params.text)).toEqual([text, 'tiếp theo']);
    expect(fake.sent(CHAT + 1)).toEqual([]);
  });

  it('rejects invalid HTML with 400 "can\'t parse entities"', async () => {
    for (const bad of [
      '<b>không đóng',
      '<b><i>sai</b></i>',
      'a < b',
      '<div>x</div>',
      'Tom & Jerry',
      '</b>',
    ]) {
      const err = await grammyError(() => bot.api.sendMessage(CHAT, bad, { parse_mode: 'HTML' }));
      expect(err.error_code).toBe(400);
      expect(err.description).toMatch(/^Bad Request: can't parse entities: /);
    }
    // the same text without parse_mode is fine
    await expect(bot.api.sendMessage(CHAT, 'Tom & Jerry <3')).resolves.toMatchObject({
      text: 'Tom & Jerry <3',
    });
  });

  it('checks message length in UTF-16 units after parsing', async () => {
    expect((await grammyError(() => bot.api.sendMessage(CHAT, '   '))).description).toBe(
      'Bad Request: message text is empty',
    );
    expect((await grammyError(() => bot.api.sendMessage(CHAT, 'x'.repeat(4097)))).description).toBe(
      'Bad Request: message is too long',
    );
    const longButFine = await bot.api.sendMessage(CHAT, `<b>${'ệ'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    expect(longButFine.text).toHaveLength(4096);
  });

  it('rejects callback_data over 64 bytes (Vietnamese letters take 2-3 bytes)', async () => {
    const sixtyFourBytes = 'đ'.repeat(32); // 32 characters, exactly 64 bytes: allowed
    expect(Buffer.byteLength(sixtyFourBytes)).toBe(64);
    await bot.api.sendMessage(CHAT, 'ok', {
      reply_markup: { inline_keyboard: [[{ text: 'ok', callback_data: sixtyFourBytes }]] },
    });

    const vietnamese = 'thủ tục đăng ký khai sinh cho trẻ em tại ủy ban nhân dân xã Hòa.'; // 64 characters
    expect(vietnamese).toHaveLength(64);
    expect(Buffer.byteLength(vietnamese)).toBeGreaterThan(64);
    for (const data of [vietnamese, `${sixtyFourBytes}a`, '']) {
      const err = await grammyError(() =>
        bot.api.sendMessage(CHAT, 'x', {
          reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: data }]] },
        }),
      );
      expect(err.error_code).toBe(400);
      expect(err.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    }
  });

  it('surfaces an injected 429 with parameters.retry_after, then works again', async () => {
    fake.failNext('sendMessage', { code: 429, retryAfter: 7 });
    const err = await grammyError(() => bot.api.sendMessage(CHAT, 'xin chào'));
    expect(err.error_code).toBe(429);
    expect(err.description).toBe('Too Many Requests: retry after 7');
    expect(err.parameters.retry_after).toBe(7);
    await expect(bot.api.sendMessage(CHAT, 'xin chào')).resolves.toMatchObject({ text: 'xin chào' });
    expect(fake.sent(CHAT)).toHaveLength(2);
    expect(fake.sent(CHAT)[0]?.response).toMatchObject({ ok: false, error_code: 429 });
  });

  it('surfaces an injected 403 (blocked) for the given number of calls', async () => {
    fake.failNext('sendMessage', { code: 403 }, 2);
    for (let i = 0; i < 2; i++) {
      const err = await grammyError(() => bot.api.sendMessage(CHAT, 'xin chào'));
      expect(err.error_code).toBe(403);
      expect(err.description).toBe('Forbidden: bot was blocked by the user');
    }
    await bot.api.sendMessage(CHAT, 'xin chào');

    fake.setBlocked(CHAT);
    expect((await grammyError(() => bot.api.sendChatAction(CHAT, 'typing'))).error_code).toBe(403);
    fake.failNext('getMe', { code: 500 });
    const err = await grammyError(() => bot.api.getMe());
    expect([err.error_code, err.description]).toEqual([500, 'Internal Server Error']);
  });

  it('long-polls getUpdates: returns a pushed update, then [] after the timeout', async () => {
    setTimeout(() => fake.pushUpdate(textUpdate({ chatId: CHAT, text: 'xin chào' })), 300);
    const started = Date.now();
    const updates = await bot.api.getUpdates({ timeout: 2 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(updates).toHaveLength(1);
    const [update] = updates as [Update];
    expect(update.update_id).toBe(1000);
    expect(update.message?.text).toBe('xin chào');
    expect(update.message?.from.id).toBe(CHAT);

    const waitStarted = Date.now();
    const none = await bot.api.getUpdates({ offset: update.update_id + 1, timeout: 1 });
    expect(none).toEqual([]);
    expect(Date.now() - waitStarted).toBeGreaterThanOrEqual(950);
  });

  it('confirms updates with offset, honours limit and allowed_updates', async () => {
    const a = fake.pushUpdate(startUpdate(CHAT, 'khai-sinh'));
    const b = fake.pushUpdate(callbackUpdate({ chatId: CHAT, data: 'menu:home' }));
    const c = fake.pushUpdate(photoUpdate(CHAT));
    const d = fake.pushUpdate(myChatMemberBlocked(CHAT));
    expect([b, c, d]).toEqual([a + 1, a + 2, a + 3]);

    const firstTwo = await bot.api.getUpdates({ limit: 2 });
    expect(firstTwo.map((u) => u.update_id)).toEqual([a, b]);
    expect(firstTwo[0]?.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    expect(firstTwo[1]?.callback_query?.data).toBe('menu:home');

    const rest = await bot.api.getUpdates({ offset: b + 1, allowed_updates: ['message'] });
    expect(rest.map((u) => u.update_id)).toEqual([c]); // my_chat_member is not wanted
    expect((await bot.api.getWebhookInfo()).pending_update_count).toBe(1);
  });

  it('a second getUpdates terminates the first one with 409', async () => {
    const first = grammyError(() => bot.api.getUpdates({ timeout: 5 }));
    await fake.waitForCalls('getUpdates', 1);
    await new Promise((r) => setTimeout(r, 50));
    const second = bot.api.getUpdates({ timeout: 0 });
    const err = await first;
    expect(err.error_code).toBe(409);
    expect(err.description).toMatch(/^Conflict: terminated by other getUpdates request/);
    await expect(second).resolves.toEqual([]);
  });

  it('validates setWebhook and refuses getUpdates while a webhook is set', async () => {
    const insecure = await grammyError(() => bot.api.setWebhook('http://example.com/telegram'));
    expect(insecure.error_code).toBe(400);
    expect(insecure.description).toBe('Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    const badSecret = await grammyError(() =>
      bot.api.setWebhook('https://example.com/telegram', { secret_token: 'có dấu' }),
    );
    expect(badSecret.error_code).toBe(400);
    expect(fake.webhook()).toBeUndefined();

    await expect(
      bot.api.setWebhook('https://example.com/telegram', {
        secret_token: 's3cret_-X',
        allowed_updates: ['message'],
      }),
    ).resolves.toBe(true);
    expect(fake.webhook()).toMatchObject({
      url: 'https://example.com/telegram',
      secret_token: 's3cret_-X',
      allowed_updates: ['message'],
    });
    expect(await bot.api.getWebhookInfo()).toMatchObject({
      url: 'https://example.com/telegram',
      has_custom_certificate: false,
      pending_update_count: 0,
    });

    const conflict = await grammyError(() => bot.api.getUpdates());
    expect(conflict.error_code).toBe(409);
    expect(conflict.description).toBe(
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );

    await expect(bot.api.deleteWebhook()).resolves.toBe(true);
    await expect(bot.api.getUpdates({ timeout: 0 })).resolves.toEqual([]);
    expect((await bot.api.getWebhookInfo()).url).toBe('');
  });

  it('answers 401 for a wrong token and 404 for an unknown method', async () => {
    const stranger = new Bot('999:wrong', { client: { apiRoot: fake.url } });
    const unauthorized = await grammyError(() => stranger.api.getMe());
    expect([unauthorized.error_code, unauthorized.description]).toEqual([401, 'Unauthorized']);
    expect(fake.calls.at(-1)?.token).toBe('999:wrong');

    const unknown = await grammyError(() => bot.api.raw.sendDice({ chat_id: CHAT }));
    expect([unknown.error_code, unknown.description]).toEqual([404, 'Not Found: method not found']);
  });

  it('edits messages, answers callback queries and stores commands', async () => {
    const sent = await bot.api.sendMessage(CHAT, 'Chọn:', {
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
    const edited = await bot.api.editMessageText(CHAT, sent.message_id, '<b>Đã chọn A</b>', {
      parse_mode: 'HTML',
    });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: 'Đã chọn A' });
    expect(edited !== true && edited.reply_markup).toBeFalsy();
    const same = await grammyError(() =>
      bot.api.editMessageText(CHAT, sent.message_id, '<b>Đã chọn A</b>', { parse_mode: 'HTML' }),
    );
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    expect(
      (
        await grammyError(() =>
          bot.api.editMessageText(CHAT, sent.message_id, '<b>x', { parse_mode: 'HTML' }),
        )
      ).error_code,
    ).toBe(400);

    await expect(bot.api.answerCallbackQuery('4382000000000000001', { text: 'OK' })).resolves.toBe(true);
    const missing = await grammyError(() => bot.api.raw.answerCallbackQuery({} as never));
    expect(missing.description).toBe(
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    );

    await expect(
      bot.api.setMyCommands([
        { command: 'start', description: 'Bắt đầu' },
        { command: 'help', description: 'Hướng dẫn' },
      ]),
    ).resolves.toBe(true);
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }], { language_code: 'en' });
    expect((await bot.api.getMyCommands()).map((c) => c.command)).toEqual(['start', 'help']);
    expect(await bot.api.getMyCommands({ language_code: 'en' })).toEqual([
      { command: 'start', description: 'Start' },
    ]);
    const badCommand = await grammyError(() =>
      bot.api.setMyCommands([{ command: 'Bắt_đầu', description: 'x' }]),
    );
    expect(badCommand.description).toBe('Bad Request: BOT_COMMAND_INVALID');

    await expect(bot.api.sendChatAction(CHAT, 'typing')).resolves.toBe(true);
    await expect(bot.api.deleteMessage(CHAT, sent.message_id)).resolves.toBe(true);
  });

  it('serves a polling bot end to end (bot.start → handler → sendMessage)', async () => {
    const polling = new Bot(fake.token, { client: { apiRoot: fake.url }, botInfo: fake.botInfo });
    polling.command('start', (ctx) => ctx.reply(`<b>Chào</b> ${ctx.match}`, { parse_mode: 'HTML' }));
    polling.on('callback_query:data', async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(`Bạn chọn ${ctx.callbackQuery.data}`);
    });
    const running = polling.start({ timeout: 1 });
    fake.pushUpdate(startUpdate(CHAT, 'abc'));
    fake.pushUpdate(callbackUpdate({ chatId: CHAT, data: 'menu:1', messageId: 77 }));
    await fake.waitForCalls('sendMessage', 1);
    const [edit] = await fake.waitForCalls('editMessageText', 1);
    await polling.stop();
    await running;
    expect(fake.sent(CHAT)[0]?.response).toMatchObject({ ok: true, result: { text: 'Chào abc' } });
    expect(edit?.params).toMatchObject({ chat_id: CHAT, message_id: 77, text: 'Bạn chọn menu:1' });
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect((await bot.api.getWebhookInfo()).pending_update_count).toBe(0); // stop() confirmed them
  });
});

describe('parseTelegramHtml', () => {
  it('builds entities like Telegram', () => {
    expect(
      parseTelegramHtml(
        '<pre><code class="language-ts">x</code></pre><tg-spoiler>s</tg-spoiler><blockquote expandable>q</blockquote>',
      ),
    ).toEqual({
      text: 'xsq',
      entities: [
        { type: 'pre', offset: 0, length: 1, language: 'ts' },
        { type: 'spoiler', offset: 1, length: 1 },
        { type: 'expandable_blockquote', offset: 2, length: 1 },
      ],
    });
    expect(parseTelegramHtml('&lt;&#65;&#x42;&quot;').text).toBe('<AB"');
    expect(() => parseTelegramHtml('<span>x</span>')).toThrow(/tg-spoiler/);
    expect(() => parseTelegramHtml('<b>x</i>')).toThrow(/Unmatched end tag at byte offset 4/);
  });
});
