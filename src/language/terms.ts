import { type Expansion, expand, isStopword, type Lexicon } from './lexicon';

export { isStopword } from './lexicon';

import { fold, type Pause, SENTENCE, syllables } from './normalize';

/**
 * No bigram across this pause: two words on either side of a sentence's end are no word («…vừa mất. Giấy
 * tờ…»). Across a comma they still help (dropping those pairs too cost a wrong answer on the dev set and one
 * on the stories).
 */
const PAIR_BREAK: Pause = SENTENCE;

/** A text read the way the matcher reads it: words, known phrases, and the official words they add. */
export function read(text: string, lexicon: Lexicon): Expansion {
  return expand(syllables(text), lexicon);
}

/** Search terms of a reading: the resident's words, then the official words they imply (no bigram across). */
export function readingTerms(e: Expansion, lexicon: Lexicon): string[] {
  const own = termsOfFolded(e.folded, e.stopwords, e.pauses);
  return e.added.length > 0 ? [...new Set([...own, ...searchTerms(e.added, lexicon)])] : own;
}

export const BIGRAM = '_';

/**
 * Search terms: syllables and syllable bigrams (Vietnamese words are mostly two syllables), without
 * diacritics, so that bare and accented questions find the same samples. Accents still count: the
 * matcher gives full credit only to accented words that the topic really uses (see matcher.ts).
 */
export function searchTerms(ws: readonly string[], lexicon: Lexicon): string[] {
  return termsOfFolded(
    ws.map(fold),
    ws.map((w) => isStopword(w, lexicon)),
  );
}

/** searchTerms of words already folded, with their stopword flags. */
function termsOfFolded(
  folded: readonly string[],
  stop: readonly boolean[],
  pauses: readonly Pause[] = [],
): string[] {
  const out = new Set<string>();
  for (let i = 0; i < folded.length; i++) {
    if (!stop[i]) out.add(folded[i]!);
    if (i + 1 < folded.length && !(stop[i] && stop[i + 1]) && (pauses[i + 1] ?? 0) < PAIR_BREAK)
      out.add(`${folded[i]}${BIGRAM}${folded[i + 1]}`);
  }
  return [...out];
}
