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

const SEPARATOR = /([^\p{L}\p{M}\p{N}]+)/u;
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
  // split with a capturing group: words and the separators between them alternate
  let prev = '';
  for (const [i, piece] of canonicalize(text).split(SEPARATOR).entries()) {
    if (i % 2 === 1) {
      // most separators are one space, which ends nothing: no tests
      if (piece === ' ') continue;
      // «dichvucong.gov.vn», «TP.HCM», «1.430.000», «1,5 triệu»: no pause
      if (!WHITESPACE.test(piece) && (piece === '.' || DIGITS.test(prev))) continue;
      if (SENTENCE_END.test(piece)) pause = SENTENCE;
      else if (pause === 0 && CLAUSE_END.test(piece)) pause = CLAUSE;
    } else if (piece.length > 0) {
      words.push(piece);
      pauses.push(words.length > 1 ? pause : 0);
      pause = 0;
      prev = piece;
    }
  }
  return { words, pauses };
}
