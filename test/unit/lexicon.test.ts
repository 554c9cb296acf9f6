import { describe, expect, it } from 'vitest';
import { compileLexicon, expand } from '../../src/language/lexicon';
import { syllables, syllablesWithPauses } from '../../src/language/normalize';
import { readingTerms } from '../../src/language/terms';

const lexicon = compileLexicon({
  abbreviations: { ko: 'không', ks: 'khai sinh', đk: 'đăng ký' },
  phrases: { 'hộ khẩu': 'thường trú', 'sổ hộ khẩu': 'thường trú', 'công chứng': 'chứng thực' },
  stopwords: ['tôi'],
});

describe('abbreviations and colloquial names (content/language.yaml)', () => {
  it('writes out abbreviations, with or without diacritics', () => {
    expect(expand(syllables('làm ks ko'), lexicon).words).toEqual(['làm', 'khai', 'sinh', 'không']);
    expect(expand(syllables('dk ks'), lexicon).words).toEqual(['đăng', 'ký', 'khai', 'sinh']);
  });

  it('adds the official words beside a colloquial phrase, typed with or without diacritics', () => {
    const e = expand(syllables('nhap ho khau cho con'), lexicon);
    expect(e.added).toEqual(['thường', 'trú']);
    expect(e.known).toEqual([false, true, true, false, false]);
    expect(expand(syllables('công chứng giấy tờ'), lexicon).added).toEqual(['chứng', 'thực']);
  });

  it('reads the longest phrase once', () => {
    expect(expand(syllables('mất sổ hộ khẩu'), lexicon).added).toEqual(['thường', 'trú']);
  });

  it('leaves words that only look like an abbreviation inside a word alone', () => {
    expect(expand(syllables('kosovo'), lexicon).words).toEqual(['kosovo']);
  });

  it('finds a phrase with an abbreviated word in it (abbreviations are written out first)', () => {
    const withOnline = compileLexicon({
      abbreviations: { online: 'trực tuyến' },
      phrases: { 'pay online': 'thanh toán trực tuyến' },
      stopwords: [],
    });
    expect(expand(syllables('can I pay online'), withOnline).added).toEqual([
      'thanh',
      'toán',
      'trực',
      'tuyến',
    ]);
  });

  it("reads the bot's own name out of residents' questions, with its abbreviation written out", () => {
    const named = compileLexicon({
      abbreviations: { dvc: 'dịch vụ công' },
      phrases: {},
      stopwords: [],
      names: ['trợ lý dvc'],
    });
    expect(expand(syllables('Trợ lý DVC ơi đổi căn cước'), named, true).words).toEqual([
      'ơi',
      'đổi',
      'căn',
      'cước',
    ]);
    expect(expand(syllables('tro ly dich vu cong oi'), named, true).words).toEqual(['oi']);
    // «dvc» alone is the portal, and the samples keep every word
    expect(expand(syllables('tài khoản dvc'), named, true).words).toEqual([
      'tài',
      'khoản',
      'dịch',
      'vụ',
      'công',
    ]);
    expect(expand(syllables('trợ lý dvc'), named).words).toEqual(['trợ', 'lý', 'dịch', 'vụ', 'công']);
  });

  it("reads the glossary in residents' questions only, not in the knowledge base's samples", () => {
    const withEnglish = compileLexicon({
      abbreviations: {},
      phrases: { 'hộ khẩu': 'thường trú' },
      glossary: { 'police check': 'lý lịch tư pháp', 'giấy hôn thú': 'giấy kết hôn' },
      stopwords: [],
    });
    expect(expand(syllables('I need a police check'), withEnglish, true).added).toEqual([
      'lý',
      'lịch',
      'tư',
      'pháp',
    ]);
    expect(expand(syllables('I need a police check'), withEnglish).added).toEqual([]);
    expect(expand(syllables('nhập hộ khẩu'), withEnglish, true).added).toEqual(['thường', 'trú']);
    expect(expand(syllables('mat giay hon thu'), withEnglish, true).added).toEqual(['giấy', 'kết', 'hôn']);
  });

  describe('words that undo a phrase when they come right after it (`notBefore`)', () => {
    const lexicon = compileLexicon({
      abbreviations: { cccd: 'căn cước' },
      phrases: { 'bố tôi mất': 'khai tử' },
      notBefore: { mất: ['giấy', 'căn cước', 'ngủ'] },
      stopwords: [],
    });
    const adds = (text: string) => expand(syllables(text), lexicon, true).added;

    it('keeps the phrase when nothing of the list follows it', () => {
      expect(adds('bố tôi mất hôm qua')).toEqual(['khai', 'tử']);
      expect(adds('bo toi mat roi')).toEqual(['khai', 'tử']);
    });

    it('drops it when a listed word or phrase follows, abbreviations written out, with or without diacritics', () => {
      expect(adds('bố tôi mất giấy tờ')).toEqual([]);
      expect(adds('bo toi mat cccd roi')).toEqual([]);
      expect(expand(syllables('bố tôi mất ngủ'), lexicon, true).known.some(Boolean)).toBe(false);
    });

    it('reads the words after a comma or a full stop as another thought: the phrase stays', () => {
      const withPauses = (text: string) => {
        const { words, pauses } = syllablesWithPauses(text);
        return expand(words, lexicon, true, pauses).added;
      };
      expect(withPauses('bố tôi mất, giấy tờ của bố xử lý sao')).toEqual(['khai', 'tử']);
      expect(withPauses('bo toi mat. cccd cua bo thi sao')).toEqual(['khai', 'tử']);
      expect(withPauses('bố tôi mất giấy tờ, làm lại ở đâu')).toEqual([]);
    });
  });

  describe('phrases within one sentence', () => {
    const withPauses = (text: string) => {
      const { words, pauses } = syllablesWithPauses(text);
      return expand(words, lexicon, true, pauses).added;
    };

    it('does not join the end of one sentence to the start of the next', () => {
      expect(withPauses('tôi làm ở công. Chứng minh thư thì mất rồi')).toEqual([]);
      expect(withPauses('đi công chứng ở đâu')).toEqual(['chứng', 'thực']);
    });

    it('joins words across a comma, which residents type loosely', () => {
      expect(withPauses('giấy tờ đi công, chứng ở xã được không')).toEqual(['chứng', 'thực']);
    });
  });

  describe('words that mean a procedure only together (`together`)', () => {
    const lost = compileLexicon({
      abbreviations: { ks: 'khai sinh' },
      phrases: {},
      stopwords: [],
      together: [
        {
          all: [['giấy khai sinh'], ['thất lạc', 'bị mất']],
          within: 6,
          none: ['giấy chứng sinh'],
          adds: 'trích lục',
        },
      ],
    });
    const adds = (text: string) => expand(syllables(text), lost, true).added;

    it('adds the words when each group is near the other, in either order, with or without diacritics', () => {
      expect(adds('giấy khai sinh của bà thất lạc')).toEqual(['trích', 'lục']);
      expect(adds('bi mat giay ks roi')).toEqual(['trích', 'lục']);
    });

    it('adds nothing when one group is missing or too far away', () => {
      expect(adds('giấy khai sinh làm ở đâu')).toEqual([]);
      expect(adds('nhà bị mất trộm hôm qua, còn chuyện nữa là giấy khai sinh')).toEqual([]);
    });

    it('adds nothing when a phrase of `none` is in the question', () => {
      expect(adds('giấy chứng sinh bị mất nên chưa làm giấy khai sinh')).toEqual([]);
    });

    it('counts the words that said it as understood, and only those', () => {
      const { words, known } = expand(syllables('giấy khai sinh của bà bị mất rồi'), lost, true);
      expect(words.filter((_, i) => known[i])).toEqual(['giấy', 'khai', 'sinh', 'bị', 'mất']);
      expect(expand(syllables('giấy khai sinh làm ở đâu'), lost, true).known.some(Boolean)).toBe(false);
    });

    it("reads the rule in residents' questions only, not in the knowledge base's samples", () => {
      expect(expand(syllables('giấy khai sinh thất lạc'), lost).added).toEqual([]);
    });
  });
});

describe('search terms', () => {
  it('pairs neighbouring words into bigrams, but not across the end of a sentence', () => {
    const { words, pauses } = syllablesWithPauses('vừa mất. Giấy tờ, hồ sơ');
    const terms = readingTerms(expand(words, lexicon, true, pauses), lexicon);
    expect(terms).toContain('giay_to');
    expect(terms).toContain('to_ho');
    expect(terms).not.toContain('mat_giay');
    expect(readingTerms(expand(syllables('vừa mất giấy tờ'), lexicon, true), lexicon)).toContain('mat_giay');
  });
});
