import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { RedisSkippedUpdates } from '../../src/storage/redis-skipped-updates';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { pushRawUpdate, zaloOddBodies } from '../helpers/zalo-group';
import { ZaloResident } from '../helpers/zalo-resident';

/** getUpdates bodies of unknown shape (no event_name) are logged with their keys and counted, never dropped silently. */

let fake: FakeZalo;
let server: TestServer;
let counter: RedisSkippedUpdates;
const lines: string[] = [];

beforeAll(async () => {
  fake = await startFakeZalo();
  // The bot with its Zalo channel in polling mode, with a log that can be read.
  server = await startTestServer({
    zalo: { apiBase: fake.url, token: fake.token, webhookSecret: 'unused_in_polling', mode: 'polling' },
    logger: createLogger('info', { write: (line: string) => void lines.push(line) }),
  });
  counter = new RedisSkippedUpdates(server.redis, server.prefix);
});
afterAll(async () => {
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
