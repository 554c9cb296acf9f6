import { describe, expect, it } from 'vitest';
import { fold } from '../../src/language/normalize';
import { mendSoundsAlike, type PairVocabulary } from '../../src/language/sounds-alike';

// A knowledge base in miniature: how many samples use each term.
const counts = new Map<string, number>([
  ['cu', 10],
  ['tru', 20],
  ['cu_tru', 8],
  ['tam', 10],
  ['tam_tru', 9],
  ['khai', 10],
  ['sinh', 12],
  ['khai_sinh', 9],
  ['bao', 20],
  ['tro', 5],
  ['bao_tro', 2],
  ['xin_tro', 3],
]);
const vocabulary: PairVocabulary = {
  isSpecific: (term) => counts.has(term) && term.includes('_'),
  usesWord: (word) => ['cư', 'trú', 'tạm', 'khai', 'sinh', 'bảo', 'trợ'].includes(word),
  samplesWith: (term) => counts.get(term) ?? 0,
  isStopword: (word) => ['cho', 'xin', 'chỗ', 'có'].includes(word.toLowerCase()),
};
const mend = (text: string) => mendSoundsAlike(text.split(' '), vocabulary).join(' ');

describe('sounds-alike onsets (tr/ch, s/x)', () => {
  it.each([
    ['xác nhận cư chú', 'xác nhận cư trú'],
    ['xac nhan cu chu', 'xac nhan cu tru'],
    ['đăng ký tạm chú', 'đăng ký tạm trú'],
    ['làm giấy khai xinh', 'làm giấy khai sinh'],
    ['Khai xinh cho con', 'Khai sinh cho con'],
  ])('mends «%s» into «%s»', (typed, meant) => {
    expect(mend(typed)).toBe(meant);
  });

  it.each([
    // a stopword anchors nothing
    'xin cho tôi hỏi',
    // «báo» comes with «trợ» in too few samples to read «cho» as «trợ»
    'báo cho trưởng thôn',
    // typed with marks, the mended word must be one the knowledge base writes so
    'cư chử',
    // a pair the knowledge base uses as typed is left alone
    'tạm trú',
  ])('leaves «%s» as typed', (typed) => {
    expect(mend(typed)).toBe(typed);
  });

  it('keeps the marks of the word it mends', () => {
    expect(fold(mend('tạm chú'))).toBe('tam tru');
    expect(mend('tạm chú')).toBe('tạm trú');
  });
});
