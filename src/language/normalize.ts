/**
 * Vietnamese text normalization (ARCHITECTURE §5): NFC, lower case, one tone-placement style,
 * punctuation removed, and a folded form without diacritics (đ → d).
 */

const COMBINING_MARKS = /\p{M}/gu;
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
// Old-style "hòa", "thủy", "khỏe" → new-style "hoà", "thuỷ", "khoẻ" when the pair ends the syllable.
const OLD_STYLE_TONE = new RegExp(
  `(o)([${TONE_MARKS}])(a|e)(?![\\p{L}\\p{M}])|(u)([${TONE_MARKS}])(y)(?![\\p{L}\\p{M}])`,
  'gu',
);
const NON_ASCII = /[^ -~\t\n\r]/;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/** NFC, lower case and the same tone placement whichever keyboard typed it. */
export function canonicalize(text: string): string {
  // Most residents type without diacritics: plain ASCII needs nothing but lower case.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(OLD_STYLE_TONE, (_m, o, t1, ae, u, t2, y) => (o ? `${o}${ae}${t1}` : `${u}${y}${t2}`))
    .normalize('NFC');
}

const FOLD_CACHE_LIMIT = 50_000;
const foldCache = new Map<string, string>();

/** Removes every diacritic, including the stroke of đ, which Unicode does not decompose. */
export function fold(text: string): string {
  // Plain ASCII (most residents' words) has nothing to remove.
  if (!NON_ASCII.test(text)) return text;
  // Syllables repeat endlessly; remember the short ones (bounded, so odd input cannot grow it forever).
  if (text.length <= 24) {
    const hit = foldCache.get(text);
    if (hit !== undefined) return hit;
  }
  const folded = text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  if (text.length <= 24) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(text, folded);
  }
  return folded;
}

/** Letters that lower-casing changes in a folded text: A to Z, and any letter beyond ASCII. */
const MAY_LOWER = /[A-Z\u0080-\uffff]/;

/**
 * fold(text.toLowerCase()), lower-casing only when the folded text has upper-case letters: most words
 * are typed (or canonicalized) in lower case, and lower-casing a word with marks costs more than folding it.
 * The same for every code point, alone or between letters: folding and lower-casing commute.
 */
export function foldLower(text: string): string {
  const bare = fold(text);
  return MAY_LOWER.test(bare) ? bare.toLowerCase() : bare;
}

export function hasDiacritics(text: string): boolean {
  return fold(text) !== text;
}

/** The words of a text without diacritics, one space apart («Có ạ!» → «co a»): for short typed answers. */
export function foldedWords(text: string): string {
  return syllables(text).map(fold).join(' ');
}

/** Syllables of a text: canonical form, punctuation and symbols dropped. */
export function syllables(text: string): string[] {
  return canonicalize(text)
    .split(NOT_WORD)
    .filter((s) => s.length > 0);
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SENTENCE_END = /[.!?…]/;
const CLAUSE_END = /[,;:]/;
const WHITESPACE = /\s/;
const DIGITS = /^\d+$/;

/** What ends before a syllable: nothing, a clause (a comma, a semicolon) or a sentence. */
export type Pause = 0 | 1 | 2;
export const CLAUSE: Pause = 1;
export const SENTENCE: Pause = 2;

/** A text's syllables, and for each the pause right before it («mẹ tôi vừa mất, giấy tờ…»). */
export function syllablesWithPauses(text: string): { words: string[]; pauses: Pause[] } {
  const words: string[] = [];
  const pauses: Pause[] = [];
  let pause: Pause = 0;
  let prev = '';
  // Words and the separators between them alternate: scanned, not split with a Unicode regex (this runs
  // for every question and every sentence of a story).
  const canonical = canonicalize(text);
  for (let i = 0; i < canonical.length; ) {
    const wordEnd = runEnd(canonical, i, true);
    if (wordEnd > i) {
      prev = canonical.slice(i, wordEnd);
      words.push(prev);
      pauses.push(words.length > 1 ? pause : 0);
      pause = 0;
    }
    i = runEnd(canonical, wordEnd, false);
    if (i > wordEnd) pause = pauseAfter(pause, canonical.slice(wordEnd, i), prev);
  }
  return { words, pauses };
}

/** The pause so far, with this separator typed after the word `prev`. */
function pauseAfter(pause: Pause, separator: string, prev: string): Pause {
  // most separators are one space, which ends nothing: no tests
  if (separator === ' ') return pause;
  // «dichvucong.gov.vn», «TP.HCM», «1.430.000», «1,5 triệu»: no pause
  if (!WHITESPACE.test(separator) && (separator === '.' || DIGITS.test(prev))) return pause;
  if (SENTENCE_END.test(separator)) return SENTENCE;
  if (pause === 0 && CLAUSE_END.test(separator)) return CLAUSE;
  return pause;
}

/** Where the run of word characters (`word`) or of other characters that starts at `from` ends. */
function runEnd(text: string, from: number, word: boolean): number {
  let i = from;
  while (i < text.length) {
    const c = text.codePointAt(i)!;
    if (isWordChar(c) !== word) break;
    i += c > 0xffff ? 2 : 1;
  }
  return i;
}

/** A letter, a mark or a digit (\p{L}, \p{M}, \p{N}); the ranges Vietnamese uses without the regex. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  // Latin-1 letters but × and ÷, Latin Extended-A and -B, combining marks, Latin Extended Additional (ệ…)
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f)) return true;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  return WORD_CHAR.test(String.fromCodePoint(c));
}
