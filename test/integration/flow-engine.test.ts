import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import { featureDeps } from '../../src/compose';
import { buildServices } from '../../src/compose-services';
import { topicGroupsOf } from '../../src/compose-stats';
import type { Session } from '../../src/core/state';
import type { UserRef } from '../../src/core/user';
import type { FeatureContext } from '../../src/features/feature';
import { type Flow, FlowEngine } from '../../src/features/flow-engine';
import type { FeatureDeps, Turn } from '../../src/features/types';
import { createLogger } from '../../src/logger';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';
import { deleteKeys } from '../helpers/redis-cleanup';

const engine = createAnswerEngine('content', 'locales');
const redis = new Redis(inject('redisUrl'));
const prefix = `flow${Date.now()}:`;
const residents = new RedisResidentStore(redis, prefix);
const sessions = {
  get: async (u: UserRef) => (await residents.load(u)).session,
  save: (u: UserRef, session: Session) => residents.save(u, { session }),
};
const services = buildServices({
  redis,
  prefix,
  logger: createLogger('silent'),
  clock: { now: () => Date.now() },
  outbox: () => undefined,
  channels: () => [],
  commune: () => engine.kb.commune,
  t: engine.i18n.t,
  admins: [],
  calendarSecret: 'flow-test-secret',
  announcementApproval: false,
  announcementDailyCap: 3,
  statsSalt: 'test-salt-0123456789',
  statsRetentionDays: 400,
  publicUrl: 'http://localhost:3000',
  staffChatId: undefined,
  requestRetentionDays: 365,
  topicGroups: () => topicGroupsOf(engine.kb.topics),
});
const deps: FeatureDeps = featureDeps(engine, redis, prefix, () => true, services.features);
/** What the router gives a flow besides the ports. */
const ctxOf = (flows: FlowEngine): FeatureContext => ({
  ...deps,
  flows,
  mainMenu: () => ({ text: 'menu' }),
  stale: () => ({ replies: [{ text: 'stale' }] }),
  isCommand: () => false,
  topicAction: () => undefined,
  topicButtons: () => [],
});
afterAll(async () => {
  await services.close();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

/** A two-step form like the ones later features need: a date, then a yes/no. */
const appointment: Flow = {
  id: 'appointment',
  timeoutMs: 60_000,
  steps: [
    {
      id: 'day',
      ask: () => ({ text: 'Ngày nào? (1–31)' }),
      accept: (input, data) => {
        const day = Number(input.text);
        return Number.isInteger(day) && day >= 1 && day <= 31
          ? { ok: true, data: { ...data, day: String(day) } }
          : { ok: false, reply: { text: 'Ngày không hợp lệ.' } };
      },
    },
    {
      id: 'confirm',
      ask: (_turn, data) => ({
        text: `Xác nhận ngày ${data.day}?`,
        buttons: [[{ label: 'Có', payload: 'yes' }]],
      }),
      accept: (input, data) =>
        input.payload === 'yes'
          ? { ok: true, data: { ...data, confirm: 'yes' } }
          : { ok: false, reply: { text: 'Bấm «Có».' } },
    },
  ],
  complete: (data) => ({ replies: [{ text: `Đã hẹn ngày ${data.day}.` }] }),
};

const user = { channel: 'web' as const, id: 'flow-user' };
function turn(session: Session, now: number, text?: string, payload?: string): Turn {
  return {
    event: {
      user,
      chatId: 'c',
      kind: payload ? 'button' : 'text',
      ...(text !== undefined ? { text } : {}),
      ...(payload ? { payload } : {}),
      messageId: String(now),
      receivedAt: now,
    },
    profile: undefined,
    session,
    locale: 'vi',
    now,
  };
}

/** One step as the conversation does it: read the session from Redis, answer, write it back. */
async function step(flows: FlowEngine, now: number, text?: string, payload?: string) {
  const session = (await sessions.get(user)) ?? { misses: 0 };
  const flow = session.flow;
  if (!flow) throw new Error('no flow in the session');
  const outcome = await flows.continue(
    flow,
    { text, payload },
    turn(session, now, text, payload),
    ctxOf(flows),
  );
  await sessions.save(user, outcome.session ?? session);
  return outcome;
}

describe('flow engine on Redis', () => {
  it('asks, validates, moves on, survives a restart between steps, and completes', async () => {
    const t0 = Date.UTC(2026, 10, 27);
    const engineBefore = new FlowEngine([appointment]);
    const first = await engineBefore.start('appointment', turn({ misses: 0 }, t0), ctxOf(engineBefore));
    expect(first.replies[0]?.text).toBe('Ngày nào? (1–31)');
    await sessions.save(user, first.session!);

    const wrong = await step(new FlowEngine([appointment]), t0 + 1000, '45');
    expect(wrong.replies.map((r) => r.text)).toEqual(['Ngày không hợp lệ.', 'Ngày nào? (1–31)']);

    await step(new FlowEngine([appointment]), t0 + 2000, '15');
    // A new engine, as after a restart: the state comes from Redis.
    const done = await step(new FlowEngine([appointment]), t0 + 3000, undefined, 'yes');
    expect(done.replies[0]?.text).toBe('Đã hẹn ngày 15.');
    expect((await sessions.get(user))?.flow).toBeUndefined();
  });

  it('cancels with "hủy" at any step', async () => {
    const t0 = Date.UTC(2026, 10, 28);
    const flows = new FlowEngine([appointment]);
    const first = await flows.start('appointment', turn({ misses: 0 }, t0), ctxOf(flows));
    await sessions.save(user, first.session!);
    await step(flows, t0 + 1, '3');
    const cancelled = await step(flows, t0 + 2, 'Hủy');
    expect(cancelled.replies[0]?.text).toContain('đã hủy');
    expect((await sessions.get(user))?.flow).toBeUndefined();
  });

  it('knows when a step waited past its timeout', async () => {
    const t0 = Date.UTC(2026, 10, 29);
    const flows = new FlowEngine([appointment]);
    const first = await flows.start('appointment', turn({ misses: 0 }, t0), ctxOf(flows));
    const state = first.session!.flow!;
    expect(flows.isExpired(state, t0 + 59_000)).toBe(false);
    expect(flows.isExpired(state, t0 + 61_000)).toBe(true);
  });

  it('skips steps whose answer is already known', async () => {
    const flows = new FlowEngine([appointment]);
    const started = await flows.start('appointment', turn({ misses: 0 }, 0), ctxOf(flows), { day: '7' });
    expect(started.replies[0]?.text).toBe('Xác nhận ngày 7?');
  });
});
