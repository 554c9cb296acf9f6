import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from '../../src/core/privacy';
import { createLogger } from '../../src/logger';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logs keep personal data out', () => {
  it('masks phone and ID numbers in text', () => {
    expect(maskPersonalNumbers('gọi 0912 345 678 nhé')).toBe('gọi *******678 nhé');
    expect(maskPersonalNumbers('CCCD 079203001234')).toBe('CCCD *********234');
    expect(maskPersonalNumbers('năm 2025, 15/12')).toBe('năm 2025, 15/12');
  });

  it('redacts tokens, secrets and phone fields, and masks numbers in messages and fields', async () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.info(
      {
        token: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        user: { phone: '0912345678' },
        text: 'số tôi 0987654321',
      },
      'tin nhắn từ 0912345678',
    );
    log.flush();
    await new Promise((r) => setTimeout(r, 20));
    const out = lines.join('');
    expect(out).not.toContain('ABCDEFGHIJ');
    expect(out).not.toContain('0912345678');
    expect(out).not.toContain('0987654321');
    expect(out).toContain('[redacted]');
    expect(out).toContain('*******321');
  });
});

describe('logged errors keep what is needed to debug them', () => {
  async function logged(write: (log: ReturnType<typeof createLogger>) => void): Promise<{
    raw: string;
    line: { msg?: string; err?: { type?: string; message?: string; stack?: string; cause?: unknown } };
  }> {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    write(log);
    log.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(lines).toHaveLength(1);
    const raw = lines[0] ?? '';
    return { raw, line: JSON.parse(raw) };
  }

  function failure(): Error {
    const cause = new TypeError('máy chủ từ chối số 0987654321');
    return new RangeError('không gửi được tin cho 0912345678', { cause });
  }

  it('keeps type, message and stack of an error logged as {err}, with numbers masked', async () => {
    const { raw, line } = await logged((log) => log.error({ err: failure() }, 'gửi tin thất bại'));
    expect(raw).not.toContain('0912345678');
    expect(raw).not.toContain('0987654321');
    expect(line.msg).toBe('gửi tin thất bại');
    expect(line.err?.type).toBe('RangeError');
    expect(line.err?.message).toBe('không gửi được tin cho *******678');
    expect(line.err?.stack).toContain('RangeError: không gửi được tin cho *******678');
    expect(line.err?.stack).toContain('logger.test.ts');
    expect(line.err?.cause).toMatchObject({
      type: 'TypeError',
      message: 'máy chủ từ chối số *******321',
      stack: expect.stringContaining('TypeError: máy chủ từ chối số *******321'),
    });
  });

  it('keeps an error given as the first argument, and masks the message taken from it', async () => {
    const { raw, line } = await logged((log) => log.error(failure()));
    expect(raw).not.toContain('0912345678');
    expect(raw).not.toContain('0987654321');
    expect(line.msg).toBe('không gửi được tin cho *******678');
    expect(line.err?.type).toBe('RangeError');
    expect(line.err?.message).toBe('không gửi được tin cho *******678');
    expect(line.err?.stack).toContain('logger.test.ts');
    expect(line.err?.cause).toMatchObject({ type: 'TypeError', message: 'máy chủ từ chối số *******321' });
  });

  it('masks the message pino takes from {err} when no message is given', async () => {
    const { raw, line } = await logged((log) => log.warn({ err: failure() }));
    expect(raw).not.toContain('0912345678');
    expect(line.msg).toBe('không gửi được tin cho *******678');
    expect(line.err?.stack).toContain('RangeError');
  });
});
