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
