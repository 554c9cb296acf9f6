/**
 * A flood of cookieless web visitors (no visitor token: a new visitor with every message) against the real
 * `npm start` process on its own redis-server, so Redis's memory figures hold nothing but this app's keys.
 *
 * Every accepted message from a new visitor starts onboarding and keeps the (masked) first question for
 * PENDING_SESSION_SECONDS; the per-IP limit (WEB_RATE_PER_IP) is what bounds how many are accepted.
 * Run with `npm run faults -- test/faults/cookieless-flood.faults.ts`.
 */
import { Agent, request } from 'node:http';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { type MainProcess, startMain } from '../helpers/main-process';
import { freePort, type PrivateRedis, startPrivateRedis } from '../helpers/redis-server';

const MB = 1024 * 1024;
const LIMIT_BYTES = 20 * MB;
const CONCURRENCY = 64;

/** Short questions residents type first, some with a phone or ID number in them. */
const QUESTIONS = [
  'Làm giấy khai sinh cần gì?',
  'đăng ký tạm trú ở đâu',
  'Cấp lại căn cước mất bao lâu?',
  'chứng thực bản sao giấy tờ',
  'Số của tôi là 0912345678, gọi lại giúp',
  'xin giấy xác nhận cư trú',
  'Đăng ký kết hôn cần mang gì ạ',
  'CCCD 001203004567 bị mất thì làm sao',
  'lam giay khai tu',
  'Gọi cho em số 0987 654 321 nhé',
  'Trợ cấp người cao tuổi',
  'giờ làm việc của xã',
];

interface Tally {
  ok: number;
  limited: number;
  serverErrors: number;
  other: Map<number, number>;
}

interface Flood {
  /** the local (source) addresses to send from, `perAddress` messages each */
  addresses: readonly string[];
  perAddress: number;
}

interface Running {
  readonly redis: PrivateRedis;
  readonly app: MainProcess;
  readonly client: Redis;
  readonly port: number;
}

let running: Running | undefined;
afterEach(async () => {
  const r = running;
  running = undefined;
  if (!r) return;
  r.client.disconnect();
  await r.app.stop();
  await r.redis.stop();
});

/** The app (`npm start`'s code) on its own redis-server, ready to take messages. */
async function startApp(env: Record<string, string>): Promise<Running> {
  const redis = await startPrivateRedis();
  const port = await freePort();
  const app = startMain({
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'flood:',
    PORT: String(port),
    HOST: '0.0.0.0',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const client = new Redis(redis.url);
  running = { redis, app, client, port };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (ready?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`the app did not start:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // Let the startup writes (cookie secret, outbox queues) land before the baseline.
  await new Promise((r) => setTimeout(r, 1000));
  return running;
}

async function usedMemory(client: Redis): Promise<number> {
  const info = await client.info('memory');
  const match = /^used_memory:(\d+)/m.exec(info);
  if (!match?.[1]) throw new Error(`no used_memory in INFO memory:\n${info}`);
  return Number(match[1]);
}

/** One cookieless message from `localAddress`; resolves to the status code (the body is read and dropped). */
function send(agent: Agent, port: number, localAddress: string, text: string): Promise<number> {
  const body = JSON.stringify({ text });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/api/web/messages',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends the flood with at most CONCURRENCY requests in flight. Each job sends its messages in a row from
 * one address over a kept-alive socket of its own; an address with more messages than a fair share of
 * the concurrency is split into several jobs (one address, many sockets).
 */
async function flood(port: number, plan: Flood): Promise<Tally> {
  const tally: Tally = { ok: 0, limited: 0, serverErrors: 0, other: new Map() };
  const splits = Math.ceil(CONCURRENCY / plan.addresses.length);
  const jobs = plan.addresses.flatMap((address) =>
    Array.from({ length: splits }, (_, i) => ({
      address,
      count: Math.floor(plan.perAddress / splits) + (i < plan.perAddress % splits ? 1 : 0),
    })),
  );
  let next = 0;
  let sent = 0;
  const worker = async (): Promise<void> => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let i = 0; i < job.count; i++) {
          const status = await send(agent, port, job.address, QUESTIONS[sent++ % QUESTIONS.length]!);
          if (status === 200) tally.ok++;
          else if (status === 429) tally.limited++;
          else if (status >= 500) tally.serverErrors++;
          else tally.other.set(status, (tally.other.get(status) ?? 0) + 1);
        }
      } finally {
        agent.destroy();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
  return tally;
}

/** `count` loopback addresses (every 127.x.y.z is the local host on Linux) to send from. */
function loopbackAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `127.${20 + Math.floor(i / 250)}.${i % 250}.${1 + (i % 7)}`);
}

interface Measured {
  readonly messages: number;
  readonly tally: Tally;
  readonly seconds: number;
  readonly growth: number;
  readonly perAccepted: number;
  /** the part of the growth that is the per-IP rate logs (sorted sets) */
  readonly rateLogs: number;
  readonly keys: number;
}

/** MEMORY USAGE of every key matching `pattern`, summed. */
async function memoryOf(client: Redis, pattern: string): Promise<number> {
  let total = 0;
  let cursor = '0';
  do {
    const [nextCursor, found] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    for (const key of found) total += Number((await client.memory('USAGE', key)) ?? 0);
    cursor = nextCursor;
  } while (cursor !== '0');
  return total;
}

async function measure(r: Running, plan: Flood): Promise<Measured> {
  const before = await usedMemory(r.client);
  const keysBefore = await r.client.dbsize();
  const started = Date.now();
  const messages = plan.addresses.length * plan.perAddress;
  const tally = await flood(r.port, plan);
  const seconds = (Date.now() - started) / 1000;
  const after = await usedMemory(r.client);
  const growth = after - before;
  const keys = (await r.client.dbsize()) - keysBefore;
  const perAccepted = tally.ok > 0 ? growth / tally.ok : 0;
  const rateLogs = await memoryOf(r.client, 'flood:rate:*');
  const other = [...tally.other].map(([s, n]) => `${s}×${n}`).join(', ') || 'none';
  console.log(
    [
      `messages ${messages} from ${plan.addresses.length} address(es) in ${seconds.toFixed(1)} s ` +
        `(${Math.round(messages / seconds)}/s)`,
      `200: ${tally.ok}, 429: ${tally.limited}, 5xx: ${tally.serverErrors}, other: ${other}`,
      `used_memory ${(before / MB).toFixed(2)} MB → ${(after / MB).toFixed(2)} MB: ` +
        `+${(growth / MB).toFixed(2)} MB, ${keys} new keys, ${Math.round(perAccepted)} B per accepted message`,
      `of which per-IP rate logs ${(rateLogs / MB).toFixed(2)} MB; the rest ` +
        `${Math.round((growth - rateLogs) / Math.max(1, tally.ok))} B per accepted message (pending sessions)`,
    ].join('\n'),
  );
  return { messages, tally, seconds, growth, perAccepted, rateLogs, keys };
}

describe('a flood of cookieless web visitors', () => {
  it('100,000 messages from 1,000 addresses with the default limits: Redis grows by less than 20 MB', async () => {
    const r = await startApp({});
    const m = await measure(r, { addresses: loopbackAddresses(1000), perAddress: 100 });
    expect(m.tally.serverErrors).toBe(0);
    expect(m.tally.ok + m.tally.limited).toBe(m.messages);
    // The target. Each accepted tokenless message keeps a pending session for 30 minutes, so new
    // visitors have their own per-IP limit (WEB_RATE_NEW_PER_IP, 30/min): see RELIABILITY.md.
    expect(m.tally.limited).toBeGreaterThan(0);
    expect(
      m.growth,
      `+${(m.growth / MB).toFixed(1)} MB for ${m.tally.ok} accepted messages (${Math.round(m.perAccepted)} B each)`,
    ).toBeLessThan(LIMIT_BYTES);
  });

  it('100,000 messages from 100 addresses with the default limits: the per-IP limit refuses most', async () => {
    const r = await startApp({});
    const m = await measure(r, { addresses: loopbackAddresses(100), perAddress: 1000 });
    expect(m.tally.serverErrors).toBe(0);
    expect(m.tally.ok + m.tally.limited).toBe(m.messages);
    expect(m.tally.limited).toBeGreaterThan(0);
    expect(m.growth).toBeLessThan(LIMIT_BYTES);
  });

  it('every message accepted (WEB_RATE_PER_IP raised, one address): the bytes each one costs', async () => {
    const r = await startApp({ WEB_RATE_PER_IP: '1000000', WEB_RATE_NEW_PER_IP: '1000000' });
    const m = await measure(r, { addresses: ['127.0.0.1'], perAddress: 20_000 });
    expect(m.tally.serverErrors).toBe(0);
    expect(m.tally.ok).toBe(m.messages);
    // Reported, not asserted: at ~330-450 B per accepted message, 100,000 accepted messages would take
    // 32-45 MB, over the 20 MB target (RELIABILITY.md). Kept as a figure until the design changes.
    const projected = m.perAccepted * 100_000;
    console.log(`projected growth for 100,000 accepted messages: ${(projected / MB).toFixed(1)} MB`);
  });
});
