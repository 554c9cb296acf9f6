import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { outboxCounts } from '../../src/queues/outbox-counts';
import { announcement, broadcastWorld, range } from '../helpers/broadcast-scene';
import type { RecordedCall } from '../helpers/fake-telegram-api';
import { until } from '../helpers/until';

/**
 * Village announcements end to end: `npm run broadcast` queues them, the bot's worker process
 * (ROLE=worker) sends them through the fake Telegram and Zalo APIs, `--status` reads the outcome.
 * The SIGKILL mid-send is in test/faults/broadcast-kill.faults.ts.
 */
const world = broadcastWorld(inject('redisUrl'));
afterEach(() => world.stopWorkers(), 30_000);
afterAll(() => world.close(), 60_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** OUTBOX_CONCURRENCY: sends one outbox worker has in flight at once */
const IN_FLIGHT = 8;

describe('village announcements through the worker process', () => {
  it('respects a Telegram 429: nothing sent during retry_after, everyone gets it once', async () => {
    const s = await world.scene({ telegramLatencyMs: 20, zaloLatencyMs: 20 });
    const tgIds = range(40, (i) => String(7_200_000 + i));
    await s.listen('telegram', 'thon-3', tgIds);
    const text = announcement('Tiêm phòng');
    s.telegram.failNext('sendMessage', { code: 429, retryAfter: 1 }, 2);
    const worker = s.startWorker();
    const queued = await s.queue(['--villages', 'thon-3', '--text', text]);
    expect(queued.recipients).toEqual({ telegram: 40, zalo: 0 });
    // and once more part-way
    await until(() => s.delivered('telegram').length >= 15, 30_000);
    s.telegram.failNext('sendMessage', { code: 429, retryAfter: 1 }, 1);
    await until(() => tgIds.every((id) => s.delivered('telegram', id).length > 0), 30_000);
    await until(async () => (await s.state(queued.id)) === 'done', 10_000);
    await sleep(300);

    const sent = s.telegram.sent();
    const refused = sent.filter((c) => (c.response as { error_code?: number }).error_code === 429);
    expect(refused).toHaveLength(3);
    const graceSends: number[] = [];
    for (const r of refused) {
      const answeredAt = (r as RecordedCall).answeredAt!;
      graceSends.push(sent.filter((c) => c.at > answeredAt && c.at <= answeredAt + 200).length);
      // The worker that got the 429 holds the whole queue for retry_after from the moment it has read
      // the answer; until then (up to 200 ms here, on a busy machine) sends taken before may still start.
      const during = sent.filter((c) => c.at > answeredAt + 200 && c.at < answeredAt + 1000);
      expect(during.map((c) => c.at - answeredAt)).toEqual([]);
    }
    for (const id of tgIds) expect(s.delivered('telegram', id), id).toHaveLength(1);
    expect(sent.filter((c) => c.response === undefined || !('ok' in c.response))).toHaveLength(0);
    expect(await outboxCounts(world.redis, s.qp, 'telegram')).toMatchObject({ sent: 40, rate_limited: 3 });
    expect(await s.status(queued.id)).toEqual({ state: 'done', sent: 40, failed: 0, blocked: 0, pending: 0 });
    expect(worker.output()).not.toMatch(/"level":(50|60)/);
    const next = refused.map((r) => {
      const answeredAt = (r as RecordedCall).answeredAt!;
      return Math.min(...sent.filter((c) => c.at > answeredAt + 200).map((c) => c.at)) - answeredAt;
    });
    console.log(
      `429: sends within 200 ms of each 429 answer ${JSON.stringify(graceSends)}; next send after it ${JSON.stringify(next)} ms`,
    );
  }, 60_000);

  it('a resident who blocked the bot (Telegram 403) or cannot be reached (Zalo) is counted blocked and leaves the village list', async () => {
    const s = await world.scene({ telegramLatencyMs: 10, zaloLatencyMs: 10 });
    const tgIds = range(5, (i) => String(7_300_000 + i));
    const zaloIds = range(5, (i) => `b00000000000000${i}`);
    await s.listen('telegram', 'thon-4', tgIds);
    await s.listen('zalo', 'thon-4', zaloIds);
    const [tgBlocked, zaloGone] = [tgIds[2]!, zaloIds[3]!];
    s.telegram.setBlocked(tgBlocked);
    s.zalo.setUnreachable(zaloGone);
    s.startWorker();
    const queued = await s.queue(['--villages', 'thon-4', '--text', announcement('Thu gom rác')]);
    expect(queued.recipients).toEqual({ telegram: 5, zalo: 5 });
    await until(async () => (await s.state(queued.id)) === 'done', 30_000);

    expect(await s.status(queued.id)).toEqual({ state: 'done', sent: 8, failed: 0, blocked: 2, pending: 0 });
    for (const [channel, id] of [
      ['telegram', tgBlocked],
      ['zalo', zaloGone],
    ] as const) {
      // tried once, not retried
      expect(s.calls(channel, id)).toHaveLength(1);
      expect(s.delivered(channel, id)).toHaveLength(0);
      expect(await s.isListening(channel, 'thon-4', id)).toBe(false);
      expect((await s.residents.load({ channel, id })).profile?.active).toBe(false);
    }
    for (const id of tgIds.filter((x) => x !== tgBlocked)) {
      expect(s.delivered('telegram', id)).toHaveLength(1);
      expect(await s.isListening('telegram', 'thon-4', id)).toBe(true);
    }
    for (const id of zaloIds.filter((x) => x !== zaloGone)) {
      expect(s.delivered('zalo', id)).toHaveLength(1);
      expect(await s.isListening('zalo', 'thon-4', id)).toBe(true);
    }
    expect(await s.tally(queued.id)).toEqual({
      telegram: { recipients: 5, sent: 4, failed: 0, blocked: 1, capped: 0 },
      zalo: { recipients: 5, sent: 4, failed: 0, blocked: 1, capped: 0 },
    });
  }, 60_000);

  it('a scheduled one (--at): nothing before its time, everyone after', async () => {
    const s = await world.scene({ telegramLatencyMs: 10, zaloLatencyMs: 10 });
    const tgIds = range(10, (i) => String(7_400_000 + i));
    const zaloIds = range(5, (i) => `c00000000000000${i}`);
    await s.listen('telegram', 'thon-5', tgIds);
    await s.listen('zalo', 'thon-5', zaloIds);
    s.startWorker();
    await s.workersReady();
    // about 3 s after the command has queued it (the command itself takes 2–5 s to start)
    const at = Date.now() + 7000;
    const queued = await s.queue([
      '--villages',
      'thon-5',
      '--text',
      announcement('Họp'),
      '--at',
      new Date(at).toISOString(),
    ]);
    const queuedAt = Date.now();
    expect(at - queuedAt).toBeGreaterThan(1000);
    expect(await s.state(queued.id)).toBe('scheduled');
    expect(s.calls('telegram').length + s.calls('zalo').length).toBe(0);
    await until(async () => (await s.state(queued.id)) === 'done', 30_000);

    const all = [...s.calls('telegram'), ...s.calls('zalo')];
    expect(all).toHaveLength(15);
    expect(all.filter((c) => c.at < at).map((c) => c.at - at)).toEqual([]);
    for (const id of tgIds) expect(s.delivered('telegram', id)).toHaveLength(1);
    for (const id of zaloIds) expect(s.delivered('zalo', id)).toHaveLength(1);
    const lateness = Math.max(...all.map((c) => c.at)) - at;
    expect(lateness).toBeLessThan(5000);
    expect(await s.status(queued.id)).toEqual({ state: 'done', sent: 15, failed: 0, blocked: 0, pending: 0 });
  }, 60_000);

  it('cancel part-way (--cancel): the rest is not sent, apart from what was in flight', async () => {
    // 1 s per answer: 8 sends a second on each channel
    const s = await world.scene({ telegramLatencyMs: 1000, zaloLatencyMs: 1000 });
    const tgIds = range(80, (i) => String(7_500_000 + i));
    const zaloIds = range(60, (i) => `d0000000000000${String(i).padStart(2, '0')}`);
    await s.listen('telegram', 'thon-6', tgIds);
    await s.listen('zalo', 'thon-6', zaloIds);
    s.startWorker();
    const queued = await s.queue(['--villages', 'thon-6', '--text', announcement('Hoãn họp')]);
    await until(() => s.calls('telegram').length >= 8 && s.calls('zalo').length >= 8, 30_000);
    const cancelledAt = Date.now();
    const cancelled = (await s.cli(['--cancel', queued.id, '--json'])) as { state: string; pending: number };
    const doneAt = Date.now();
    expect(cancelled).toMatchObject({ state: 'cancelled', pending: 0 });
    // what is left in the queues is dropped, not sent
    await until(async () => (await s.outstanding()) === 0, 30_000);
    await sleep(500);

    const after = {
      telegram: s.calls('telegram').filter((c) => c.at > doneAt),
      zalo: s.calls('zalo').filter((c) => c.at > doneAt),
    };
    expect(after.telegram.length).toBeLessThanOrEqual(IN_FLIGHT);
    expect(after.zalo.length).toBeLessThanOrEqual(IN_FLIGHT);
    const sent = s.delivered('telegram').length + s.delivered('zalo').length;
    expect(s.delivered('telegram').length).toBeLessThan(tgIds.length);
    expect(s.delivered('zalo').length).toBeLessThan(zaloIds.length);
    for (const id of [...tgIds, ...zaloIds]) {
      expect(s.delivered(id.startsWith('d') ? 'zalo' : 'telegram', id).length).toBeLessThanOrEqual(1);
    }
    const status = await s.status(queued.id);
    expect(status).toEqual({ state: 'cancelled', sent, failed: 0, blocked: 0, pending: 0 });
    const dropped =
      (await outboxCounts(world.redis, s.qp, 'telegram')).dropped +
      (await outboxCounts(world.redis, s.qp, 'zalo')).dropped;
    expect(dropped).toBe(tgIds.length + zaloIds.length - sent);
    console.log(
      `cancel: ${sent} of ${tgIds.length + zaloIds.length} sent; the command took ${doneAt - cancelledAt} ms; ` +
        `after it: ${after.telegram.length} Telegram, ${after.zalo.length} Zalo (in flight)`,
    );
  }, 60_000);

  it('daily cap (ANNOUNCEMENT_DAILY_CAP=2): of three announcements each resident gets two; the third counts them capped', async () => {
    const s = await world.scene({ telegramLatencyMs: 10, zaloLatencyMs: 10 });
    const tgIds = range(6, (i) => String(7_600_000 + i));
    const zaloIds = range(4, (i) => `e00000000000000${i}`);
    await s.listen('telegram', 'thon-7', tgIds);
    await s.listen('zalo', 'thon-7', zaloIds);
    s.startWorker({ ANNOUNCEMENT_DAILY_CAP: '2' });
    const texts = [announcement('Một'), announcement('Hai'), announcement('Ba')];
    const ids: string[] = [];
    for (const text of texts) {
      const queued = await s.queue(['--villages', 'thon-7', '--text', text]);
      expect(queued.recipients).toEqual({ telegram: 6, zalo: 4 });
      await until(async () => (await s.state(queued.id)) === 'done', 30_000);
      ids.push(queued.id);
    }
    await sleep(300);
    for (const [channel, list] of [
      ['telegram', tgIds],
      ['zalo', zaloIds],
    ] as const) {
      for (const id of list) {
        const got = s.delivered(channel, id).map((c) => String(c.params.text));
        expect(got, `${channel}:${id}`).toHaveLength(2);
        expect(got[0]).toContain(texts[0]);
        expect(got[1]).toContain(texts[1]);
      }
    }
    expect(await s.tally(ids[1]!)).toEqual({
      telegram: { recipients: 6, sent: 6, failed: 0, blocked: 0, capped: 0 },
      zalo: { recipients: 4, sent: 4, failed: 0, blocked: 0, capped: 0 },
    });
    expect(await s.status(ids[2]!)).toEqual({ state: 'done', sent: 0, failed: 0, blocked: 0, pending: 0 });
    expect(await s.tally(ids[2]!)).toEqual({
      telegram: { recipients: 6, sent: 0, failed: 0, blocked: 0, capped: 6 },
      zalo: { recipients: 4, sent: 0, failed: 0, blocked: 0, capped: 4 },
    });
  }, 90_000);
});
