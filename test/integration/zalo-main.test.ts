import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeZalo, startFakeZalo, zaloText } from '../helpers/fake-zalo-api';
import { type ProbeTarget, startProbeTarget } from '../helpers/fake-zalo-probe';
import { startMain } from '../helpers/main-process';
import { freePort } from '../helpers/redis-server';
import { runScriptAsync as run } from '../helpers/run-script';

let fake: FakeZalo;
// Zalo probes the webhook when it is set: the public name leads to this local stand-in, answering 200.
let probed: ProbeTarget;
beforeAll(async () => {
  probed = await startProbeTarget(200);
  fake = await startFakeZalo({ webhookProbe: { route: () => probed.url } });
});
afterAll(async () => {
  await fake.close();
  await probed.close();
});

describe('npm start with ZALO_BOT_TOKEN (polling)', () => {
  it('polls, answers a first message with the greeting, and stops cleanly', async () => {
    const port = await freePort();
    const app = startMain({
      PORT: String(port),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `zmain${Date.now()}:`,
      LOG_LEVEL: 'warn',
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_BASE: fake.url,
    });
    try {
      await fake.waitForCalls('getUpdates', 1, 30_000);
      expect(fake.callsOf('deleteWebhook').length).toBe(1);
      fake.pushUpdate(zaloText('8800001', 'xin chào'));
      const sent = await fake.waitForCalls('sendMessage', 2, 15_000);
      expect(String(sent[0]?.params.text)).toContain('Xin chào bà con');
      expect(String(sent[1]?.params.text)).toContain('(Trả lời');
    } finally {
      await app.stop();
    }
    expect(await app.exited, app.output()).toBe(0);
  }, 60_000);
});

describe('npm run zalo:webhook', () => {
  const env = () => ({
    ZALO_BOT_TOKEN: fake.token,
    ZALO_API_BASE: fake.url,
    ZALO_MODE: 'webhook',
    ZALO_WEBHOOK_SECRET: 'zalo_secret_12345',
    PUBLIC_URL: 'https://bot.xaiadom.example',
  });

  it('sets, shows and deletes the webhook', async () => {
    const set = await run('zalo-webhook.ts', ['set'], env());
    expect(set.status, set.stderr).toBe(0);
    expect(fake.webhook()).toMatchObject({
      url: 'https://bot.xaiadom.example/webhooks/zalo',
      secret_token: 'zalo_secret_12345',
    });
    expect((await run('zalo-webhook.ts', ['info'], env())).stdout).toContain('/webhooks/zalo');
    expect((await run('zalo-webhook.ts', ['delete'], env())).status).toBe(0);
  });

  it('says what is missing, and never prints the token', async () => {
    const r = await run('zalo-webhook.ts', ['set'], { ZALO_BOT_TOKEN: fake.token, ZALO_API_BASE: fake.url });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PUBLIC_URL');
    const wrong = await run('zalo-webhook.ts', ['info'], {
      ZALO_BOT_TOKEN: '42:wrong_token_never_printed',
      ZALO_API_BASE: fake.url,
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('401');
    expect(wrong.stderr).not.toContain('wrong_token_never_printed');
  });
});
