import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { UsageEvent } from '../../src/core/usage';
import type { UsageReport } from '../../src/core/usage-report';
import type { UserRef } from '../../src/core/user';
import { createLogger } from '../../src/logger';
import { RedisHelpLog } from '../../src/storage/redis-help-log';
import { RedisUsageLog } from '../../src/storage/redis-usage-log';
import { deleteKeys } from '../helpers/redis-cleanup';
import { runScriptAsync, type ScriptRun } from '../helpers/run-script';

const url = inject('redisUrl');
const prefix = `rpt${process.pid}${Math.floor(Math.random() * 1e6)}:`;
const redis = new Redis(url);
const tmp = mkdtempSync(join(tmpdir(), 'dvc-report-'));
const env = { REDIS_URL: url, REDIS_PREFIX: prefix, STATS_SALT: 'a-test-salt-of-some-length' };

// Three days in two months (10:00 in Vietnam); the period runs from 28 February to 3 April.
const MAR1 = Date.UTC(2026, 2, 1, 3);
const MAR2 = Date.UTC(2026, 2, 2, 3);
const APR2 = Date.UTC(2026, 3, 2, 3);
const PERIOD = ['--from', '2026-02-28', '--to', '2026-04-03'];

const person = (channel: UserRef['channel'], id: string, village?: string) => ({
  user: { channel, id },
  village,
});
const t1 = person('telegram', '101', 'thon-1');
const t2 = person('telegram', '102', 'thon-1');
const t3 = person('telegram', '103');
const z1 = person('zalo', 'z-1', 'thon-2');
const z2 = person('zalo', 'z-2');
const w1 = person('web', 'w-1');

function seed(log: RedisUsageLog): void {
  const record = (event: UsageEvent, at: number, by = t1, times = 1) => {
    for (let i = 0; i < times; i++) log.record(event, at, by);
  };
  const message: UsageEvent = { kind: 'message' };
  record(message, MAR1, t1, 3);
  record(message, MAR2, t2, 2);
  record(message, APR2, t3, 1);
  record(message, MAR1, z1, 4);
  record(message, MAR2, z2, 1);
  record(message, APR2, w1, 2);
  const answered = (topic: string): UsageEvent => ({
    kind: 'question',
    result: 'answered',
    topic,
    band: 'high',
  });
  record(answered('ket-hon'), MAR1, t1, 3);
  record(answered('nop-truc-tuyen'), MAR2, z1, 2);
  record({ kind: 'question', result: 'clarified' }, MAR2, z2);
  const unanswered = 'Số của tôi là 0912345678, làm sao?';
  record({ kind: 'question', result: 'unanswered', text: unanswered }, MAR1, t1, 2);
  record({ kind: 'question', result: 'unanswered', text: 'con mèo | ăn gì' }, APR2, w1);
  record({ kind: 'question', result: 'outside', text: 'Giá vàng hôm nay' }, APR2, t3);
  record({ kind: 'topic', topic: 'ket-hon', from: 'question' }, MAR1, t1, 3);
  record({ kind: 'topic', topic: 'nop-truc-tuyen', from: 'question' }, MAR2, z1, 2);
  record({ kind: 'topic', topic: 'ket-hon', from: 'menu', section: 'truc-tuyen' }, MAR2, t2);
  record({ kind: 'topic', topic: 'buu-chinh', from: 'menu' }, APR2, w1);
  record({ kind: 'feedback', value: 'up', topic: 'ket-hon' }, MAR1, t1, 3);
  record({ kind: 'feedback', value: 'down' }, MAR2, z1);
  record({ kind: 'reminder', what: 'created' }, MAR1, t1, 2);
  record({ kind: 'reminder', what: 'sent' }, MAR2, t1);
  record({ kind: 'reminder', what: 'cancelled' }, MAR2, t1);
  record({ kind: 'announcement', what: 'created', recipients: 5 }, MAR1);
  record({ kind: 'announcement', what: 'created', recipients: 2 }, APR2);
  record({ kind: 'announcement', what: 'sent' }, MAR1, t1, 5);
  record({ kind: 'announcement', what: 'failed' }, APR2);
  record({ kind: 'announcement', what: 'blocked' }, APR2);
}

async function seedHelp(): Promise<void> {
  const help = new RedisHelpLog(redis, prefix);
  const session = { topic: 'ket-hon', filedOnline: false, postalReturn: false, vneidActivated: false };
  await help.record({ ...session, village: 'thon-1', at: MAR1, filedOnline: true, vneidActivated: true });
  await help.record({ ...session, village: 'thon-1', at: MAR2, postalReturn: true });
  await help.record({ ...session, village: 'thon-2', at: APR2 });
}

const runs: Record<string, ScriptRun> = {};
const docxFile = join(tmp, 'bao-cao.docx');
const BAD: [string, string[]][] = [
  ['bad-date', ['--from', '2026-02-30']],
  ['reversed', ['--from', '2026-04-01', '--to', '2026-03-01']],
  ['too-long', ['--from', '2010-01-01', '--to', '2026-01-01']],
  ['format', [...PERIOD, '--format', 'pdf']],
  ['option', ['--verbose']],
];

beforeAll(async () => {
  const log = new RedisUsageLog(redis, prefix, {
    salt: env.STATS_SALT,
    retentionDays: 3660,
    logger: createLogger('silent'),
  });
  seed(log);
  await seedHelp();
  // The usage log's pipelines are queued on this connection: a PING answered means they are all in.
  await redis.ping();
  const [json, csv, md, en, docx, down, ...bad] = await Promise.all([
    runScriptAsync('report.ts', [...PERIOD, '--format', 'json'], env),
    runScriptAsync('report.ts', [...PERIOD, '--format', 'csv'], env),
    runScriptAsync('report.ts', PERIOD, env),
    runScriptAsync('report.ts', [...PERIOD, '--lang', 'en'], env),
    runScriptAsync('report.ts', [...PERIOD, '--format', 'docx', '--out', docxFile], env),
    runScriptAsync('report.ts', PERIOD, { ...env, REDIS_URL: 'redis://127.0.0.1:1' }),
    ...BAD.map(([, args]) => runScriptAsync('report.ts', args, env)),
  ]);
  Object.assign(runs, { json, csv, md, en, docx, down });
  BAD.forEach(([name], i) => {
    runs[name] = bad[i]!;
  });
}, 90_000);

afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
  rmSync(tmp, { recursive: true, force: true });
});

/** Every leaf of the JSON that is not a day, a month, an id or a text is a number. */
function nonNumbers(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => nonNumbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      ['from', 'to', 'date', 'month', 'text', 'topic'].includes(k) && typeof v === 'string'
        ? []
        : nonNumbers(v, `${path}.${k}`),
    );
  }
  return typeof value === 'number' && Number.isFinite(value) ? [] : [path];
}

describe('npm run report (a child process on a seeded Redis)', () => {
  it('--format json gives the numbers that were recorded', () => {
    expect(runs.json!.status, runs.json!.stderr).toBe(0);
    const r = JSON.parse(runs.json!.stdout) as UsageReport;
    expect(nonNumbers(r)).toEqual([]);
    expect([r.from, r.to]).toEqual(['2026-02-28', '2026-04-03']);
    expect(r.messages).toEqual({ received: 13, byChannel: { telegram: 6, zalo: 5, web: 2 } });
    expect(r.residents).toEqual({
      unique: 6,
      new: 6,
      byChannel: { telegram: 3, zalo: 2, web: 1 },
      byVillage: { 'thon-1': 2, 'thon-2': 1 },
    });
    expect(r.questions).toEqual({ asked: 10, answered: 5, clarified: 1, unanswered: 3, outOfScope: 1 });
    expect(r.topics).toEqual([
      { topic: 'ket-hon', count: 4 },
      { topic: 'nop-truc-tuyen', count: 2 },
      { topic: 'buu-chinh', count: 1 },
    ]);
    expect(r.interest).toEqual({ online: { topics: 2, sections: 1 }, postal: { topics: 1, sections: 0 } });
    expect(r.feedback).toEqual({ up: 3, down: 1 });
    expect(r.reminders).toEqual({ created: 2, sent: 1, failed: 0, cancelled: 1 });
    expect(r.announcements).toEqual({ count: 2, recipients: 7, sent: 5, failed: 1, blocked: 1 });
    expect(r.helpSessions).toEqual({
      count: 3,
      filedOnline: 1,
      postalReturn: 1,
      vneidActivated: 1,
      byVillage: { 'thon-1': 2, 'thon-2': 1 },
    });
  });

  it('masks the numbers residents typed, and counts each question', () => {
    const r = JSON.parse(runs.json!.stdout) as UsageReport;
    expect(runs.json!.stdout).not.toContain('0912345678');
    expect(r.unanswered).toHaveLength(2);
    expect(r.unanswered[0]!.count).toBe(2);
    expect(r.unanswered[0]!.text).toMatch(/^số của tôi là \*+678, làm sao\?$/);
    expect(r.unanswered[1]).toEqual({ text: 'con mèo | ăn gì', count: 1 });
    expect(r.outOfScope).toEqual([{ text: 'giá vàng hôm nay', count: 1 }]);
  });

  it('has a row for every day of the period and one per month', () => {
    const r = JSON.parse(runs.json!.stdout) as UsageReport;
    expect(r.daily).toHaveLength(35);
    expect(r.daily[0]!.date).toBe('2026-02-28');
    expect(r.daily.at(-1)!.date).toBe('2026-04-03');
    const day = (date: string) => r.daily.find((d) => d.date === date);
    expect(day('2026-03-01')).toEqual({ date: '2026-03-01', messages: 7, residents: 2 });
    expect(day('2026-03-02')).toEqual({ date: '2026-03-02', messages: 3, residents: 2 });
    expect(day('2026-04-02')).toEqual({ date: '2026-04-02', messages: 3, residents: 2 });
    expect(day('2026-03-15')).toEqual({ date: '2026-03-15', messages: 0, residents: 0 });
    expect(r.monthly.map((m) => [m.month, m.messages, m.residents, m.helpSessions])).toEqual([
      ['2026-02', 0, 0, 0],
      ['2026-03', 10, 4, 2],
      ['2026-04', 3, 2, 1],
    ]);
  });

  it('--format csv and md print the report; --lang en speaks English', () => {
    expect(runs.csv!.status, runs.csv!.stderr).toBe(0);
    expect(runs.csv!.stdout.startsWith('\uFEFF')).toBe(true);
    expect(runs.csv!.stdout).toContain('Số liệu theo ngày,2026-03-01,Số tin nhắn,7');
    expect(runs.md!.status, runs.md!.stderr).toBe(0);
    expect(runs.md!.stdout).toContain('# Báo cáo sử dụng Trợ lý DVC');
    expect(runs.md!.stdout).toContain('28/02/2026');
    expect(runs.md!.stdout).toContain('| Đăng ký kết hôn | 4 |');
    expect(runs.md!.stdout).toContain('| Tỉ lệ trả lời được | 50 % |');
    expect(runs.md!.stdout).toContain('| 75 % |');
    expect(runs.en!.status, runs.en!.stderr).toBe(0);
    expect(runs.en!.stdout).toContain('# Trợ lý DVC usage report');
  });

  it('--format docx --out writes a Word file', async () => {
    expect(runs.docx!.status, runs.docx!.stderr).toBe(0);
    expect(runs.docx!.stdout).toBe('');
    const zip = await JSZip.loadAsync(readFileSync(docxFile));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Báo cáo sử dụng Trợ lý DVC');
    expect(xml).toContain('Đăng ký kết hôn');
  });

  it.each(BAD.map(([name]) => name))('bad input (%s): exit code 2 and one Vietnamese line', (name) => {
    const run = runs[name]!;
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/ngày|không|Không|chọn/);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('Redis unreachable: exit code 1 and a Vietnamese line', () => {
    expect(runs.down!.status).toBe(1);
    expect(runs.down!.stdout).toBe('');
    expect(runs.down!.stderr).toContain('Không kết nối được Redis');
  });
});
