import { afterAll, describe, expect, inject, it } from 'vitest';
import { outboxCounts } from '../../src/queues/outbox-counts';
import { announcement, broadcastWorld, type Channel, range } from '../helpers/broadcast-scene';
import { until } from '../helpers/until';

/**
 * A village announcement to 300 residents (200 on Telegram, 100 on Zalo) whose worker process is
 * SIGKILLed part-way, then started again: everyone gets it, and only what was in flight at the kill goes
 * out twice — each such message a delivery of a stalled job, counted `sent_after_stall` (RELIABILITY.md,
 * «The duplicate that remains»). The fakes answer in 300 ms (Telegram) and 600 ms (Zalo), so the send
 * takes several seconds and the kill lands mid-send.
 */
const world = broadcastWorld(inject('redisUrl'));
afterAll(() => world.close(), 60_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** OUTBOX_CONCURRENCY: sends one outbox worker has in flight at once */
const IN_FLIGHT = 8;

describe('an announcement across a SIGKILL of the worker', () => {
  it('reaches everyone; duplicates only of messages in flight at the kill, each counted sent_after_stall', async () => {
    const s = await world.scene({ telegramLatencyMs: 300, zaloLatencyMs: 600 });
    const tgIds = range(200, (i) => String(7_100_000 + i));
    const zaloIds = range(100, (i) => `a1b2c3d4e5f6${String(i).padStart(4, '0')}`);
    await s.listen('telegram', 'thon-1', tgIds.slice(0, 120));
    await s.listen('telegram', 'thon-2', tgIds.slice(120));
    await s.listen('zalo', 'thon-1', zaloIds.slice(0, 40));
    await s.listen('zalo', 'thon-2', zaloIds.slice(40));
    // a resident of another village hears nothing
    await s.listen('telegram', 'thon-3', ['7199999']);
    const ids: Record<Channel, string[]> = { telegram: tgIds, zalo: zaloIds };
    const total = 300;
    const text = announcement('Mất điện');

    const t0 = Date.now();
    const first = s.startWorker();
    const queued = (await s.npmBroadcast(['--villages', 'thon-1,thon-2', '--text', text, '--json'])) as {
      id: string;
      recipients: Record<string, number>;
    };
    expect(queued.recipients).toEqual({ telegram: 200, zalo: 100 });

    const arrived = () => s.calls('telegram').length + s.calls('zalo').length;
    await until(() => arrived() >= 0.4 * total, 60_000);
    const killedAt = first.kill();
    await first.exited;
    // a request the worker wrote just before it died may still be on its way into the fake
    await sleep(300);
    const atKill = { telegram: s.calls('telegram').length, zalo: s.calls('zalo').length };
    expect(atKill.telegram + atKill.zalo).toBeLessThanOrEqual(0.6 * total);

    // What the dead worker held: jobs in BullMQ's active list without a delivery record; those whose
    // message had reached the platform are sure to go out twice.
    const held: Record<Channel, { unrecorded: string[]; reached: string[] }> = {
      telegram: { unrecorded: [], reached: [] },
      zalo: { unrecorded: [], reached: [] },
    };
    for (const channel of ['telegram', 'zalo'] as const) {
      for (const job of await s.activeJobs(channel)) {
        if (await s.hasDeliveryRecord(channel, job)) continue;
        held[channel].unrecorded.push(job);
        const user = job.slice(`bc-${queued.id}-${channel}-`.length);
        if (s.calls(channel, user).length > 0) held[channel].reached.push(user);
      }
    }

    const second = s.startWorker();
    const restartedAt = Date.now();
    const everyone = () =>
      tgIds.every((id) => s.delivered('telegram', id).length > 0) &&
      zaloIds.every((id) => s.delivered('zalo', id).length > 0);
    try {
      await until(everyone, 60_000);
      await until(async () => (await s.state(queued.id)) === 'done', 20_000);
      await until(async () => (await s.outstanding()) === 0, 10_000);
    } catch (err) {
      console.log(`first worker:\n${first.output()}\nsecond worker:\n${second.output()}`);
      throw err;
    }
    const doneAt = Date.now();

    const figures: Record<string, unknown> = {};
    for (const channel of ['telegram', 'zalo'] as const) {
      const counts = await outboxCounts(world.redis, s.qp, channel);
      for (const id of ids[channel]) {
        const got = s.delivered(channel, id);
        expect(got.length, `${channel}:${id}`).toBeGreaterThanOrEqual(1);
        expect(
          got.every((c) => String(c.params.text).includes(text)),
          `${channel}:${id}`,
        ).toBe(true);
      }
      const twice = ids[channel].filter((id) => s.delivered(channel, id).length > 1);
      expect(ids[channel].every((id) => s.delivered(channel, id).length <= 2)).toBe(true);
      // only messages in flight at the kill went out twice: exactly those the platform had already taken
      expect([...twice].sort()).toEqual([...held[channel].reached].sort());
      // every delivery of a stalled job is counted sent_after_stall: each duplicate is one of them
      expect(counts.sent_after_stall).toBe(held[channel].unrecorded.length);
      expect(twice.length).toBeLessThanOrEqual(counts.sent_after_stall);
      expect(counts.sent_after_stall).toBeLessThanOrEqual(IN_FLIGHT);
      // the outbox counts each message sent once, nothing failed
      expect(counts).toMatchObject({ sent: ids[channel].length, failed: 0, blocked: 0, dropped: 0 });
      figures[channel] = {
        arrivedAtKill: atKill[channel],
        heldUnrecorded: held[channel].unrecorded.length,
        duplicates: twice.length,
        counts,
      };
    }
    // nobody else got anything (and no progress messages: the command line's sender is `cli`)
    expect(s.calls('telegram').every((c) => tgIds.includes(String(c.params.chat_id)))).toBe(true);
    expect(s.calls('zalo').every((c) => zaloIds.includes(String(c.params.chat_id)))).toBe(true);

    expect(await s.status(queued.id)).toEqual({
      state: 'done',
      sent: 300,
      failed: 0,
      blocked: 0,
      pending: 0,
    });
    console.log(
      `broadcast kill: ${total} recipients; SIGKILL ${killedAt - t0} ms after the start, ` +
        `${atKill.telegram + atKill.zalo} messages received by then; restart → done ${doneAt - restartedAt} ms; ` +
        JSON.stringify(figures),
    );
  }, 150_000);
});
