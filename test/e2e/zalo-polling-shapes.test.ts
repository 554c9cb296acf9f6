import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZaloAdapter, type ZaloAdapter } from '../../src/channels/zalo/adapter';
import { createLogger } from '../../src/logger';
import { RedisChoiceStore } from '../../src/storage/redis-choice-store';
import { RedisSkippedUpdates } from '../../src/storage/redis-skipped-updates';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { pushRawUpdate, zaloOddBodies } from '../helpers/zalo-group';
import { ZaloResident } from '../helpers/zalo-resident';

/** getUpdates bodies of unknown shape (no event_name) are logged with their keys and counted, never dropped silently. */

let fake: FakeZalo;
let server: TestServer;
let adapter: ZaloAdapter;
let counter: RedisSkippedUpdates;
const lines: string[] = [];

beforeAll(async () => {
  fake = await startFakeZalo();
  server = await startTestServer();
  counter = new RedisSkippedUpdates(server.redis, server.prefix);
  // The channel in polling mode on the test composition's pipeline, with a log that can be read.
  adapter = createZaloAdapter({
    token: fake.token,
    apiBase: fake.url,
    mode: 'polling',
    pipeline: server.pipeline,
    choices: new RedisChoiceStore(server.redis, server.prefix),
    skipped: counter,
    hint: (n) => `(Trả lời một số từ 1 đến ${n} để chọn.)`,
    logger: createLogger('info', { write: (line: string) => void lines.push(line) }),
  });
  await adapter.start?.();
});
afterAll(async () => {
  await adapter?.stop?.();
  await server.close();
  await fake.close();
});

const logged = () =>
  lines.map((l) => JSON.parse(l) as { msg?: string; reason?: string; keys?: unknown; resultKeys?: unknown });

describe('Zalo polling and updates of unknown shape', () => {
  it('logs the keys of an update without event_name, counts it, and goes on polling', async () => {
    const r = new ZaloResident(fake, '3200001', async (update) => fake.pushUpdate(update));
    pushRawUpdate(fake, zaloOddBodies.unknownShape());
    pushRawUpdate(fake, zaloOddBodies.probe());
    pushRawUpdate(fake, zaloOddBodies.unknownEvent(r.chatId));
    // The loop is still running: the next message is answered.
    const greeting = await r.say('xin chào');
    expect(greeting.join('\n')).toContain('chào bà con');

    const skipped = logged().filter((l) => l.msg === 'zalo: update not acted on');
    expect(skipped.map((l) => [l.reason, l.keys])).toEqual([
      ['no-event-name', ['update_kind', 'group']],
      ['probe', []],
      ['unknown-event:message.reaction.received', ['event_name', 'message']],
    ]);
    // Keys only: nothing a body says reaches the log.
    expect(lines.join('\n')).not.toContain('bot.added');
    expect(await counter.counts('zalo')).toEqual({
      'no-event-name': 1,
      probe: 1,
      'unknown-event:message.reaction.received': 1,
    });
    // Only the answer to «xin chào»: nothing for the reaction.
    expect(fake.sent(r.chatId)).toHaveLength(greeting.length);
  });
});
