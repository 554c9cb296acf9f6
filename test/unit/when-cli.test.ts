import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNow, runWhenCli } from '../../scripts/when-cli';
import { runScriptAsync, type ScriptRun } from '../helpers/run-script';

const tmp = mkdtempSync(join(tmpdir(), 'dvc-when-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Wednesday 2/12/2026 06:00 in Vietnam is still Tuesday 1/12 in UTC (23:00) and in New York (18:00).
const NOW_VN = '2026-12-02T06:00:00+07:00';
const NOW_UTC = '2026-12-01T23:00:00Z';
const BATCH = [
  'mai',
  'hôm nay 8h',
  '8h',
  '',
  'thứ 4',
  'thứ 6 tuần sau 8h',
  'tuần sau',
  'ngày 1',
  '30 phút nữa',
];
BATCH.push('mùng 1 tháng 11 âm lịch', 'mùng 1 Tết', '5 giờ sáng', '31/2', 'hôm qua');
const EXPECTED = [
  '{"text":"mai","ok":true,"at":"2026-12-03T08:00:00+07:00","words":"Thứ Năm, 03/12/2026 lúc 08:00"}',
  '{"text":"hôm nay 8h","ok":true,"at":"2026-12-02T08:00:00+07:00","words":"Thứ Tư, 02/12/2026 lúc 08:00"}',
  '{"text":"8h","ok":true,"at":"2026-12-02T08:00:00+07:00","words":"Thứ Tư, 02/12/2026 lúc 08:00"}',
  '{"text":"thứ 4","ok":true,"at":"2026-12-09T08:00:00+07:00","words":"Thứ Tư, 09/12/2026 lúc 08:00"}',
  '{"text":"thứ 6 tuần sau 8h","ok":true,"at":"2026-12-11T08:00:00+07:00","words":"Thứ Sáu, 11/12/2026 lúc 08:00"}',
  '{"text":"tuần sau","ok":true,"at":"2026-12-07T08:00:00+07:00","words":"Thứ Hai, 07/12/2026 lúc 08:00"}',
  '{"text":"ngày 1","ok":true,"at":"2027-01-01T08:00:00+07:00","words":"Thứ Sáu, 01/01/2027 lúc 08:00"}',
  '{"text":"30 phút nữa","ok":true,"at":"2026-12-02T06:30:00+07:00","words":"Thứ Tư, 02/12/2026 lúc 06:30"}',
  '{"text":"mùng 1 tháng 11 âm lịch","ok":true,"at":"2026-12-09T08:00:00+07:00","words":"Thứ Tư, 09/12/2026 lúc 08:00 (mùng 1 tháng 11 âm lịch)"}',
  '{"text":"mùng 1 Tết","ok":true,"at":"2027-02-06T08:00:00+07:00","words":"Thứ Bảy, 06/02/2027 lúc 08:00 (mùng 1 tháng Giêng âm lịch)"}',
  '{"text":"5 giờ sáng","ok":false,"reason":"past","message":"Hôm nay đã qua 05:00 rồi ạ. Bà con muốn nhắc lúc 05:00 ngày mai phải không ạ?"}',
  '{"text":"31/2","ok":false,"reason":"invalid","message":"Ngày 31/2 không có trong lịch. Bà con muốn nhắc vào ngày nào ạ?"}',
  '{"text":"hôm qua","ok":false,"reason":"past","message":"Ngày 01/12/2026 đã qua rồi ạ. Bà con muốn nhắc vào ngày nào ạ?"}',
];

describe('when CLI (child processes: the real exit codes, time zones of the machine)', () => {
  const batchFile = join(tmp, 'batch.txt');
  let single: ScriptRun;
  let utc: ScriptRun;
  let newYork: ScriptRun;
  let noText: ScriptRun;
  let noFile: ScriptRun;

  beforeAll(async () => {
    writeFileSync(batchFile, `${BATCH.join('\n')}\n`);
    // Five processes at once: about one tsx start-up of waiting.
    [single, utc, newYork, noText, noFile] = await Promise.all([
      runScriptAsync('when.ts', ['--now', '2026-12-01T10:00:00+07:00', '--json', 'thứ 6 tuần sau 8h'], {
        TZ: 'UTC',
      }),
      runScriptAsync('when.ts', ['--now', NOW_VN, '--batch', batchFile], { TZ: 'UTC' }),
      runScriptAsync('when.ts', ['--json', '--now', NOW_UTC, '--batch', batchFile], {
        TZ: 'America/New_York',
      }),
      runScriptAsync('when.ts', ['--now', NOW_VN], { TZ: 'UTC' }),
      runScriptAsync('when.ts', ['--batch', join(tmp, 'missing.txt')], { TZ: 'UTC' }),
    ]);
  }, 60_000);

  it('prints exactly one JSON line with ok, at, words, in that order', () => {
    expect(single.status, single.stderr).toBe(0);
    expect(single.stdout).toBe(
      '{"ok":true,"at":"2026-12-11T08:00:00+07:00","words":"Thứ Sáu, 11/12/2026 lúc 08:00"}\n',
    );
  });

  it('--batch prints one line per non-empty line, "text" first, the same under TZ=UTC and TZ=America/New_York', () => {
    expect(utc.status, utc.stderr).toBe(0);
    expect(newYork.status, newYork.stderr).toBe(0);
    expect(utc.stdout.trimEnd().split('\n')).toEqual(EXPECTED);
    expect(newYork.stdout).toBe(utc.stdout);
  });

  it('bad usage: a message on stderr, nothing on stdout, exit code 2', () => {
    for (const run of [noText, noFile]) {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('usage:');
    }
    expect(noText.stderr).toContain('no text');
    expect(noFile.stderr).toContain('missing.txt');
  });
});

describe('when CLI arguments (in process)', () => {
  const deps = {
    readFile: (path: string): string => {
      if (path === 'lines.txt') return 'mai\r\n\r\n  \r\n31/2\r\n';
      throw new Error('ENOENT');
    },
    now: () => new Date('2026-12-01T10:00:00+07:00'),
  };

  it('answers a refusal with exit code 0 and only ok, reason, message', () => {
    const run = runWhenCli(['hôm qua'], deps);
    expect(run.code).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout))).toEqual(['ok', 'reason', 'message']);
  });

  it('takes now from the clock when --now is not given, and joins words given apart', () => {
    const run = runWhenCli(['--json', 'thứ', '6', 'tuần', 'sau'], deps);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      at: '2026-12-11T08:00:00+07:00',
      words: 'Thứ Sáu, 11/12/2026 lúc 08:00',
    });
  });

  it('skips blank batch lines and reads CRLF files', () => {
    const run = runWhenCli(['--batch', 'lines.txt'], deps);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).text),
    ).toEqual(['mai', '31/2']);
  });

  it.each([
    [[], 'no text'],
    [['--now', 'hôm qua', 'mai'], '--now'],
    [['--now', '2026-02-30T10:00:00+07:00', 'mai'], '--now'],
    [['--now', '2026-12-01T25:00:00+07:00', 'mai'], '--now'],
    [['--now'], 'argument'],
    [['--batch', 'missing.txt'], 'missing.txt'],
    [['--batch', 'lines.txt', 'mai'], 'not both'],
    [['--verbose', 'mai'], '--verbose'],
  ])('bad usage %j → exit code 2', (argv, said) => {
    const run = runWhenCli(argv, deps);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(said);
  });

  it('reads --now strictly, in Vietnam time when no offset is given', () => {
    expect(parseNow('2026-12-01T10:00:00+07:00')?.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(parseNow('2026-12-01T10:00:00')?.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(parseNow('2026-12-01T03:00:00Z')?.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(parseNow('2026-11-30T22:00:00-05:00')?.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(parseNow('2026-12-01')?.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(parseNow('01/12/2026')).toBeUndefined();
    expect(parseNow('2026-12-01T10:00:00+15:00')).toBeUndefined();
  });
});
