import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios, { type AxiosInstance } from 'axios';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeZalo,
  startFakeZalo,
  ZALO_UNREACHABLE_DESCRIPTION,
  zaloImage,
  zaloSticker,
  zaloText,
  zaloUnsupported,
  zaloVoice,
} from '../helpers/fake-zalo-api';

const CHAT = '6ede9afa66b88fe6d6a9';
const OTHER_CHAT = '1b2c3d4e5f60718293a4';
const SECRET = 'secret-token-for-tests';

interface Envelope {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

interface Received {
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A small webhook receiver: records what arrives and answers 200 (or `status`). */
async function startReceiver(status = 200): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/zalo/webhook`, received, server };
}

describe('fake Zalo Bot Platform API', () => {
  let fake: FakeZalo;
  let http: AxiosInstance;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  /** POSTs JSON to /bot<token>/<method>; resolves with the HTTP status and the body, never throws on status */
  async function call(method: string, params: object = {}, token = fake.token) {
    const res = await http.post<Envelope>(`/bot${token}/${method}`, params);
    return { status: res.status, body: res.data };
  }

  beforeAll(async () => {
    fake = await startFakeZalo();
    http = axios.create({ baseURL: fake.url, validateStatus: () => true, timeout: 15_000 });
    receiver = await startReceiver();
  });

  afterEach(() => {
    fake.reset();
    receiver.received.length = 0;
  });

  afterAll(async () => {
    await fake.close();
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  });

  it('answers getMe with the bot info (POST and GET)', async () => {
    const post = await call('getMe');
    expect(post.status).toBe(200);
    expect(post.body).toEqual({
      ok: true,
      result: {
        id: '1459232241454765289',
        account_name: 'bot.TroLyDvc',
        account_type: 'BASIC',
        can_join_groups: false,
      },
    });
    const get = await http.get<Envelope>(`/bot${fake.token}/getMe`);
    expect(get.status).toBe(200);
    expect(get.data.result).toEqual(fake.botInfo);
    expect(fake.callsOf('getMe')).toHaveLength(2);
    expect(fake.calls[0]?.authorized).toBe(true);
  });

  it('reports errors with HTTP 200 and ok:false', async () => {
    const badToken = await call('getMe', {}, '1234567890:wrong');
    expect(badToken).toEqual({
      status: 200,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect(fake.calls[0]?.authorized).toBe(false);

    // an unknown method: HTTP 400 "wrong path or invalid API Name" (reference, checked December 2026)
    const unknownMethod = await call('editMessageText', { chat_id: CHAT, text: 'x' });
    expect(unknownMethod).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: 'wrong path or invalid API Name' },
    });
    // method names are case-sensitive
    expect((await call('sendmessage', { chat_id: CHAT, text: 'x' })).body.error_code).toBe(400);
    // the token is never stored in the recorded calls
    expect(JSON.stringify(fake.calls)).not.toContain(fake.token);
  });

  it('uses the error code as the HTTP status with httpStatusErrors', async () => {
    const strict = await startFakeZalo({ httpStatusErrors: true });
    try {
      const client = axios.create({ baseURL: strict.url, validateStatus: () => true });
      const unauthorized = await client.post<Envelope>('/botnope:nope/getMe', {});
      expect(unauthorized.status).toBe(401);
      expect(unauthorized.data).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });

      strict.failNext('sendMessage', { code: 429 });
      const limited = await client.post<Envelope>(`/bot${strict.token}/sendMessage`, {
        chat_id: CHAT,
        text: 'xin chào',
      });
      expect(limited.status).toBe(429);
      expect(limited.data).toEqual({ ok: false, error_code: 429, description: 'Quota exceeded' });

      const idle = await client.post<Envelope>(`/bot${strict.token}/getUpdates`, { timeout: '0' });
      expect(idle.status).toBe(408);
      expect(idle.data).toEqual({ ok: false, error_code: 408, description: 'Request timeout' });

      const ok = await client.post<Envelope>(`/bot${strict.token}/getMe`, {});
      expect(ok.status).toBe(200);
      expect(ok.data.ok).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it('sends a message and validates text length in code points', async () => {
    const before = Date.now();
    const first = await call('sendMessage', { chat_id: CHAT, text: 'Xin chào', parse_mode: 'markdown' });
    expect(first.status).toBe(200);
    expect(first.body.ok).toBe(true);
    const result = first.body.result as { message_id: string; date: number };
    expect(typeof result.message_id).toBe('string');
    expect(result.date).toBeGreaterThanOrEqual(before); // epoch ms
    expect(result.date).toBeLessThanOrEqual(Date.now());

    // 2000 code points is fine even when that is 4000 UTF-16 units
    const emoji = '😀'.repeat(2000);
    expect(emoji).toHaveLength(4000);
    expect((await call('sendMessage', { chat_id: CHAT, text: emoji })).body.ok).toBe(true);
    expect((await call('sendMessage', { chat_id: CHAT, text: 'ệ'.repeat(2000) })).body.ok).toBe(true);

    expect((await call('sendMessage', { chat_id: CHAT, text: 'x'.repeat(2001) })).body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: text is too long',
    });
    expect((await call('sendMessage', { chat_id: CHAT, text: '' })).body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: text is empty',
    });
    expect((await call('sendMessage', { text: 'no chat' })).body.error_code).toBe(400);

    const ids = fake
      .sent(CHAT)
      .filter((c) => c.response?.ok)
      .map((c) => (c.response as { result: { message_id: string } }).result.message_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(fake.sent(CHAT)).toHaveLength(5);
    expect(fake.sent(OTHER_CHAT)).toEqual([]);
  });

  it('ignores reply_markup and unknown parameters but records them', async () => {
    const markup = { inline_keyboard: [[{ text: 'Có', callback_data: 'yes' }]] };
    const res = await call('sendMessage', {
      chat_id: CHAT,
      text: 'Chọn 1 hoặc 2',
      reply_markup: markup,
      something_new: 42,
    });
    expect(res.body.ok).toBe(true);
    expect(res.body.result).not.toHaveProperty('reply_markup');
    expect(fake.sent(CHAT)[0]?.params.reply_markup).toEqual(markup);
  });

  it('accepts GET with a query string', async () => {
    const res = await http.get<Envelope>(`/bot${fake.token}/sendMessage`, {
      params: { chat_id: CHAT, text: 'qua GET' },
    });
    expect(res.data.ok).toBe(true);
    expect(fake.sent(CHAT)[0]?.params).toEqual({ chat_id: CHAT, text: 'qua GET' });
  });

  it('handles sendPhoto, sendSticker, sendVoice and sendChatAction', async () => {
    const photo = await call('sendPhoto', {
      chat_id: CHAT,
      photo: 'https://example.org/a.jpg',
      caption: 'Ảnh',
    });
    expect(photo.body.result).toMatchObject({ message_id: expect.any(String), date: expect.any(Number) });
    expect((await call('sendPhoto', { chat_id: CHAT, photo: 'not a url' })).body.error_code).toBe(400);
    expect(
      (
        await call('sendPhoto', {
          chat_id: CHAT,
          photo: 'https://example.org/a.jpg',
          caption: 'c'.repeat(2001),
        })
      ).body.description,
    ).toBe('Bad Request: caption is too long');

    const sticker = await call('sendSticker', { chat_id: CHAT, sticker: 'bfe458bf64fa8da4d4eb' });
    expect(sticker.body.result).toMatchObject({ message_id: expect.any(String) });
    const voice = await call('sendVoice', { chat_id: CHAT, voice_url: 'https://example.org/a.aac' });
    expect(voice.body.ok).toBe(true);

    const typing = await call('sendChatAction', { chat_id: CHAT, action: 'typing' });
    expect(typing.body).toEqual({ ok: true });
    expect(typing.body).not.toHaveProperty('result');
    expect((await call('sendChatAction', { chat_id: CHAT, action: 'dancing' })).body.error_code).toBe(400);
  });

  it('getUpdates returns one pushed update per call, oldest first, as a single object', async () => {
    const first = zaloText(CHAT, 'xin chào');
    const second = zaloImage(CHAT, { caption: 'giấy tờ' });
    fake.pushUpdate(first);
    fake.pushUpdate(second);

    const a = await call('getUpdates', { timeout: '30' });
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ ok: true, result: first });
    expect(Array.isArray(a.body.result)).toBe(false);
    const b = await call('getUpdates', { timeout: '30' });
    expect(b.body).toEqual({ ok: true, result: second });
  });

  it('answers an idle getUpdates with 408 "Request timeout" after the timeout', async () => {
    const started = Date.now();
    const res = await call('getUpdates', { timeout: '1' });
    const elapsed = Date.now() - started;
    expect(res).toEqual({
      status: 200,
      body: { ok: false, error_code: 408, description: 'Request timeout' },
    });
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(3000);
  });

  it('wakes a held getUpdates as soon as an update is pushed', async () => {
    const started = Date.now();
    const pending = call('getUpdates', { timeout: '20' });
    await fake.waitForCalls('getUpdates', 1);
    await new Promise((r) => setTimeout(r, 100));
    const update = zaloSticker(CHAT);
    fake.pushUpdate(update);
    const res = await pending;
    expect(res.body).toEqual({ ok: true, result: update });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('keeps the update when a held getUpdates is abandoned by the client', async () => {
    const controller = new AbortController();
    const abandoned = http
      .post(`/bot${fake.token}/getUpdates`, { timeout: '20' }, { signal: controller.signal })
      .catch((err: unknown) => err);
    await fake.waitForCalls('getUpdates', 1);
    controller.abort();
    await abandoned;
    await new Promise((r) => setTimeout(r, 50)); // let the fake see the closed socket
    const update = zaloVoice(CHAT);
    fake.pushUpdate(update);
    expect((await call('getUpdates', { timeout: '1' })).body).toEqual({ ok: true, result: update });
  });

  it('validates setWebhook and reports it in getWebhookInfo', async () => {
    const invalidUrl = await call('setWebhook', { url: 'http://example.org/hook', secret_token: SECRET });
    expect(invalidUrl.body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: invalid url' });
    expect((await call('setWebhook', { secret_token: SECRET })).body.error_code).toBe(400);
    expect(
      (await call('setWebhook', { url: 'https://example.org/hook', secret_token: 'short' })).body,
    ).toMatchObject({ ok: false, error_code: 400 });
    expect(
      (await call('setWebhook', { url: 'https://example.org/hook', secret_token: 's'.repeat(257) })).body
        .error_code,
    ).toBe(400);
    expect(fake.webhook()).toBeUndefined();

    const before = Date.now();
    const set = await call('setWebhook', { url: 'https://example.org/hook', secret_token: 's'.repeat(8) });
    expect(set.body.ok).toBe(true);
    const result = set.body.result as { url: string; updated_at: number };
    expect(result.url).toBe('https://example.org/hook');
    expect(result.updated_at).toBeGreaterThanOrEqual(before);
    expect(fake.webhook()).toEqual({
      url: 'https://example.org/hook',
      secret_token: 's'.repeat(8),
      updated_at: result.updated_at,
    });
    expect((await call('getWebhookInfo')).body.result).toEqual(result);

    const deleted = await call('deleteWebhook');
    expect(deleted.body.result).toMatchObject({ url: '', updated_at: expect.any(Number) });
    expect(fake.webhook()).toBeUndefined();
    expect((await call('getWebhookInfo')).body.result).toMatchObject({ url: '' });
  });

  it('while a webhook is set getUpdates hands out nothing and just times out', async () => {
    await call('setWebhook', { url: 'https://example.org/hook', secret_token: SECRET });
    const update = zaloText(CHAT, 'đang có webhook');
    fake.pushUpdate(update);
    const res = await call('getUpdates', { timeout: '0.3' });
    expect(res.body).toEqual({ ok: false, error_code: 408, description: 'Request timeout' });

    await call('deleteWebhook');
    expect((await call('getUpdates', { timeout: '1' })).body).toEqual({ ok: true, result: update });
  });

  it('delivers webhooks in both forms with the secret header', async () => {
    const update = zaloText(CHAT, 'qua webhook');
    expect(await fake.deliverTo(receiver.url, update, { form: 'wrapped', secret: SECRET })).toBe(200);
    expect(await fake.deliverTo(receiver.url, update, { form: 'flat', secret: SECRET })).toBe(200);
    expect(await fake.deliverTo(receiver.url, update, { form: 'flat', secret: null })).toBe(200);

    const [wrapped, flat, bare] = receiver.received;
    expect(wrapped?.body).toEqual({ ok: true, result: update });
    expect(wrapped?.headers['x-bot-api-secret-token']).toBe(SECRET);
    expect(wrapped?.headers['content-type']).toMatch(/^application\/json/);
    expect(flat?.body).toEqual(update);
    expect(flat?.headers['x-bot-api-secret-token']).toBe(SECRET);
    expect(bare?.headers).not.toHaveProperty('x-bot-api-secret-token');

    // deliverWebhook uses the secret given to setWebhook; the URL is overridden with the local receiver
    await call('setWebhook', { url: 'https://tro-ly-dvc.example/zalo/webhook', secret_token: SECRET });
    expect(await fake.deliverWebhook(update, { form: 'wrapped', url: receiver.url })).toBe(200);
    expect(receiver.received[3]?.headers['x-bot-api-secret-token']).toBe(SECRET);
    await expect(fake.deliverWebhook(update, { form: 'wrapped' })).rejects.toThrow(/http/);

    // the receiver's status comes back as is
    const rejecting = await startReceiver(403);
    try {
      expect(await fake.deliverTo(rejecting.url, update, { form: 'flat', secret: 'wrong-secret' })).toBe(403);
    } finally {
      await new Promise<void>((resolve) => rejecting.server.close(() => resolve()));
    }
  });

  it('fails the next call with an injected 429, then succeeds', async () => {
    fake.failNext('sendMessage', { code: 429 });
    const limited = await call('sendMessage', { chat_id: CHAT, text: 'lần 1' });
    expect(limited).toEqual({
      status: 200,
      body: { ok: false, error_code: 429, description: 'Quota exceeded' },
    });
    expect((await call('sendMessage', { chat_id: CHAT, text: 'lần 2' })).body.ok).toBe(true);

    fake.failNext('sendMessage', { code: 500, description: 'boom' }, 2);
    expect((await call('sendMessage', { chat_id: CHAT, text: 'a' })).body.description).toBe('boom');
    expect((await call('sendMessage', { chat_id: CHAT, text: 'b' })).body.error_code).toBe(500);
    expect((await call('sendMessage', { chat_id: CHAT, text: 'c' })).body.ok).toBe(true);
    expect(fake.sent(CHAT).map((c) => c.response?.ok)).toEqual([false, true, false, false, true]);
  });

  it('fails sends to an unreachable chat until it is reachable again', async () => {
    fake.setUnreachable(CHAT);
    const blocked = { ok: false, error_code: 400, description: ZALO_UNREACHABLE_DESCRIPTION };
    expect((await call('sendMessage', { chat_id: CHAT, text: 'x' })).body).toEqual(blocked);
    expect((await call('sendPhoto', { chat_id: CHAT, photo: 'https://example.org/a.jpg' })).body).toEqual(
      blocked,
    );
    expect((await call('sendMessage', { chat_id: OTHER_CHAT, text: 'x' })).body.ok).toBe(true);

    fake.setUnreachable(CHAT, false);
    expect((await call('sendMessage', { chat_id: CHAT, text: 'x' })).body.ok).toBe(true);

    const custom = await startFakeZalo({
      unreachableError: { code: 403, description: 'Forbidden: blocked' },
    });
    try {
      custom.setUnreachable(CHAT);
      const res = await axios.post<Envelope>(
        `${custom.url}/bot${custom.token}/sendMessage`,
        { chat_id: CHAT, text: 'x' },
        { validateStatus: () => true },
      );
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ ok: false, error_code: 403, description: 'Forbidden: blocked' });
    } finally {
      await custom.close();
    }
  });

  it('builds updates shaped like the docs samples', () => {
    const text = zaloText(CHAT, 'xin chào');
    expect(text.event_name).toBe('message.text.received');
    expect(text.message.chat).toEqual({ id: CHAT, chat_type: 'PRIVATE' });
    expect(text.message.from).toMatchObject({ id: CHAT, is_bot: false, display_name: expect.any(String) });
    expect(text.message.date).toBeGreaterThan(1_700_000_000_000); // milliseconds

    const group = zaloText('g123', 'hỏi nhóm', { chatType: 'GROUP' });
    expect(group.message.chat.chat_type).toBe('GROUP');
    expect(group.message.from.id).not.toBe('g123');

    const image = zaloImage(CHAT, { caption: 'CCCD' });
    expect(image.event_name).toBe('message.image.received');
    expect(image.message.photo).toMatch(/^https:\/\//);
    expect(image.message.caption).toBe('CCCD');

    const sticker = zaloSticker(CHAT);
    expect(sticker.event_name).toBe('message.sticker.received');
    expect(sticker.message).toMatchObject({ sticker: expect.any(String), url: expect.any(String) });

    const voice = zaloVoice(CHAT);
    expect(voice.event_name).toBe('message.voice.received');
    expect(voice.message.voice_url).toMatch(/\.aac$/);

    const unsupported = zaloUnsupported(CHAT);
    expect(unsupported.event_name).toBe('message.unsupported.received');
    expect(Object.keys(unsupported.message).sort()).toEqual(['chat', 'date', 'from', 'message_id']);

    const ids = [text, group, image, sticker, voice, unsupported].map((u) => u.message.message_id);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect([...ids].sort()).toEqual(ids); // increasing
    expect(new Set(ids).size).toBe(ids.length);
  });
});
