import { describe, expect, it } from 'vitest';
import { pickOption } from '../../../src/channels/zalo/choices';
import { renderForZalo } from '../../../src/channels/zalo/render';

const options = [
  { label: 'Giấy tờ cần có', payload: 'sec:khai-sinh:giay-to' },
  { label: 'Lệ phí', payload: 'sec:khai-sinh:le-phi' },
  { label: 'Nộp trực tuyến', payload: 'sec:khai-sinh:truc-tuyen' },
  { label: 'Menu chính', payload: 'menu' },
];
const hint = (n: number) => `(Trả lời 1–${n} để chọn.)`;

describe('Zalo numbered options', () => {
  it('numbers the buttons under the text with a hint, keeping the order', () => {
    const { texts, options: shown } = renderForZalo(
      { text: 'Đăng ký khai sinh', buttons: [options.slice(0, 2), options.slice(2)] },
      hint,
    );
    expect(texts).toEqual([
      'Đăng ký khai sinh\n\n1. Giấy tờ cần có\n2. Lệ phí\n3. Nộp trực tuyến\n4. Menu chính\n(Trả lời 1–4 để chọn.)',
    ]);
    expect(shown.map((o) => o.payload)).toEqual(options.map((o) => o.payload));
  });

  it('splits texts over 1,900 characters on sentence boundaries, options at the end', () => {
    const long = 'Bà con mang căn cước đến xã. '.repeat(150);
    const { texts } = renderForZalo({ text: long, buttons: [options] }, hint);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(1900);
    expect(texts[0]?.endsWith('xã.')).toBe(true);
    expect(texts.at(-1)).toContain('4. Menu chính');
  });

  it.each([
    ['1', 'sec:khai-sinh:giay-to'],
    ['2', 'sec:khai-sinh:le-phi'],
    ['số 2', 'sec:khai-sinh:le-phi'],
    ['so 3', 'sec:khai-sinh:truc-tuyen'],
    ['chọn số 4', 'menu'],
    ['hai', 'sec:khai-sinh:le-phi'],
    [' 2. ', 'sec:khai-sinh:le-phi'],
    ['Lệ phí', 'sec:khai-sinh:le-phi'],
    ['le phi', 'sec:khai-sinh:le-phi'],
    ['nop truc tuyen', 'sec:khai-sinh:truc-tuyen'],
  ])('reads "%s" as the option %s', (said, payload) => {
    expect(pickOption(said, options)?.payload).toBe(payload);
  });

  it.each(['5', '0', 'số 9', 'lam giay khai sinh cho con', '', 'đổi căn cước ở đâu'])(
    'treats "%s" as a new message, not a choice',
    (said) => {
      expect(pickOption(said, options)).toBeUndefined();
    },
  );
});
