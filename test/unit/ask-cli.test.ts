import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runScript } from '../helpers/run-script';

const askJson = z.object({
  topic: z.string(),
  decision: z.union([
    z.enum(['answer', 'clarify', 'unknown', 'outside', 'scam']),
    z.string().startsWith('intent-'),
  ]),
  confidence: z.number().min(0).max(1),
  candidates: z.array(z.object({ topic: z.string(), score: z.number().min(0).max(1) })),
  reply: z.string().min(1),
});

const tmp = mkdtempSync(join(tmpdir(), 'dvc-ask-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ask CLI contract', () => {
  it('prints the reply as a resident reads it', () => {
    const r = runScript('ask.ts', ['lam giay khai sinh cho con can gi']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('khai sinh');
    expect(r.stdout).toContain('[1]');
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('--json prints exactly one JSON object with the topic, confidence, candidates and reply', () => {
    const r = runScript('ask.ts', ['--json', 'đổi căn cước công dân ở đâu']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = askJson.parse(JSON.parse(lines[0]!));
    expect(out.topic).toBe('can-cuoc');
    expect(out.decision).toBe('answer');
    expect(out.candidates[0]?.topic).toBe('can-cuoc');
  });

  it('--json --batch answers one line per question, in order, with the question', () => {
    const file = join(tmp, 'batch.txt');
    writeFileSync(
      file,
      'dang ky ket hon can giay to gi\n\ngia lua hom nay bao nhieu\nnop ho so qua buu dien\n',
    );
    const r = runScript('ask.ts', ['--json', '--batch', file]);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => askJson.extend({ question: z.string() }).parse(JSON.parse(l)));
    expect(rows.map((x) => x.question)).toEqual([
      'dang ky ket hon can giay to gi',
      '',
      'gia lua hom nay bao nhieu',
      'nop ho so qua buu dien',
    ]);
    expect(rows.map((x) => x.topic)).toEqual(['ket-hon', 'unknown', 'unknown', 'buu-chinh']);
  });

  it.each([
    ['an empty question', ''],
    ['10 KB of text', 'xin chào '.repeat(1200)],
    ['only emoji', '😀😀🙏🙏🎉'],
    ['only punctuation', '?!?!...,,,;;'],
    ['control characters', '\u0001\u0007\u001b\u007f'],
    ['mixed scripts', 'Привет 你好 مرحبا'],
  ])('answers %s with unknown and a polite reply, exit 0', (_name, question) => {
    const r = runScript('ask.ts', ['--json', question]);
    expect(r.status, r.stderr).toBe(0);
    const out = askJson.parse(JSON.parse(r.stdout));
    expect(out.topic).toBe('unknown');
    expect(out.reply).toMatch(/^Dạ, /);
  });

  it('--json says what the bot decided, as a conversation would: safety and thanks first', () => {
    const file = join(tmp, 'decisions.txt');
    writeFileSync(
      file,
      [
        'dang ky ket hon',
        'chứng thực',
        'thời tiết ngày mai thế nào',
        'xyzzy qwrtp',
        'can bo xa hoi ma otp co dua ko',
        'cam on chau nhieu',
      ].join('\n'),
    );
    const r = runScript('ask.ts', ['--json', '--batch', file]);
    expect(r.status, r.stderr).toBe(0);
    const decisions = r.stdout
      .trim()
      .split('\n')
      .map((line) => askJson.parse(JSON.parse(line)).decision);
    expect(decisions).toEqual(['answer', 'clarify', 'outside', 'unknown', 'scam', 'intent-thanks']);
  });

  it('reads NUL bytes and other control characters from a batch file (argv cannot carry NUL)', () => {
    const file = join(tmp, 'control.txt');
    writeFileSync(file, '\u0000\u0000\u0001\n\u001b[2J\u0000khai sinh\n');
    const r = runScript('ask.ts', ['--json', '--batch', file]);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => askJson.parse(JSON.parse(l)));
    expect(rows[0]?.topic).toBe('unknown');
    expect(rows).toHaveLength(2);
  });

  it('keeps stdout clean of logs and says which file is missing for --batch', () => {
    const r = runScript('ask.ts', ['--json', '--batch', join(tmp, 'nope.txt')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nope.txt');
  });

  it('stops with one clear message naming an invalid variable', () => {
    const r = runScript('ask.ts', ['khai sinh'], { LOG_LEVEL: 'loud' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('LOG_LEVEL');
    expect(r.stdout).toBe('');
  });
});
