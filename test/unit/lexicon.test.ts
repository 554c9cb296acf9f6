import { describe, expect, it } from 'vitest';
import { compileLexicon, expand } from '../../src/language/lexicon';
import { syllables } from '../../src/language/normalize';

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
});
