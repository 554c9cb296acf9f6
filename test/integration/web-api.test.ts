import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VISITOR_COOKIE, visitorToken } from '../../src/channels/web/visitor';
import { startTestServer, type TestServer } from '../helpers/test-server';

const repliesSchema = z.object({
  replies: z.array(
    z.object({
      text: z.string().min(1),
      buttons: z.array(z.array(z.object({ label: z.string(), payload: z.string().max(64) }))).optional(),
    }),
  ),
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    perVisitorPerMinute: 8,
    perIpPerMinute: 1000,
    allowedOrigins: ['https://xaiadom.example'],
  });
});
afterAll(() => server.close());

async function post(body: string, cookie?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/web/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body,
  });
  const setCookie = res.headers.get('set-cookie') ?? undefined;
  return { res, json: (await res.json()) as unknown, cookie: setCookie?.split(';')[0] };
}

describe('POST /api/web/messages', () => {
  it('keeps a conversation by the signed visitor cookie: start, village from the menu, question without diacritics', async () => {
    const start = await post(JSON.stringify({ payload: 'start' }));
    expect(start.res.status).toBe(200);
    expect(start.cookie).toMatch(new RegExp(`^${VISITOR_COOKIE}=`));
    const replies = repliesSchema.parse(start.json).replies;
    expect(replies[0]?.text).toContain('Xin chào');
    // The page opens without the village form: greeting and privacy note, then the main menu.
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(/thôn\/làng nào/i);
    const payloads = (replies.at(-1)?.buttons ?? []).flat().map((b) => b.payload);
    expect(payloads).toContain('village');
    expect(payloads.filter((p) => p.startsWith('v:'))).toEqual([]);

    // The village chosen from the menu: the form's state is kept by the cookie between the two requests.
    const ask = await post(JSON.stringify({ payload: 'village' }), start.cookie);
    const village = (repliesSchema.parse(ask.json).replies.at(-1)?.buttons ?? []).flat()[0]?.payload;
    expect(village).toBe('v:thon-1');
    const chosen = await post(JSON.stringify({ payload: village }), start.cookie);
    expect(repliesSchema.parse(chosen.json).replies[0]?.text).toContain('Thôn/làng 1');
    const answer = await post(JSON.stringify({ text: 'lam giay khai sinh cho con' }), start.cookie);
    const text = repliesSchema
      .parse(answer.json)
      .replies.map((r) => r.text)
      .join('\n');
    expect(text).toMatch(/^Đăng ký khai sinh/);
    expect(answer.cookie).toBeUndefined();
  });

  it('rejects malformed JSON with 400, and names the missing or wrong field', async () => {
    const bad = await post('{"text": "khai sinh"');
    expect(bad.res.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'bad-request' });
    const missing = await post(JSON.stringify({ message: 'hi' }));
    expect(missing.res.status).toBe(400);
    expect(missing.json).toMatchObject({ field: 'text' });
    const wrongType = await post(JSON.stringify({ payload: 42 }));
    expect(wrongType.json).toMatchObject({ field: 'payload' });
    const both = await post(JSON.stringify({ text: 'a', payload: 'menu' }));
    expect(both.res.status).toBe(400);
    const array = await post('[]');
    expect(array.res.status).toBe(400);
  });

  it('refuses a body over 16 KB with 413 and a Vietnamese reason', async () => {
    const big = await post(JSON.stringify({ text: 'a'.repeat(17 * 1024) }));
    expect(big.res.status).toBe(413);
    expect((big.json as { message: string }).message).toContain('dài quá');
  });

  it('handles a 10 KB message by reading the beginning and saying so', async () => {
    const start = await post(JSON.stringify({ payload: 'start:thon-1' }));
    const long = await post(
      JSON.stringify({ text: `khai sinh ${'xin chào '.repeat(1100)}`.slice(0, 10_000) }),
      start.cookie,
    );
    expect(long.res.status).toBe(200);
    expect(JSON.stringify(long.json)).toContain('chỉ đọc phần đầu');
  });

  it('treats a forged or expired cookie as a new visitor, not an error', async () => {
    const forged = await post(JSON.stringify({ payload: 'start' }), `${VISITOR_COOKIE}=abc.123.forged`);
    expect(forged.res.status).toBe(200);
    expect(forged.cookie).toBeDefined();
    const old = visitorToken(server.cookieSecret, 'AAAAAAAAAAAAAAAAAAAAAA', Date.now() - 400 * 86_400_000);
    const expired = await post(JSON.stringify({ payload: 'start' }), `${VISITOR_COOKIE}=${old}`);
    expect(expired.res.status).toBe(200);
    expect(expired.cookie).not.toContain('AAAAAAAAAAAAAAAAAAAAAA');
  });

  it('answers flooding with 429 and Retry-After, without losing the session', async () => {
    const first = await post(JSON.stringify({ payload: 'start' }));
    await post(JSON.stringify({ payload: 'v:thon-2' }), first.cookie);
    let limited: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const r = await post(JSON.stringify({ text: 'menu' }), first.cookie);
      if (r.res.status === 429) limited = r;
    }
    expect(limited?.res.status).toBe(429);
    const retryAfter = Number(limited?.res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another visitor is not affected, and this visitor's profile is intact.
    const other = await post(JSON.stringify({ payload: 'start' }));
    expect(other.res.status).toBe(200);
    const keys = await server.redis.keys(`${server.prefix}user:web:*`);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('allows the widget only from listed origins (CORS)', async () => {
    const allowed = await post(JSON.stringify({ payload: 'start' }), undefined, {
      origin: 'https://xaiadom.example',
    });
    expect(allowed.res.headers.get('access-control-allow-origin')).toBe('https://xaiadom.example');
    expect(allowed.res.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await post(JSON.stringify({ payload: 'start' }), undefined, {
      origin: 'https://evil.example',
    });
    expect(other.res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the visitor token (an embedded chat whose cookie the browser blocks)', () => {
  const tokenSchema = z.object({ visitor: z.string().regex(/^[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]+$/) });

  it('gives a new visitor a token, in the body and a header, that carries the conversation without a cookie', async () => {
    const start = await post(JSON.stringify({ payload: 'start' }));
    const token = tokenSchema.parse(start.json).visitor;
    expect(start.res.headers.get('x-visitor-token')).toBe(token);
    expect(repliesSchema.parse(start.json).replies[0]?.text).toContain('Xin chào');

    const withToken = { 'x-visitor-token': token };
    await post(JSON.stringify({ payload: 'village' }), undefined, withToken);
    const village = await post(JSON.stringify({ payload: 'v:thon-1' }), undefined, withToken);
    expect(village.res.status).toBe(200);
    expect(
      repliesSchema.parse(village.json).replies[0]?.text,
      'the village form started before was remembered',
    ).toContain('Thôn/làng 1');
    expect(village.cookie, 'no new visitor, so no new cookie').toBeUndefined();
    expect(tokenSchema.parse(village.json).visitor).toBe(token);
    const answer = await post(JSON.stringify({ text: 'lam giay khai sinh cho con' }), undefined, withToken);
    const text = repliesSchema
      .parse(answer.json)
      .replies.map((r) => r.text)
      .join('\n');
    expect(text, 'the question is answered after the village was chosen').toMatch(/^Đăng ký khai sinh/);
    expect(answer.cookie).toBeUndefined();
  });

  it('prefers the header to the cookie', async () => {
    const a = await post(JSON.stringify({ payload: 'start' }));
    const b = await post(JSON.stringify({ payload: 'start' }));
    const tokenA = tokenSchema.parse(a.json).visitor;
    const both = await post(JSON.stringify({ payload: 'menu' }), b.cookie, { 'x-visitor-token': tokenA });
    expect(both.res.status).toBe(200);
    expect(tokenSchema.parse(both.json).visitor).toBe(tokenA);
    // Only the cookie: that visitor, and the page learns its token.
    const cookieOnly = await post(JSON.stringify({ payload: 'menu' }), b.cookie);
    expect(tokenSchema.parse(cookieOnly.json).visitor).toBe(tokenSchema.parse(b.json).visitor);
  });

  it('starts a new visitor for a forged or expired token, never an error', async () => {
    const real = tokenSchema.parse((await post(JSON.stringify({ payload: 'start' }))).json).visitor;
    const [id = '', issued = ''] = real.split('.');
    const forged = `${id}.${issued}.${'A'.repeat(43)}`;
    const expired = visitorToken(
      server.cookieSecret,
      'BBBBBBBBBBBBBBBBBBBBBB',
      Date.now() - 400 * 86_400_000,
    );
    for (const bad of [forged, expired, 'rác', 'x'.repeat(5000)]) {
      const res = await post(JSON.stringify({ payload: 'start' }), undefined, { 'x-visitor-token': bad });
      expect(res.res.status, bad.slice(0, 20)).toBe(200);
      const fresh = tokenSchema.parse(res.json).visitor;
      expect(fresh).not.toBe(bad);
      expect(fresh.split('.')[0]).not.toBe(id);
      expect(res.cookie, 'a new visitor gets a cookie too').toMatch(new RegExp(`^${VISITOR_COOKIE}=`));
    }
  });

  it('lets listed sites send the token and read it back (CORS)', async () => {
    const preflight = await fetch(`${server.url}/api/web/messages`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://xaiadom.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-visitor-token',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://xaiadom.example');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-visitor-token');
    const answer = await post(JSON.stringify({ payload: 'start' }), undefined, {
      origin: 'https://xaiadom.example',
    });
    expect(answer.res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain(
      'x-visitor-token',
    );
    const other = await fetch(`${server.url}/api/web/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the visitor cookie over HTTPS', () => {
  it('is SameSite=None, Secure and Partitioned, so an embedded chat can keep it', async () => {
    const secure = await startTestServer({ secureCookies: true });
    const app = secure.app;
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/web/messages',
        payload: { payload: 'start' },
      });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(new RegExp(`^${VISITOR_COOKIE}=`));
      expect(cookie).toContain('SameSite=None');
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('Partitioned');
      expect(cookie).toContain('HttpOnly');
    } finally {
      await secure.close();
    }
  });
});

describe('the client address behind a reverse proxy (TRUST_PROXY)', () => {
  // Two messages per minute per address; every request is a new visitor, so only that limit applies.
  async function statuses(target: TestServer, forwardedFor: string[]): Promise<number[]> {
    const out: number[] = [];
    for (const xff of forwardedFor) {
      const res = await fetch(`${target.url}/api/web/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
        body: JSON.stringify({ payload: 'start' }),
      });
      await res.arrayBuffer();
      out.push(res.status);
    }
    return out;
  }

  it('with one proxy, the rightmost X-Forwarded-For address is the client, and a spoofed one does not help', async () => {
    const behindProxy = await startTestServer({ trustProxy: 1, perIpPerMinute: 2 });
    try {
      // The proxy appends the real client (127.0.0.7); the client wrote the rest itself.
      expect(
        await statuses(behindProxy, ['127.0.0.7', '127.0.0.21, 127.0.0.7', '127.0.0.22, 127.0.0.7']),
      ).toEqual([200, 200, 429]);
      // Another client behind the same proxy has its own limit.
      expect(await statuses(behindProxy, ['127.0.0.21, 127.0.0.8', '127.0.0.8'])).toEqual([200, 200]);
    } finally {
      await behindProxy.close();
    }
  });

  it('without a trusted proxy, X-Forwarded-For is ignored', async () => {
    const direct = await startTestServer({ perIpPerMinute: 2 });
    try {
      expect(await statuses(direct, ['127.0.0.31', '127.0.0.32', '127.0.0.33'])).toEqual([200, 200, 429]);
    } finally {
      await direct.close();
    }
  });

  it("with the proxy's address, only that peer's X-Forwarded-For counts", async () => {
    const listed = await startTestServer({ trustProxy: ['127.0.0.1'], perIpPerMinute: 2 });
    try {
      expect(
        await statuses(listed, ['127.0.0.41', '127.0.0.22, 127.0.0.41', '127.0.0.23, 127.0.0.41']),
      ).toEqual([200, 200, 429]);
      expect(await statuses(listed, ['127.0.0.42'])).toEqual([200]);
    } finally {
      await listed.close();
    }
  });
});

describe('pages and health', () => {
  it('serves the chat page and the widget with a strict CSP and no assets from the internet', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="vi"');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://xaiadom.example');
    const widget = await fetch(`${server.url}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toContain('javascript');
  });

  it('/healthz and /readyz answer', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, redis: 'up' });
  });

  it('answers unknown paths with 404 JSON, not a crash', async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
  });
});
