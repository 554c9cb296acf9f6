import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { type ProbeTarget, startProbeTarget } from '../helpers/fake-zalo-probe';
import { runScriptAsync as run } from '../helpers/run-script';

/**
 * npm run zalo:webhook against the fake Zalo API, whose probe of https://bot.xaiadom.example goes to a
 * local stand-in for the bot: what the stand-in answers is what Zalo's verification reports.
 */
const SECRET = 'zalo_secret_12345';
let fake: FakeZalo;
let target: ProbeTarget;

beforeAll(async () => {
  target = await startProbeTarget(200);
  fake = await startFakeZalo({ webhookProbe: { route: () => target.url, timeoutMs: 500 } });
});
afterEach(() => {
  fake.reset();
  target.answer(200);
  target.received.length = 0;
});
afterAll(async () => {
  await fake.close();
  await target.close();
});

const env = (publicUrl = 'https://bot.xaiadom.example') => ({
  ZALO_BOT_TOKEN: fake.token,
  ZALO_API_BASE: fake.url,
  ZALO_MODE: 'webhook',
  ZALO_WEBHOOK_SECRET: SECRET,
  PUBLIC_URL: publicUrl,
});
const zalo = (action: string, publicUrl?: string) => run('zalo-webhook.ts', [action], env(publicUrl));
const output = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;

describe("npm run zalo:webhook -- set: honest about Zalo's verification", () => {
  it("succeeds when Zalo's probe passed, and prints the verification", async () => {
    const r = await zalo('set');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Webhook set: https://bot.xaiadom.example/webhooks/zalo');
    expect(r.stdout).toContain('ĐẠT');
    expect(r.stdout).toContain('outcome: webhook.ok');
    expect(r.stdout).toContain('status_code: 200');
    expect(r.stdout).toMatch(/latency_ms: \d+/);
    // Zalo's probe reached the webhook, with the secret
    expect(target.received).toHaveLength(1);
    expect(target.received[0]?.headers['x-bot-api-secret-token']).toBe(SECRET);
    expect(output(r)).not.toContain(fake.token);
  });

  it('exits 1 with the hint when the webhook answered 500; Zalo kept the URL', async () => {
    target.answer(500);
    const r = await zalo('set');
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('Webhook set:');
    expect(r.stdout).toContain('KHÔNG ĐẠT');
    expect(r.stdout).toContain('Zalo vẫn giữ địa chỉ này');
    expect(r.stdout).toContain('outcome: webhook.http.5xx');
    expect(r.stdout).toContain('status_code: 500');
    expect(r.stdout).toMatch(/latency_ms: \d+/);
    expect(r.stderr).toContain('Gợi ý của Zalo: Webhook returned a server error');
    expect(r.stderr).toContain('5xx');
    expect(fake.webhook()?.url).toBe('https://bot.xaiadom.example/webhooks/zalo');
  });

  it('exits 1 when the webhook did not answer in time', async () => {
    target.answer('hang');
    const r = await zalo('set');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('outcome: webhook.err.timeout');
    expect(r.stderr).toContain('Gợi ý của Zalo: Webhook did not respond in time');
    expect(r.stderr).toContain('không trả lời kịp');
  });

  it('refuses http:// and private addresses with exit 2, before calling Zalo', async () => {
    for (const publicUrl of ['http://bot.xaiadom.example', 'https://192.168.1.20', 'https://bot.local']) {
      const r = await zalo('set', publicUrl);
      expect(r.status, publicUrl).toBe(2);
      expect(r.stderr).toContain('Chưa gửi gì cho Zalo');
      expect(r.stderr).toContain(publicUrl.startsWith('http:') ? 'https://' : 'địa chỉ nội bộ');
    }
    expect(fake.callsOf('setWebhook')).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('npm run zalo:webhook -- info and -- test', () => {
  it('info prints the URL, updated_at and the last verification', async () => {
    target.answer(404);
    expect((await zalo('set')).status).toBe(1);
    const r = await zalo('info');
    expect(r.status, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout) as { url: string; updated_at: number; verification: object };
    expect(info.url).toBe('https://bot.xaiadom.example/webhooks/zalo');
    expect(info.updated_at).toEqual(expect.any(Number));
    expect(info.verification).toMatchObject({ ok: false, outcome: 'webhook.http.404', status_code: 404 });
    expect(r.stderr).toContain('KHÔNG ĐẠT (webhook.http.404)');
  });

  it('test asks Zalo to probe again and prints the outcome (exit 1 on failure)', async () => {
    expect((await zalo('set')).status).toBe(0);
    target.answer(503);
    const failed = await zalo('test');
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('KHÔNG ĐẠT');
    expect(failed.stdout).toContain('outcome: webhook.http.5xx');
    expect(failed.stdout).toContain('status_code: 503');
    expect(failed.stderr).toContain('Gợi ý của Zalo');

    target.answer(200);
    const passed = await zalo('test');
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.stdout).toContain('Zalo thử gọi webhook https://bot.xaiadom.example/webhooks/zalo: ĐẠT');
    expect(passed.stdout).toContain('outcome: webhook.ok');
    expect(fake.callsOf('testWebhook')).toHaveLength(2);
    // set probed once, each test once more
    expect(target.received).toHaveLength(3);
  });

  it('test says so when Zalo refuses: daily limit (426) or no testWebhook in this API', async () => {
    expect((await zalo('set')).status).toBe(0);
    fake.failNext('testWebhook', { code: 426, description: 'Too many requests' });
    const limited = await zalo('test');
    expect(limited.status).toBe(1);
    expect(limited.stderr).toContain('426');
    expect(limited.stderr).toContain('mỗi ngày');
    fake.failNext('testWebhook', { code: 400, description: 'wrong path or invalid API Name' });
    const missing = await zalo('test');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('không có testWebhook');
  });
});
