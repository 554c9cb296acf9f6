import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Outbox } from '../../src/queues/outbox';
import { queuePrefix } from '../../src/queues/outbox-keys';
import { type FakeTelegram, startFakeTelegram, startUpdate } from '../helpers/fake-telegram-api';
import { startMain } from '../helpers/main-process';
import { deleteKeys } from '../helpers/redis-cleanup';
import { freePort } from '../helpers/redis-server';
import { runScriptAsync as run } from '../helpers/run-script';

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(() => fake.close());

describe('npm start with TELEGRAM_BOT_TOKEN (polling)', () => {
  it('sets the command menu in Vietnamese and English, polls, answers /start, and stops cleanly', async () => {
    const port = await freePort();
    const app = startMain({
      PORT: String(port),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `tgmain${Date.now()}:`,
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
    });
    try {
      await fake.waitForCalls('getUpdates', 1, 30_000);
      const commands = fake.callsOf('setMyCommands');
      expect(commands.map((c) => c.params.language_code ?? '')).toEqual(['', 'vi', 'en']);
      expect(JSON.stringify(commands[1]?.params.commands)).toContain('Menu chính');
      expect(JSON.stringify(commands[2]?.params.commands)).toContain('Main menu');
      fake.pushUpdate(startUpdate(4_242_001, 'thon-1'));
      const sent = await fake.waitForCalls('sendMessage', 2, 15_000);
      expect(String(sent[0]?.params.text)).toContain('Xin chào bà con');
    } finally {
      await app.stop();
    }
    expect(await app.exited, app.output()).toBe(0);
  }, 60_000);
});

describe('npm start with ROLE=worker', () => {
  it('sends what is queued in outbox-telegram', async () => {
    const redis = new Redis(inject('redisUrl'));
    const redisPrefix = `tgworker${Date.now()}:`;
    const app = startMain({
      ROLE: 'worker',
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: redisPrefix,
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
    });
    const outbox = new Outbox(redis, 'telegram', { prefix: queuePrefix(redisPrefix) });
    const before = fake.callsOf('sendMessage').length;
    try {
      await outbox.enqueue('rem-main-worker-1', {
        chatId: '4242777',
        reply: { text: 'Nhắc bà con: mai đi nhận kết quả' },
      });
      const sent = await fake.waitForCalls('sendMessage', before + 1, 30_000);
      expect(sent.some((c) => c.params.chat_id === '4242777')).toBe(true);
    } finally {
      await app.stop();
      await outbox.close();
      await deleteKeys(redis, queuePrefix(redisPrefix));
      redis.disconnect();
    }
    expect(await app.exited, app.output()).toBe(0);
  }, 60_000);
});

describe('npm run telegram:webhook', () => {
  const env = () => ({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: 'a_webhook_secret_of_enough_length',
    PUBLIC_URL: 'https://bot.xaiadom.example/',
  });

  it('sets, shows and deletes the webhook', async () => {
    const set = await run('telegram-webhook.ts', ['set'], env());
    expect(set.status, set.stderr).toBe(0);
    expect(fake.webhook()).toMatchObject({
      url: 'https://bot.xaiadom.example/webhooks/telegram',
      secret_token: 'a_webhook_secret_of_enough_length',
    });
    const info = await run('telegram-webhook.ts', ['info'], env());
    expect(info.stdout).toContain('https://bot.xaiadom.example/webhooks/telegram');
    expect((await run('telegram-webhook.ts', ['delete'], env())).status).toBe(0);
    expect(fake.webhook()).toBeUndefined();
  });

  it('explains what is missing instead of failing obscurely', async () => {
    const r = await run('telegram-webhook.ts', ['set'], {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PUBLIC_URL');
    const usage = await run('telegram-webhook.ts', ['explode'], env());
    expect(usage.stderr).toContain('usage');
  });
});
