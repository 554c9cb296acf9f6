import { Bot, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  callbackUpdate,
  type FakeTelegram,
  myChatMemberBlocked,
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

  it('sends a plain-text message and returns a realistic Message, the text exactly as sent', async () => {
    const text = '<b>Thủ tục</b> khai sinh & kết hôn &amp; 😀';
    const first = await bot.api.sendMessage(CHAT, text, {
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: [[{ text: 'Hỏi tiếp', callback_data: 'topic:khai-sinh' }]] },
    });
    expect(first.chat).toMatchObject({ id: CHAT, type: 'private' });
    expect(first.from?.id).toBe(fake.botInfo.id);
    expect(first.text).toBe(text);
    expect(first.entities).toBeUndefined();
    expect(first.link_preview_options).toEqual({ is_disabled: true });
    expect(first.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ callback_data: 'topic:khai-sinh' });
    expect(Math.abs(first.date - Date.now() / 1000)).toBeLessThan(5);

    const second = await bot.api.sendMessage(CHAT, 'tiếp theo');
    expect(second.message_id).toBe(first.message_id + 1);
    expect(fake.sent(CHAT).map((c) => c.params.text)).toEqual([text, 'tiếp theo']);
    expect(fake.sent(CHAT + 1)).toEqual([]);
  });

  it('refuses parse_mode: the bot sends plain text and the fake parses no markup', async () => {
    const err = await grammyError(() => bot.api.sendMessage(CHAT, '<b>x</b>', { parse_mode: 'HTML' }));
    expect(err.error_code).toBe(400);
  });

  it('rejects a missing chat_id, an unknown chat and a missing or blank text', async () => {
    const noChat = await grammyError(() => bot.api.raw.sendMessage({ text: 'x' } as never));
    expect([noChat.error_code, noChat.description]).toEqual([400, 'Bad Request: chat_id is empty']);
    for (const chatId of [0, 'not-a-chat']) {
      const err = await grammyError(() => bot.api.sendMessage(chatId, 'x'));
      expect(err.description).toBe('Bad Request: chat not found');
    }
    const noText = await grammyError(() => bot.api.raw.sendMessage({ chat_id: CHAT } as never));
    expect(noText.description).toBe('Bad Request: message text is empty');
    expect((await grammyError(() => bot.api.sendMessage(CHAT, ' \n '))).description).toBe(
      'Bad Request: message text is empty',
    );
  });

  it('checks message length in UTF-16 code units (4,096)', async () => {
    const tooLong = async (text: string) =>
      (await grammyError(() => bot.api.sendMessage(CHAT, text))).description;
    expect(await tooLong('x'.repeat(4097))).toBe('Bad Request: message is too long');
    expect(await tooLong(`${'😀'.repeat(2048)}x`)).toBe('Bad Request: message is too long'); // 2 units each
    expect((await bot.api.sendMessage(CHAT, '😀'.repeat(2048))).text).toHaveLength(4096);
    expect((await bot.api.sendMessage(CHAT, `<b>${'ệ'.repeat(4089)}</b>`)).text).toHaveLength(4096);
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

  it('surfaces an injected 403 (blocked) for the given number of calls, and a blocked chat', async () => {
    fake.failNext('sendMessage', { code: 403 }, 2);
    for (let i = 0; i < 2; i++) {
      const err = await grammyError(() => bot.api.sendMessage(CHAT, 'xin chào'));
      expect(err.error_code).toBe(403);
      expect(err.description).toBe('Forbidden: bot was blocked by the user');
    }
    await bot.api.sendMessage(CHAT, 'xin chào');

    fake.setBlocked(CHAT);
    const blocked = await grammyError(() => bot.api.sendMessage(CHAT, 'xin chào'));
    expect([blocked.error_code, blocked.description]).toEqual([
      403,
      'Forbidden: bot was blocked by the user',
    ]);
    fake.setBlocked(CHAT, false);
    await bot.api.sendMessage(CHAT, 'xin chào');
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

    // Methods the bot never calls are not implemented.
    for (const call of [
      () => bot.api.raw.sendDice({ chat_id: CHAT }),
      () => bot.api.editMessageText(CHAT, 1, 'x'),
    ]) {
      const unknown = await grammyError(call);
      expect([unknown.error_code, unknown.description]).toEqual([404, 'Not Found: method not found']);
    }
  });

  it('answers a callback query once and validates bot commands', async () => {
    await expect(bot.api.answerCallbackQuery('4382000000000000001')).resolves.toBe(true);
    for (const call of [
      () => bot.api.answerCallbackQuery('4382000000000000001'),
      () => bot.api.raw.answerCallbackQuery({} as never),
    ]) {
      expect((await grammyError(call)).description).toBe(
        'Bad Request: query is too old and response timeout expired or query ID is invalid',
      );
    }

    await expect(
      bot.api.setMyCommands([
        { command: 'start', description: 'Bắt đầu' },
        { command: 'help', description: 'Hướng dẫn' },
      ]),
    ).resolves.toBe(true);
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }], { language_code: 'en' });
    expect(fake.callsOf('setMyCommands').map((c) => c.params.language_code)).toEqual([undefined, 'en']);
    for (const bad of [
      { command: 'Bắt_đầu', description: 'x' },
      { command: 'menu', description: ' ' },
    ]) {
      const err = await grammyError(() => bot.api.setMyCommands([bad]));
      expect(err.description).toBe('Bad Request: BOT_COMMAND_INVALID');
    }
  });

  it('serves a polling bot end to end (bot.start → handler → sendMessage)', async () => {
    const polling = new Bot(fake.token, { client: { apiRoot: fake.url }, botInfo: fake.botInfo });
    polling.command('start', (ctx) => ctx.reply(`<b>Chào</b> ${ctx.match}`));
    polling.on('callback_query:data', async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.reply(`Bạn chọn ${ctx.callbackQuery.data}`);
    });
    const running = polling.start({ timeout: 1 });
    fake.pushUpdate(startUpdate(CHAT, 'abc'));
    fake.pushUpdate(callbackUpdate({ chatId: CHAT, data: 'menu:1' }));
    await fake.waitForCalls('sendMessage', 2);
    await polling.stop();
    await running;
    expect(fake.sent(CHAT).map((c) => c.response)).toMatchObject([
      { ok: true, result: { text: '<b>Chào</b> abc' } },
      { ok: true, result: { text: 'Bạn chọn menu:1' } },
    ]);
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect((await bot.api.getWebhookInfo()).pending_update_count).toBe(0); // stop() confirmed them
  });
});
