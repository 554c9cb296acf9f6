import { describe, expect, it } from 'vitest';
import { looksEnglish } from '../../src/language/english';
import { readQuestionSet } from '../helpers/question-set';

describe('a message written in English (answered in English in a Vietnamese chat)', () => {
  it('never takes a Vietnamese question for English, with or without marks, short or long', () => {
    const vietnamese = [
      'test/fixtures/questions.tsv',
      'test/fixtures/questions-long.tsv',
      'test/fixtures/questions-stories.tsv',
      'test/fixtures/questions-real-dev.tsv',
      'test/fixtures/questions-real-dev-2.tsv',
      'test/fixtures/questions-real-dev-3.tsv',
    ].flatMap((f) => readQuestionSet(f).map((q) => q.question));
    expect(vietnamese.filter(looksEnglish)).toEqual([]);
    // bare words that are also English words: «the» is «thẻ», «can» «cần», «me» «mẹ», «an» in «công an»
    for (const q of ['the can cuoc bi hong chip', 'me toi mat roi', 'cong an xa o dau', 'do ai lam'])
      expect(looksEnglish(q), q).toBe(false);
  });

  it('knows most English questions, Vietnamese names of papers in them included', () => {
    const english = ['test/fixtures/questions-en.tsv', 'test/fixtures/questions-en-2.tsv'].flatMap((f) =>
      readQuestionSet(f).map((q) => q.question),
    );
    // today: 162 of 210
    expect(english.filter(looksEnglish).length / english.length).toBeGreaterThanOrEqual(0.75);
    expect(looksEnglish('my son is 14, does he need a căn cước card now?')).toBe(true);
    expect(looksEnglish('what papers')).toBe(true);
    // a trial resident's follow-up after an English answer (it stayed Vietnamese)
    expect(looksEnglish('fee per page')).toBe(true);
  });
});
