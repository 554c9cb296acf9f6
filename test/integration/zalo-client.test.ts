import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloApiError, ZaloClient } from '../../src/channels/zalo/client';
import { toChannelError } from '../../src/channels/zalo/errors';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { freePort } from '../helpers/redis-server';

let fake: FakeZalo;
let strict: FakeZalo;
beforeAll(async () => {
  fake = await startFakeZalo();
  strict = await startFakeZalo({ httpStatusErrors: true });
});
afterAll(async () => {
  await fake.close();
  await strict.close();
});

async function caught(p: Promise<unknown>): Promise<ZaloApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ZaloApiError) return err;
    throw err;
  }
  throw new Error('expected a ZaloApiError');
}

describe('Zalo client (axios)', () => {
  it('reads the envelope, whether errors come with HTTP 200 or with the error status', async () => {
    for (const api of [fake, strict]) {
      const client = new ZaloClient({ token: api.token, baseUrl: api.url });
      expect((await client.getMe()).id).toMatch(/^\d+$/);
      api.failNext('sendMessage', { code: 429 });
      const err = await caught(client.sendMessage('1', 'xin chào'));
      expect(err.errorCode).toBe(429);
      expect(toChannelError(err).code).toBe('rate-limited');
    }
  });

  it('never puts the token in an error, even for a network failure', async () => {
    const wrong = new ZaloClient({ token: '999:secret_token_value_xyz', baseUrl: fake.url });
    const unauthorized = await caught(wrong.getMe());
    expect(unauthorized.errorCode).toBe(401);
    expect(toChannelError(unauthorized).code).toBe('unauthorized');
    const down = new ZaloClient({
      token: '999:secret_token_value_xyz',
      baseUrl: `http://127.0.0.1:${await freePort()}`,
    });
    const network = await caught(down.sendMessage('1', 'x'));
    expect(network.errorCode).toBe(0);
    for (const e of [unauthorized, network]) {
      expect(`${e.message} ${e.description} ${e.stack}`).not.toContain('secret_token_value_xyz');
    }
    expect(toChannelError(network).code).toBe('unavailable');
  });

  it('treats an idle long poll (408) as "no update"', async () => {
    const client = new ZaloClient({ token: fake.token, baseUrl: fake.url });
    expect(await client.getUpdates(1)).toBeUndefined();
  });

  it('maps Zalo error codes as the reference suggests', () => {
    const map = (code: number, description = 'x') =>
      toChannelError(new ZaloApiError('sendMessage', code, description)).code;
    expect(map(400)).toBe('bad-request');
    expect(map(404)).toBe('bad-request');
    expect(map(400, 'Bad Request: user not found or blocked the bot')).toBe('blocked');
    expect(map(403)).toBe('unavailable'); // the docs call 403 "Internal server error"
    expect(map(408)).toBe('unavailable');
    expect(map(425)).toBe('unavailable');
    expect(map(502)).toBe('unavailable');
  });
});
