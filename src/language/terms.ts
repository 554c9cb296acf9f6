import { type Expansion, expand, isStopword, type Lexicon } from './lexicon';

export { isStopword } from './lexicon';

import { fold, hasDiacritics, syllables } from './normalize';

/** A text read the way the matcher reads it: words, known phrases, and the official words they add. */
export function read(text: string, lexicon: Lexicon): Expansion {
  return expand(syllables(text), lexicon);
}

/** Search terms of a reading: the resident's words, then the official words they imply (no bigram across). */
export function readingTerms(e: Expansion, lexicon: Lexicon, side: 'index' | 'query'): string[] {
  const own = searchTerms(e.words, lexicon, side);
  return e.added.length > 0 ? [...new Set([...own, ...searchTerms(e.added, lexicon, side)])] : own;
}

export const BIGRAM = '_';

/**
 * Search terms: syllables and syllable bigrams (Vietnamese words are mostly two syllables).
 * Index side: each term accented and folded, so bare queries still match.
 * Query side: accented terms keep their accents too (they weigh more); bare terms stay bare.
 */
export function searchTerms(ws: readonly string[], lexicon: Lexicon, side: 'index' | 'query'): string[] {
  const out = new Set<string>();
  const add = (term: string): void => {
    const folded = fold(term);
    out.add(folded);
    if (folded !== term && (side === 'index' || hasDiacritics(term))) out.add(term);
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const stop = isStopword(w, lexicon);
    if (!stop) add(w);
    const next = ws[i + 1];
    if (next !== undefined && !(stop && isStopword(next, lexicon))) add(`${w}${BIGRAM}${next}`);
  }
  return [...out];
}
