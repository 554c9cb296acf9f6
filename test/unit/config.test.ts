import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration from the environment', () => {
  it('has working defaults for a laptop', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.redisPrefix).toBe('dvc:');
    expect(c.role).toBe('all');
    expect(c.contentDir).toBe('content');
    expect(c.telegram.mode).toBe('polling');
    expect(c.zalo.apiBase).toBe('https://bot-api.zaloplatforms.com');
    expect(c.adminIds).toEqual([]);
  });

  it('reads admin ids as channel:id pairs', () => {
    const c = loadConfig({ ADMIN_IDS: 'telegram:123, zalo:abc' });
    expect(c.adminIds).toEqual([
      { channel: 'telegram', id: '123' },
      { channel: 'zalo', id: 'abc' },
    ]);
  });

  it('names every invalid variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', ROLE: 'boss', ADMIN_IDS: 'facebook:1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('ROLE');
    expect(message).toContain('ADMIN_IDS');
    expect((error as ConfigError).variables.map((v) => v.name).sort()).toEqual(['ADMIN_IDS', 'PORT', 'ROLE']);
  });

  it('requires a secret and a public URL for webhook mode, and never prints a token', () => {
    let error: unknown;
    try {
      loadConfig({
        TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        TELEGRAM_MODE: 'webhook',
        STATS_SALT: 'short',
      });
    } catch (e) {
      error = e;
    }
    const message = (error as ConfigError).message;
    expect(message).toContain('TELEGRAM_WEBHOOK_SECRET');
    expect(message).toContain('PUBLIC_URL');
    expect(message).toContain('STATS_SALT');
    expect(message).not.toContain('short');
    expect(message).not.toContain('ABCDEFGHIJ');
  });

  it('receives Zalo by webhook when PUBLIC_URL is https (production), by polling otherwise', () => {
    const token = { ZALO_BOT_TOKEN: '1234567890:zalo_token_abcdefghij' };
    const https = { ...token, PUBLIC_URL: 'https://xa.example.vn', ZALO_WEBHOOK_SECRET: 'secret_12345' };
    expect(loadConfig(https).zalo.mode).toBe('webhook');
    expect(loadConfig({ ...https, ZALO_MODE: 'polling' }).zalo.mode).toBe('polling');
    expect(loadConfig(token).zalo.mode).toBe('polling');
    expect(loadConfig({ ...token, PUBLIC_URL: 'http://192.168.1.5:3000' }).zalo.mode).toBe('polling');
  });

  it('says what is missing for the default webhook, and refuses webhook mode with an http PUBLIC_URL', () => {
    const token = { ZALO_BOT_TOKEN: '1234567890:zalo_token_abcdefghij' };
    const noSecret = () => loadConfig({ ...token, PUBLIC_URL: 'https://xa.example.vn' });
    expect(noSecret).toThrow(ConfigError);
    expect(noSecret).toThrow(/ZALO_WEBHOOK_SECRET.*ZALO_MODE=polling/s);
    const http = () =>
      loadConfig({
        ...token,
        ZALO_MODE: 'webhook',
        ZALO_WEBHOOK_SECRET: 'secret_12345',
        PUBLIC_URL: 'http://xa.example.vn',
      });
    expect(http).toThrow(/PUBLIC_URL.*https/s);
    const telegram = () =>
      loadConfig({
        TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_WEBHOOK_SECRET: 'telegram_secret_123',
        PUBLIC_URL: 'http://xa.example.vn',
      });
    expect(telegram).toThrow(/PUBLIC_URL.*https/s);
  });

  it('looks for Redis on 6379 and caps a private Redis at 256mb by default', () => {
    const c = loadConfig({});
    expect(c.redisProbeUrl).toBe('redis://127.0.0.1:6379');
    expect(c.redisMaxmemory).toBe('256mb');
    expect(loadConfig({ REDIS_MAXMEMORY: '1GB', REDIS_PROBE_URL: 'redis://127.0.0.1:6390' })).toMatchObject({
      redisMaxmemory: '1GB',
      redisProbeUrl: 'redis://127.0.0.1:6390',
    });
  });

  it('refuses a memory cap without a unit and a probe address that is not redis://', () => {
    expect(() => loadConfig({ REDIS_MAXMEMORY: '256' })).toThrow(/REDIS_MAXMEMORY/);
    expect(() => loadConfig({ REDIS_MAXMEMORY: 'lots' })).toThrow(/REDIS_MAXMEMORY/);
    expect(() => loadConfig({ REDIS_PROBE_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_PROBE_URL/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '' }).port).toBe(3000);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default or when false', () => {
    expect(loadConfig({}).web.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).web.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).web.trustProxy).toBe(false);
  });

  it('takes a hop count', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).web.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).web.trustProxy).toBe(2);
  });

  it("takes the proxies' addresses and CIDR ranges", () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).web.trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).web.trustProxy).toEqual(['loopback']);
  });

  it('refuses a bare true, saying to give the hop count or the addresses', () => {
    for (const value of ['true', 'TRUE', 'yes']) {
      let error: unknown;
      try {
        loadConfig({ TRUST_PROXY: value });
      } catch (e) {
        error = e;
      }
      expect(error, value).toBeInstanceOf(ConfigError);
      const problem = (error as ConfigError).variables.find((v) => v.name === 'TRUST_PROXY')?.problem ?? '';
      expect(problem).toContain('không an toàn');
      expect(problem).toContain('số proxy');
      expect(problem).toContain('127.0.0.1,10.0.0.0/8');
    }
  });

  it('refuses what is neither a hop count nor an address', () => {
    for (const value of ['10.0.0.0/33', 'proxy.example', '127.0.0.1,abc', '-1', '1.5']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/);
    }
  });
});
