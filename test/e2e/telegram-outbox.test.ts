import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTelegramSender } from '../../src/channels/telegram/sender';
import type { UserProfile } from '../../src/core/state';
import type { UserRef } from '../../src/core/user';
import { parseUserKey } from '../../src/core/user';
import { createLogger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import { outboxCounts } from '../../src/queues/outbox-counts';
import { startOutboxWorker } from '../../src/queues/outbox-worker';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';
import { type FakeTelegram, startFakeTelegram } from '../helpers/fake-telegram-api';
import { deleteKeys } from '../helpers/redis-cleanup';
import { until } from '../helpers/until';

/** The outbox-telegram queue end to end: BullMQ worker → TelegramSender (grammY) → fake Bot API. */
const redisUrl = inject('redisUrl');
const redis = new Redis(redisUrl);
const base = `tgo${Date.now()}`;
let n = 0;
const logger = createLogger('silent');
let fake: FakeTelegram;

beforeAll(async () => {
  fake = await startFakeTelegram({ latencyMs: 5 });
});
afterAll(async () => {
  await fake.close();
  await deleteKeys(redis, base);
  redis.disconnect();
});

function setup() {
  const prefix = `${base}x${++n}`;
  const outbox = new Outbox(redis, 'telegram', { prefix, backoffMs: 200 });
  const residents = new RedisResidentStore(redis, `${prefix}:`);
  const saveProfile = (profile: UserProfile) =>
    residents.save(profile.user, { profile, session: { misses: 0 } });
  const profileOf = async (user: UserRef) => (await residents.load(user)).profile;
  const start = () =>
    startOutboxWorker({
      connection: { url: redisUrl },
      channel: 'telegram',
      prefix,
      sender: createTelegramSender(fake.token, fake.url),
      onBlocked: async (userKey) => {
        const user = userKey ? parseUserKey(userKey) : undefined;
        if (user) await residents.markInactive(user);
      },
      logger,
    });
  return { prefix, outbox, saveProfile, profileOf, start };
}

const delivered = (chatId: number) =>
  fake.sent(chatId).filter((c) => (c.response as { ok: boolean } | undefined)?.ok === true);

describe('outbox-telegram', () => {
  it('delivers the text exactly as written: <b> and &amp; arrive literally, no markup', async () => {
    const { outbox, start } = setup();
    const chat = 9_100_003;
    const text = 'Nhắc: mang <b>CCCD</b> & sổ hộ khẩu (không phải &amp;) 📄';
    const worker = start();
    await outbox.enqueue('rem-plain-a', { chatId: String(chat), reply: { text } });
    await until(() => delivered(chat).length === 1);
    expect(delivered(chat)[0]?.response).toMatchObject({ ok: true, result: { text } });
    expect(delivered(chat)[0]?.params.parse_mode).toBeUndefined();
    await worker.close();
    await outbox.close();
  }, 30_000);

  it('respects a 429: no message lost, none sent before retry_after', async () => {
    const { outbox, start } = setup();
    const chat = 9_100_001;
    fake.failNext('sendMessage', { code: 429, retryAfter: 2 });
    const worker = start();
    await outbox.enqueue('rem-429-a', { chatId: String(chat), reply: { text: 'Nhắc: mai đi nhận kết quả' } });
    await until(() => delivered(chat).length === 1);
    const [refused, ok] = fake.sent(chat);
    expect(refused?.response).toMatchObject({ ok: false, error_code: 429 });
    expect(ok!.at - refused!.at).toBeGreaterThanOrEqual(1990);
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered(chat)).toHaveLength(1);
    await worker.close();
    await outbox.close();
  }, 30_000);

  it('marks a resident who blocked the bot as unreachable and does not retry', async () => {
    const { outbox, saveProfile, profileOf, start, prefix } = setup();
    const chat = 9_100_002;
    await saveProfile({
      user: { channel: 'telegram', id: String(chat) },
      locale: 'vi',
      firstSeen: 1,
      lastSeen: 1,
      active: true,
    });
    fake.setBlocked(chat);
    const worker = start();
    await outbox.enqueue('bc-1-telegram-9100002', {
      chatId: String(chat),
      userKey: `telegram:${chat}`,
      reply: { text: 'Thông báo của thôn' },
    });
    await until(() => fake.sent(chat).length === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.sent(chat)).toHaveLength(1);
    expect((await profileOf({ channel: 'telegram', id: String(chat) }))?.active).toBe(false);
    expect((await outboxCounts(redis, prefix, 'telegram')).blocked).toBe(1);
    fake.setBlocked(chat, false);
    await worker.close();
    await outbox.close();
  }, 30_000);

  it('sends every message exactly once across a worker restart mid-queue', async () => {
    const { outbox, start } = setup();
    const chats = Array.from({ length: 24 }, (_, i) => 9_200_000 + i);
    for (const chat of chats) {
      await outbox.enqueue(`bc-restart-telegram-${chat}`, {
        chatId: String(chat),
        reply: { text: `Tin ${chat}` },
      });
    }
    const first = start();
    await until(() => chats.filter((c) => delivered(c).length > 0).length >= 8);
    await first.close();
    const byFirst = chats.filter((c) => delivered(c).length > 0).length;
    expect(byFirst).toBeLessThan(chats.length);
    const second = start();
    await until(() => chats.every((c) => delivered(c).length > 0));
    await new Promise((r) => setTimeout(r, 500));
    expect(chats.map((c) => delivered(c).length)).toEqual(chats.map(() => 1));
    await second.close();
    await outbox.close();
  }, 60_000);
});
