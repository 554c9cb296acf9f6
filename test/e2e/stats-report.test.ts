import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { vietnamDay } from '../../src/core/vietnam-day';
import { runScriptAsync } from '../helpers/run-script';
import { startTelegramBed, type TelegramBed } from '../helpers/telegram-bed';
import { TelegramResident } from '../helpers/telegram-resident';

/**
 * The end-to-end check: real conversations through the web API and the fake Telegram API,
 * then `npm run report -- --format json` on the same Redis and prefix counts exactly what was sent.
 */
const SECRET = 'telegram_webhook_secret_for_stats';
let bed: TelegramBed;
beforeAll(async () => {
  bed = await startTelegramBed(SECRET);
});
afterAll(() => bed.close());

interface WebVisitor {
  cookie?: string;
  sent: number;
}

async function web(visitor: WebVisitor, body: object): Promise<void> {
  const res = await fetch(`${bed.server.url}/api/web/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(visitor.cookie ? { cookie: visitor.cookie } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  visitor.cookie ??= res.headers.get('set-cookie')?.split(';')[0];
  visitor.sent += 1;
}

const today = () => {
  const d = vietnamDay(Date.now());
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
};

describe('usage report after real conversations', () => {
  it('counts what residents sent on Telegram and the web chat, without their ids', async () => {
    const { fake, server } = bed;
    let telegramUpdates = 0;
    const deliver = async (update: object) => {
      telegramUpdates += 1;
      await bed.deliver(update);
    };
    const an = new TelegramResident(fake, 81_000_001, deliver);
    await an.start('thon-1');
    await an.say('lam giay khai sinh cho con');
    await an.press('Giấy tờ cần có');
    await an.press('👍');
    const binh = new TelegramResident(fake, 81_000_002, deliver);
    await binh.start('thon-2');
    await binh.say('đổi căn cước ở đâu');
    await binh.press('👎');

    const chi: WebVisitor = { sent: 0 };
    await web(chi, { payload: 'start' });
    await web(chi, { text: 'dang ky ket hon can gi' });
    const dung: WebVisitor = { sent: 0 };
    await web(dung, { text: 'giá lúa hôm nay bao nhiêu' });
    await web(dung, { text: 'xyzzy plugh 0912345678' });

    const day = today();
    const run = await runScriptAsync('report.ts', ['--format', 'json', '--from', day, '--to', day], {
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: server.prefix,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);

    expect(report.from).toBe(day);
    expect(report.messages).toEqual({
      received: telegramUpdates + chi.sent + dung.sent,
      byChannel: { telegram: telegramUpdates, zalo: 0, web: chi.sent + dung.sent },
    });
    expect(report.residents).toEqual({
      unique: 4,
      new: 4,
      byChannel: { telegram: 2, zalo: 0, web: 2 },
      byVillage: { 'thon-1': 1, 'thon-2': 1 },
    });
    expect(report.questions).toEqual({ asked: 5, answered: 3, clarified: 0, unanswered: 1, outOfScope: 1 });
    expect(report.feedback).toEqual({ up: 1, down: 1 });
    const topics = Object.fromEntries(
      report.topics.map((t: { topic: string; count: number }) => [t.topic, t.count]),
    );
    // khai sinh: the answer and its «Giấy tờ cần có» part
    expect(topics).toEqual({ 'khai-sinh': 2, 'can-cuoc': 1, 'ket-hon': 1 });
    expect(report.topics[0]).toEqual({ topic: 'khai-sinh', count: 2 });
    expect(report.unanswered).toEqual([{ text: 'xyzzy plugh *******678', count: 1 }]);
    expect(report.outOfScope).toEqual([{ text: 'giá lúa hôm nay bao nhiêu', count: 1 }]);
    expect(report.daily).toEqual([{ date: day, messages: report.messages.received, residents: 4 }]);
    expect(report.reminders).toEqual({ created: 0, sent: 0, failed: 0, cancelled: 0 });

    // Nothing in the statistics names a person: no chat id, no phone number.
    const statsKeys = await server.redis.keys(`${server.prefix}stats:*`);
    expect(statsKeys.length).toBeGreaterThan(5);
    for (const key of statsKeys) {
      const dump = (await server.redis.dumpBuffer(key))?.toString('latin1') ?? '';
      expect(`${key} ${dump}`).not.toMatch(/81000001|81000002|0912345678/);
    }
  });
});
