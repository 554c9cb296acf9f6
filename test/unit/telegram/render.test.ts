import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderForTelegram, TELEGRAM_TEXT_LIMIT } from '../../../src/channels/telegram/render';
import { splitText } from '../../../src/core/split-text';

describe('Telegram rendering', () => {
  it('sends <b>, & and <script> exactly as written (plain text, nothing escaped)', () => {
    const [m] = renderForTelegram({ text: 'Hỏi <b>đậm</b> & <script>x</script> &amp;' });
    expect(m?.text).toBe('Hỏi <b>đậm</b> & <script>x</script> &amp;');
  });

  it('sends NFC text, so a decomposed Vietnamese letter counts as one unit', () => {
    const [m] = renderForTelegram({ text: 'Hoà' });
    expect(m?.text).toBe('Hoà');
  });

  it('keeps emoji and right-to-left marks intact', () => {
    const [m] = renderForTelegram({ text: '👍 \u200fمرحبا\u200e ok' });
    expect(m?.text).toBe('👍 \u200fمرحبا\u200e ok');
  });

  it('turns buttons into an inline keyboard with the payload as callback data', () => {
    const [m] = renderForTelegram({
      text: 'x',
      buttons: [[{ label: 'Lệ phí', payload: 'sec:khai-sinh:le-phi' }]],
    });
    expect(m?.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Lệ phí', callback_data: 'sec:khai-sinh:le-phi' }]],
    });
  });

  it('keeps a text of exactly 4,096 units in one message, markup characters counted as typed', () => {
    const text = `<b>${'ệ'.repeat(TELEGRAM_TEXT_LIMIT - 7)}</b>`;
    expect(renderForTelegram({ text }).map((m) => m.text)).toEqual([text]);
    expect(renderForTelegram({ text: `${text}x` }).length).toBe(2);
  });

  it('splits a long text at paragraph boundaries, each part under 4,096 units, buttons on the last part', () => {
    const paragraph = `${'Đăng ký khai sinh cho con. '.repeat(40)}\n\n`;
    const parts = renderForTelegram({
      text: paragraph.repeat(8),
      buttons: [[{ label: 'Menu', payload: 'menu' }]],
    });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts.slice(0, -1).every((p) => p.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)?.reply_markup).toBeDefined();
    expect(parts[0]?.text.endsWith('con.')).toBe(true);
  });

  it('never loses or changes text when splitting, and every part fits (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 12_000 }),
        fc.integer({ min: 20, max: 5000 }),
        (text, limit) => {
          const parts = splitText(text, limit);
          for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
          const squash = (s: string) => s.replace(/\s+/g, '');
          expect(squash(parts.join(''))).toBe(squash(text.trim() === '' ? '…' : text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sends every part of a long reply of any text within the limit, unchanged but for white space (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12_000 }), (raw) => {
        const text = raw.normalize('NFC');
        const parts = renderForTelegram({ text }).map((m) => m.text);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
        const squash = (s: string) => s.replace(/\s+/g, '');
        expect(squash(parts.join(''))).toBe(squash(text.trim() === '' ? '…' : text));
      }),
      { numRuns: 100 },
    );
  });
});
