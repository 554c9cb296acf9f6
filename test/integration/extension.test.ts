import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AdapterFactory } from '../../src/adapters';
import type { ChannelAdapter, HttpReply, HttpRequest, ParsedUpdate } from '../../src/core/channel';
import type { Reply } from '../../src/core/reply';
import { buildPayload, type Feature, payloadKind } from '../../src/features/feature';
import { readFeatureState, writeFeatureState } from '../../src/features/feature-state';
import { FEATURES } from '../../src/features/index';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * "A new channel is one folder and one entry in the adapter list; a new feature is one file and one
 * line in the feature list": both shown for real. The channel below is what such a folder would hold
 * (a loopback "platform" whose sent messages the test reads); the feature is what such a file would hold.
 */

const ECHO_SECRET = 'echo-webhook-secret-123';
const echoed: { chatId: string; reply: Reply }[] = [];

const echoUpdate = z.object({
  id: z.string().min(1),
  from: z.string().regex(/^[a-z0-9]{1,20}$/),
  text: z.string(),
});

const echoChannel: AdapterFactory = ({ pipeline }) => {
  const adapter: ChannelAdapter = {
    channel: 'echo',
    limits: { textLength: 500, buttons: true },
    async parse(raw, now): Promise<ParsedUpdate> {
      const u = echoUpdate.safeParse(raw);
      if (!u.success) return { kind: 'invalid', reason: 'not an echo update' };
      const { id, from, text } = u.data;
      const base = { user: { channel: 'echo', id: from }, chatId: from, messageId: id, receivedAt: now };
      const event = text.startsWith('button:')
        ? { ...base, kind: 'button' as const, payload: text.slice('button:'.length) }
        : { ...base, kind: 'text' as const, text };
      return { kind: 'event', dedupeKey: id, event };
    },
    async send(chatId, reply) {
      echoed.push({ chatId, reply });
    },
    routes: [
      {
        path: '/webhooks/echo',
        bodyLimit: 4096,
        secret: { header: 'x-echo-secret', value: ECHO_SECRET },
        async handler(request: HttpRequest, reply: HttpReply) {
          const result = await pipeline.deliver(adapter, request.body);
          return reply.code(result === 'invalid' ? 400 : 200).send({ result });
        },
      },
    ],
  };
  return adapter;
};

const visits = z.object({ count: z.number().int().nonnegative() });
const VISIT = 'visit-counter';
const visitCounter: Feature = {
  id: VISIT,
  session: visits,
  commands: [
    {
      words: ['dem giup toi'],
      handle: (turn) => {
        const count = (readFeatureState(turn.session, VISIT, visits)?.count ?? 0) + 1;
        return {
          replies: [
            { text: `Lần thứ ${count}.`, buttons: [[{ label: 'Đếm tiếp', payload: buildPayload('cnt') }]] },
          ],
          session: writeFeatureState(turn.session, VISIT, { count }),
        };
      },
    },
  ],
  payloads: [
    payloadKind({
      prefix: 'cnt',
      parse: (args) => (args === undefined ? true : undefined),
      handle: (_yes, turn) => {
        const count = (readFeatureState(turn.session, VISIT, visits)?.count ?? 0) + 1;
        return {
          replies: [{ text: `Lần thứ ${count}.` }],
          session: writeFeatureState(turn.session, VISIT, { count }),
        };
      },
    }),
  ],
  menu: [{ row: 40, buttons: () => [{ label: 'Đếm số lần', payload: 'cnt' }] }],
};

let server: TestServer;
let seq = 0;
beforeAll(async () => {
  server = await startTestServer({ extraAdapters: [echoChannel], features: [...FEATURES, visitCounter] });
});
afterAll(() => server.close());

async function say(from: string, text: string, secret = ECHO_SECRET): Promise<Reply[]> {
  const before = echoed.length;
  const res = await fetch(`${server.url}/webhooks/echo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-echo-secret': secret },
    body: JSON.stringify({ id: `e${++seq}`, from, text }),
  });
  if (res.status !== 200) throw new Error(`echo webhook answered ${res.status}`);
  return echoed
    .slice(before)
    .filter((e) => e.chatId === from)
    .map((e) => e.reply);
}

describe('extending the bot', () => {
  it('runs a new channel from the adapter list: webhook mounted, secret checked, the whole conversation', async () => {
    const bad = await fetch(`${server.url}/webhooks/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-echo-secret': 'wrong' },
      body: '{}',
    });
    expect(bad.status).toBe(401);
    // A channel without an outbox cannot message a resident later, so the village is not asked first:
    // the greeting is answered at once, and the village is chosen from the menu.
    const hello = await say('lan', 'xin chào');
    expect(hello[0]?.text).toContain('chào bà con');
    expect(hello.map((r) => r.text).join('\n')).not.toMatch(/thôn\/làng nào/i);
    await say('lan', 'button:village');
    const village = await say('lan', 'button:v:thon-1');
    expect(village[0]?.text).toContain('Thôn/làng 1');
    const answer = await say('lan', 'lam giay khai sinh cho con');
    expect(answer[0]?.text).toMatch(/^Đăng ký khai sinh/);
  });

  it('runs a new feature from the feature list: its command, its button, its menu entry and its own session data', async () => {
    await say('minh', 'xin chào');
    await say('minh', '2');
    expect((await say('minh', 'Đếm giúp tôi'))[0]?.text).toBe('Lần thứ 1.');
    expect((await say('minh', 'button:cnt'))[0]?.text).toBe('Lần thứ 2.');
    const menu = await say('minh', 'menu');
    expect(menu[0]?.buttons?.flat().map((b) => b.label)).toContain('Đếm số lần');
    // The bot's own features are untouched by the new one.
    expect(menu[0]?.buttons?.flat().map((b) => b.label)).toContain('Xóa dữ liệu của tôi');
  });
});
