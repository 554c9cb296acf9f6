import type { ChannelAdapter } from '../../src/core/channel';
import { callbackUpdate, startFakeTelegram, textUpdate } from '../helpers/fake-telegram-api';
import { startFakeZalo, zaloText } from '../helpers/fake-zalo-api';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { parseOptions } from '../helpers/zalo-resident';
import { type ContractBed, describeAdapterContract, type Received } from './adapter-contract';

let chats = 0;
const nextChat = () => ++chats;

function adapterOf(server: TestServer, channel: string): ChannelAdapter {
  const adapter = server.adapters.get(channel);
  if (!adapter) throw new Error(`the test server has no ${channel} adapter`);
  return adapter;
}

/** The labels of an inline keyboard as grammY sent it (an object, or its JSON in a form body). */
function keyboardLabels(markup: unknown): string[] {
  const parsed = typeof markup === 'string' ? (JSON.parse(markup) as unknown) : markup;
  const rows = (parsed as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? [];
  return rows.flat().map((b) => b.text);
}

/** Telegram: the real composition in webhook mode against the fake Bot API; updates straight to the pipeline. */
async function telegramBed(): Promise<ContractBed> {
  const fake = await startFakeTelegram();
  const server = await startTestServer({
    telegram: {
      apiRoot: fake.url,
      token: fake.token,
      botInfo: fake.botInfo,
      webhookSecret: 'contract_telegram_secret',
    },
  }).catch(async (err: unknown) => {
    await fake.close();
    throw err;
  });
  return {
    adapter: adapterOf(server, 'telegram'),
    pipeline: server.pipeline,
    redis: server.redis,
    prefix: server.prefix,
    chat: () => String(7_100_000 + nextChat()),
    textUpdate: (chat, text, id) => ({ update_id: id, ...textUpdate({ chatId: Number(chat), text }) }),
    startUpdate: (chat, id) => ({ update_id: id, ...textUpdate({ chatId: Number(chat), text: '/start' }) }),
    pressUpdate: (chat, payload, id) => ({
      update_id: id,
      ...callbackUpdate({ chatId: Number(chat), data: payload }),
    }),
    malformed: [
      null,
      'update',
      42,
      [],
      {},
      { message: { chat: { id: 1, type: 'private' }, text: 'hi' } },
      { update_id: -1, message: { chat: { id: 1, type: 'private' }, text: 'hi' } },
      { update_id: 'abc' },
      { update_id: 1.5 },
      { update_id: 9, message: { chat: { id: 'x', type: 'private' }, text: 'hi' } },
      { update_id: 9, message: { text: 'no chat' } },
      { update_id: 9, callback_query: { id: 7, from: { id: 1 } } },
    ],
    received: async (chat): Promise<Received[]> =>
      fake
        .sent(chat)
        .filter((c) => c.response?.ok)
        .map((c) => ({ text: String(c.params.text), options: keyboardLabels(c.params.reply_markup) })),
    block: (chat) => fake.setBlocked(chat),
    rateLimitOnce: (_chat, seconds) => {
      fake.failNext('sendMessage', { code: 429, retryAfter: seconds });
      return seconds * 1000;
    },
    async close() {
      await server.close();
      await fake.close();
    },
  };
}

/** Zalo: the real composition in webhook mode against the fake Zalo Bot API; numbered options read back. */
async function zaloBed(): Promise<ContractBed> {
  const fake = await startFakeZalo();
  const server = await startTestServer({
    zalo: { apiBase: fake.url, token: fake.token, webhookSecret: 'contract_zalo_secret' },
  }).catch(async (err: unknown) => {
    await fake.close();
    throw err;
  });
  return {
    adapter: adapterOf(server, 'zalo'),
    pipeline: server.pipeline,
    redis: server.redis,
    prefix: server.prefix,
    chat: () => `c0ffee${String(nextChat()).padStart(14, '0')}`,
    textUpdate: (chat, text, id) => zaloText(chat, text, { messageId: `m${id.toString(16)}` }),
    startUpdate: (chat, id) => zaloText(chat, '/start', { messageId: `m${id.toString(16)}` }),
    // No pressUpdate: Zalo has no buttons, the resident types the option's number.
    malformed: [
      null,
      'message.text.received',
      7,
      [],
      {},
      { event_name: 'message.text.received' },
      { event_name: '', message: zaloText('c0ffee1', 'hi').message },
      { ok: true, result: null },
      { ok: true, result: { event_name: 'message.text.received' } },
      {
        event_name: 'message.text.received',
        message: { chat: { id: 'c0ffee1' }, message_id: 'm1', text: 'hi' },
      },
      {
        event_name: 'message.text.received',
        message: { from: { id: 'c0ffee1' }, message_id: 'm1', text: 'hi' },
      },
      // A sender id that is no user id of ours.
      zaloText('c0ffee1', 'hi', { userId: 'not an id!' }),
    ],
    received: async (chat): Promise<Received[]> =>
      fake
        .sent(chat)
        .filter((c) => c.response?.ok)
        .map((c) => {
          const text = String(c.params.text);
          return { text, options: parseOptions(text).options };
        }),
    block: (chat) => fake.setUnreachable(chat),
    rateLimitOnce: () => {
      // Zalo's 429 ("Quota exceeded") says nothing of how long to wait: the adapter picks a wait.
      fake.failNext('sendMessage', { code: 429 });
      return undefined;
    },
    async close() {
      await server.close();
      await fake.close();
    },
  };
}

/** The web chat: what its route hands the adapter (the visitor from the cookie, a message id, the body). */
async function webBed(): Promise<ContractBed> {
  const server = await startTestServer();
  const body = (chat: string, id: number, message: object) => ({
    visitorId: chat,
    messageId: `w${id}`,
    message,
  });
  const visitor = 'visitor-contract-000000000000';
  return {
    adapter: adapterOf(server, 'web'),
    pipeline: server.pipeline,
    redis: server.redis,
    prefix: server.prefix,
    chat: () => `contract-visitor-${String(nextChat()).padStart(8, '0')}`,
    textUpdate: (chat, text, id) => body(chat, id, { text }),
    startUpdate: (chat, id) => body(chat, id, { payload: 'start' }),
    pressUpdate: (chat, payload, id) => body(chat, id, { payload }),
    malformed: [
      null,
      'hello',
      [],
      {},
      { visitorId: visitor, messageId: 'w1' },
      { visitorId: 'short', messageId: 'w1', message: { text: 'hi' } },
      { visitorId: visitor, messageId: '', message: { text: 'hi' } },
      { visitorId: visitor, messageId: 'w1', message: { text: 5 } },
      { visitorId: visitor, messageId: 'w1', message: { payload: '' } },
      { visitorId: visitor, messageId: 'w1', message: { text: 'hi', payload: 'x' } },
      { visitorId: visitor, messageId: 'w1', message: { html: '<b>hi</b>' } },
    ],
    // The web answers only in the HTTP response of the visitor's own request: nothing reaches a page unasked.
    received: async () => [],
    async close() {
      await server.close();
    },
  };
}

describeAdapterContract('telegram', telegramBed);
describeAdapterContract('zalo', zaloBed);
describeAdapterContract('web', webBed, {
  lacks: {
    // No push yet: the web answers in the response to the visitor's own POST, adapter.send throws 'unavailable'.
    send: 'the web has no push: its send throws unavailable',
    'long-text': 'the web has no push, so no reply to split arrives through send',
    // pipeline.respond deduplicates nothing: each POST is a new message with a server-made id, never resent.
    dedupe: 'the web chat is not redelivered: respond() has no dedupe',
    // Nothing is sent to a page, so no platform can answer "blocked" or 429.
    blocked: 'the web has no push, so no platform says a visitor blocked the bot',
    'rate-limit': 'the web has no push, so no platform 429',
  },
});
