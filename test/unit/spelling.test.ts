import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import { correctSlip, oneLetterMoreIndex, type SpellingVocabulary } from '../../src/language/spelling';

const known = new Map([
  ['sinh', 40],
  ['sin', 1],
  ['trich', 12],
  ['tuyen', 30],
  ['chung', 25],
  ['thong', 20],
  ['tho', 2],
  ['dang', 50],
  ['vneid', 15],
  ['nha', 9],
  ['tam', 30],
  ['so', 20],
  ['ho', 20],
]);
const vocabulary: SpellingVocabulary = {
  has: (w) => known.has(w),
  frequency: (w) => known.get(w) ?? 0,
  oneLetterMore: oneLetterMoreIndex(known.keys()),
};

describe('a word typed with one slip', () => {
  it.each([
    ['sinhf', 'sinh'], // a letter too many
    ['tuyeen', 'tuyen'],
    ['trch', 'trich'], // a letter left out
    ['đăg', 'dang'],
    ['chugn', 'chung'], // two letters swapped
    ['vnied', 'vneid'],
    ['thog', 'thong'], // the likelier of two readings (thong, tho)
    ['sso', 'so'], // three letters: one typed twice
    ['hoj', 'ho'], // three letters: a Telex tone key (j = nặng) left at the end
    ['how', 'ho'], // …or Telex's w (ư, ơ, ă)
    ['soo', 'so'], // a vowel no syllable doubles, though the shape is a syllable's («sổ» typed in Telex)
    ['tamm', 'tam'],
  ])('«%s» is read as «%s»', (typed, meant) => {
    expect(correctSlip(typed, vocabulary)).toBe(meant);
  });

  it.each([
    ['nhau', 'a well-formed syllable the knowledge base does not use'],
    ['sinh', 'a known word'],
    ['xyzq', 'nothing one slip away'],
    ['2024', 'not letters'],
    ['ab', 'too short to tell'],
    ['atm', 'three letters: a swap («tam») is too often another word'],
  ])('«%s» is left alone (%s)', (typed) => {
    expect(correctSlip(typed, vocabulary)).toBeUndefined();
  });
});

describe('the matcher reads slips on procedure words', () => {
  const { matcher } = createAnswerEngine('content', 'locales');
  it.each([
    ['khai sinhf cho con thi can nhung gi', 'khai-sinh'],
    ['trch luc khai sinh online', 'trich-luc-ho-tich'],
    ['hoj khau', 'thuong-tru'],
    ['cong chugn giay to', 'chung-thuc-ban-sao'],
    ['khai tuw cho ba toi can gi', 'khai-tu'],
    ['xin lyy lich tu phap de di xkld mat bao lau', 'ly-lich-tu-phap'],
    ['sang ten so doo cho con cai', 'dat-dai'],
  ])('«%s» is answered with %s, as it would be without the slip', (question, topic) => {
    const got = matcher.match(question);
    expect([got.decision, got.topic]).toEqual(['answer', topic]);
  });

  it('does not read «atm» as «tạm» (a bank card is not temporary residence)', () => {
    const got = matcher.match('lam the atm o dau');
    expect(got.candidates.map((c) => c.topic)).not.toContain('tam-tru');
  });
});
