import { describe, expect, it } from 'vitest';
import { neededPaperSpan } from '../../src/language/needed-paper';
import { fold, syllables } from '../../src/language/normalize';

const CUES = [
  ['can', 'giay'],
  ['mang', 'so'],
];
const span = (text: string) => {
  const words = syllables(text);
  const found = neededPaperSpan(words.map(fold), CUES);
  return found && words.slice(found[0], found[1]).join(' ');
};

describe('the paper a question asks whether it needs', () => {
  it('is the words between «cần giấy» and the question word, with or without diacritics', () => {
    expect(span('đăng ký kết hôn có cần giấy xác nhận độc thân không')).toBe('xác nhận độc thân');
    expect(span('dk ket hon can giay xac nhan doc than ko hay chi can cccd')).toBe('xac nhan doc than');
    expect(span('làm căn cước có phải mang sổ hộ khẩu hông')).toBe('hộ khẩu');
  });

  it('is none when the resident needs the paper itself (no question about it)', () => {
    expect(span('ông tôi cần giấy xác nhận cư trú để lĩnh lương hưu')).toBeUndefined();
    expect(span('em cần giấy xác nhận độc thân')).toBeUndefined();
  });

  it('is none when the words ask which papers, not about one paper', () => {
    expect(span('làm khai sinh cần giấy tờ gì')).toBeUndefined();
    expect(span('cần giấy gì không')).toBeUndefined();
  });
});
