/**
 * Whom the per-IP limit counts: the socket's address, whatever a client writes in X-Forwarded-For (no
 * proxy is trusted by default, and TRUST_PROXY=true is refused); IPv6 clients per /64.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { ipv6Prefix64, rateSubject } from '../../src/storage/redis-keys';
import { startTestServer, type TestServer } from '../helpers/test-server';

const LIMIT = 5;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ perIpPerMinute: LIMIT });
});
afterAll(() => server.close());

/** A cookieless message from `localAddress` (any 127.x.y.z is this host on Linux) with extra headers. */
function send(localAddress: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(server.url);
  const body = JSON.stringify({ payload: 'start' });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        localAddress,
        method: 'POST',
        path: '/api/web/messages',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const byte = () => Math.floor(Math.random() * 256);
const randomIpv4 = () => `${1 + Math.floor(Math.random() * 223)}.${byte()}.${byte()}.${byte()}`;
const randomIpv6 = () =>
  `2001:db8:${Array.from({ length: 6 }, () => Math.floor(Math.random() * 0x10000).toString(16)).join(':')}`;

/** Headers a client may forge to look like someone else, different every time. */
function spoofed(i: number): Record<string, string> {
  const ip = i % 2 === 0 ? randomIpv4() : randomIpv6();
  return {
    'x-forwarded-for': i % 3 === 0 ? ip : `${ip}, ${randomIpv4()}`,
    'x-real-ip': randomIpv4(),
    forwarded: `for="${ip}"`,
    'true-client-ip': randomIpv4(),
  };
}

describe('the per-IP limit counts the socket address (TRUST_PROXY unset)', () => {
  it('random X-Forwarded-For headers do not make new clients: the 6th message is refused', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) statuses.push(await send('127.0.3.1', spoofed(i)));
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429, 429, 429]);
  });

  it('while another address has its own limit', async () => {
    // Claims to be the address that is used up: still counted as itself.
    expect(await send('127.0.3.2', { 'x-forwarded-for': '127.0.3.1' })).toBe(200);
    expect(await send('127.0.3.1', { 'x-forwarded-for': '127.0.3.2' })).toBe(429);
  });

  it('TRUST_PROXY=true, which would let any client choose its address, is refused', () => {
    for (const value of ['true', 'TRUE', 'yes']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(ConfigError);
    }
  });
});

describe('IPv6 clients are limited per /64', () => {
  it('finds the /64 of each way an address is written', () => {
    expect(ipv6Prefix64('::1')).toBe('0:0:0:0::/64');
    expect(ipv6Prefix64('::')).toBe('0:0:0:0::/64');
    expect(ipv6Prefix64('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipv6Prefix64('2001:db8:0:0:ffff::1')).toBe('2001:db8:0:0::/64');
    expect(ipv6Prefix64('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8:0:0::/64');
    expect(ipv6Prefix64('2001:DB8:0:0:1:2:3:4')).toBe('2001:db8:0:0::/64');
    expect(ipv6Prefix64('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(ipv6Prefix64('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(ipv6Prefix64('1::')).toBe('1:0:0:0::/64');
  });

  it('keeps IPv4 and IPv4-mapped IPv6 addresses per address', () => {
    expect(ipv6Prefix64('1.2.3.4')).toBeUndefined();
    expect(ipv6Prefix64('::ffff:1.2.3.4')).toBeUndefined();
    expect(ipv6Prefix64('::FFFF:1.2.3.4')).toBeUndefined();
    expect(rateSubject.ip('::ffff:1.2.3.4')).toBe('web:ip:::ffff:1.2.3.4');
    expect(rateSubject.ip('::ffff:1.2.3.5')).not.toBe(rateSubject.ip('::ffff:1.2.3.4'));
    expect(rateSubject.ip('1.2.3.4')).toBe('web:ip:1.2.3.4');
  });

  it('two addresses in one /64 share a limit; addresses in different /64s do not', () => {
    const same = [
      '2001:db8:1:2::1',
      '2001:db8:1:2:aaaa:bbbb:cccc:dddd',
      '2001:0db8:0001:0002:0000:0000:0000:0099',
      '2001:db8:1:2:ffff::1',
      '2001:DB8:1:2::ABCD',
    ];
    expect(new Set(same.map(rateSubject.ip))).toEqual(new Set(['web:ip:2001:db8:1:2::/64']));
    const different = ['2001:db8:1:3::1', '2001:db8:2:2::1', '2001:db9:1:2::1', 'fe80::1%eth0', '::1'];
    const subjects = new Set([...different, same[0]!].map(rateSubject.ip));
    expect(subjects.size).toBe(different.length + 1);
  });
});
