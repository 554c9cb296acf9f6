import axios from 'axios';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { blockedProbeHost, type ProbeTarget, startProbeTarget } from '../helpers/fake-zalo-probe';

/** The fake Zalo API's documented webhook behaviour (reference, «Checked against public sources, December 2026»). */
const SECRET = 'secret-token-for-tests';
const PUBLIC = 'https://tro-ly-dvc.example/webhooks/zalo';

interface Envelope {
  ok: boolean;
  result?: Record<string, unknown>;
  error_code?: number;
  description?: string;
}

let target: ProbeTarget;
let fake: FakeZalo;
let local: FakeZalo;

async function call(api: FakeZalo, method: string, params: object = {}) {
  const res = await axios.post<Envelope>(`${api.url}/bot${api.token}/${method}`, params, {
    validateStatus: () => true,
  });
  return { status: res.status, body: res.data };
}

beforeAll(async () => {
  target = await startProbeTarget(200);
  // the public name leads to the local stand-in; private addresses are refused (the default)
  fake = await startFakeZalo({
    webhookProbe: { route: (url) => (url === PUBLIC ? target.url : undefined), timeoutMs: 300 },
  });
  // a test opting in to probing its own 127.0.0.1 receiver
  local = await startFakeZalo({ webhookProbe: { allowPrivateHosts: true } });
});
afterEach(() => {
  fake.reset();
  local.reset();
  target.answer(200);
  target.received.length = 0;
});
afterAll(async () => {
  await fake.close();
  await local.close();
  await target.close();
});

describe('fake Zalo API: webhook verification', () => {
  it('answers an unknown method or a wrong path with HTTP 400 "wrong path or invalid API Name"', async () => {
    const wrong = { ok: false, error_code: 400, description: 'wrong path or invalid API Name' };
    expect(await call(fake, 'setWebHook', { url: PUBLIC, secret_token: SECRET })).toEqual({
      status: 400,
      body: wrong,
    });
    const path = await axios.post(`${fake.url}/nothing-here`, {}, { validateStatus: () => true });
    expect({ status: path.status, body: path.data }).toEqual({ status: 400, body: wrong });
  });

  it('setWebhook saves the URL, probes it at once with the secret, and reports the verification', async () => {
    const set = await call(fake, 'setWebhook', { url: PUBLIC, secret_token: SECRET });
    expect(set.body.ok).toBe(true);
    expect(set.body.result).toEqual({
      url: PUBLIC,
      updated_at: expect.any(Number),
      verification: {
        ok: true,
        outcome: 'webhook.ok',
        status_code: 200,
        latency_ms: expect.any(Number),
        hint: expect.any(String),
      },
    });
    expect(target.received).toHaveLength(1);
    expect(target.received[0]?.headers['x-bot-api-secret-token']).toBe(SECRET);
    expect(target.received[0]?.body).toBe('{}');
    // getWebhookInfo carries the last verification
    expect((await call(fake, 'getWebhookInfo')).body.result).toEqual(set.body.result);
  });

  it('reports whatever status the webhook answered, and a timeout; the URL stays saved', async () => {
    for (const [answer, outcome, status] of [
      [500, 'webhook.http.5xx', 500],
      [400, 'webhook.http.other', 400],
      [403, 'webhook.http.403', 403],
      ['hang', 'webhook.err.timeout', null],
    ] as const) {
      target.answer(answer);
      const set = await call(fake, 'setWebhook', { url: PUBLIC, secret_token: SECRET });
      expect(set.body.result?.verification, String(answer)).toMatchObject({
        ok: false,
        outcome,
        status_code: status,
      });
      expect(fake.webhook()?.url).toBe(PUBLIC);
    }
  });

  it('refuses to probe localhost and private addresses by default (webhook.err.blocked), saving the URL', async () => {
    const url = target.url.replace('http://', 'https://');
    const set = await call(fake, 'setWebhook', { url, secret_token: SECRET });
    expect(set.body.result?.verification).toMatchObject({ ok: false, outcome: 'webhook.err.blocked' });
    expect(target.received).toHaveLength(0);
    expect(fake.webhook()?.url).toBe(url);
    for (const host of [
      'localhost',
      '127.0.0.1',
      '10.0.0.8',
      '172.20.0.1',
      '192.168.1.1',
      '[::1]',
      '[fd00::1]',
      'nas.local',
    ]) {
      expect(blockedProbeHost(new URL(`https://${host}/`).hostname), host).toBe(true);
    }
    expect(blockedProbeHost('bot-api.zaloplatforms.com')).toBe(true);
    expect(blockedProbeHost('tro-ly-dvc.example')).toBe(false);
    // a public name without a route: the fake stays on this machine and reports an unresolvable name
    const away = await call(fake, 'setWebhook', {
      url: 'https://elsewhere.example/hook',
      secret_token: SECRET,
    });
    expect(away.body.result?.verification).toMatchObject({ ok: false, outcome: 'webhook.err.dns' });
  });

  it('probes a local receiver when the test opts in (allowPrivateHosts)', async () => {
    const url = target.url.replace('http://', 'https://');
    const set = await call(local, 'setWebhook', { url, secret_token: SECRET });
    expect(set.body.result?.verification).toMatchObject({
      ok: true,
      outcome: 'webhook.ok',
      status_code: 200,
    });
    expect(target.received).toHaveLength(1);
  });

  it('testWebhook probes again; without a webhook it is a 400; deleteWebhook forgets the verification', async () => {
    expect((await call(fake, 'testWebhook')).body).toMatchObject({ ok: false, error_code: 400 });
    await call(fake, 'setWebhook', { url: PUBLIC, secret_token: SECRET });
    target.answer(404);
    const tested = await call(fake, 'testWebhook');
    expect(tested.body).toMatchObject({
      ok: true,
      result: { url: PUBLIC, ok: false, outcome: 'webhook.http.404', status_code: 404 },
    });
    expect(target.received).toHaveLength(2);
    expect((await call(fake, 'getWebhookInfo')).body.result?.verification).toMatchObject({
      outcome: 'webhook.http.404',
    });
    await call(fake, 'deleteWebhook');
    expect((await call(fake, 'getWebhookInfo')).body.result).not.toHaveProperty('verification');
  });
});
