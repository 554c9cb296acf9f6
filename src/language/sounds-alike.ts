import { fold, foldLower } from './normalize';

/**
 * Onsets that many speakers pronounce alike and so misspell (northern tr/ch and s/x: «cư chú» for cư
 * trú, «khai xinh» for khai sinh). Only these two: d/gi/r and l/n mended «trước đây» into «trước giấy».
 */
const SWAPS: readonly (readonly [string, string])[] = [
  ['tr', 'ch'],
  ['ch', 'tr'],
  ['s', 'x'],
  ['x', 's'],
];

const SWAPPABLE = /^(tr|ch|s|x)/;

export interface PairVocabulary {
  /** a term (a folded word, or two joined by `_`) that is evidence for a topic */
  isSpecific(term: string): boolean;
  /** a word, with its marks, that the knowledge base uses */
  usesWord(word: string): boolean;
  /** in how many samples a term occurs (0: the knowledge base does not use it) */
  samplesWith(term: string): number;
  /** a word that says nothing on its own (cho, có, làm, xin…) */
  isStopword(word: string): boolean;
}

/**
 * The word kept must come with the mended one in at least this share of the samples that use it («cư»
 * with «trú» in 26 of 37, «tạm» in 35 of 42): «báo cho» is not «bảo trợ», nor «sinh sống» «sinh xong».
 */
const MIN_SHARE = 0.3;

/**
 * The word with its onset swapped (marks kept: «chú» → «trú»), or undefined when no swap applies. `bare`:
 * the word in lower case without marks.
 */
function swapOnset(word: string, bare: string, from: string, to: string): string | undefined {
  if (!bare.startsWith(from)) return undefined;
  // The onset letters carry no marks, except đ, which no swap uses: the first letters can be replaced.
  const swapped = to + word.slice(from.length);
  return word[0] === word[0]?.toUpperCase() ? swapped[0]!.toUpperCase() + swapped.slice(1) : swapped;
}

/**
 * The words with a sounds-alike onset mended where the pair as typed is unknown and the mended pair is
 * a topic's own two-word term («xác nhận cư chú» → cư trú). A pair the knowledge base uses as typed is
 * left alone, so a real word is never «mended» into another.
 */
export function mendSoundsAlike(words: readonly string[], vocabulary: PairVocabulary): string[] {
  const out = [...words];
  const folded = out.map((w) => foldLower(w));
  for (let i = 0; i + 1 < out.length; i++) {
    // Most pairs have no onset to swap: skipped before any lookup.
    if (!SWAPPABLE.test(folded[i]!) && !SWAPPABLE.test(folded[i + 1]!)) continue;
    if (vocabulary.samplesWith(`${folded[i]}_${folded[i + 1]}`) > 0) continue;
    const [a, b] = [out[i]!, out[i + 1]!];
    const mended = candidates(a, b, folded[i]!, folded[i + 1]!).find(
      ([x, y, changed]) =>
        vocabulary.isSpecific(`${foldLower(x)}_${foldLower(y)}`) &&
        share(x, y, changed, vocabulary) >= MIN_SHARE &&
        // Typed with marks, the mended word must be one the knowledge base writes so («chỗ» is not «trợ»).
        (isBare(changed) || vocabulary.usesWord(changed.toLowerCase())),
    );
    if (mended) {
      [out[i], out[i + 1]] = [mended[0], mended[1]];
      folded[i] = foldLower(mended[0]);
      folded[i + 1] = foldLower(mended[1]);
    }
  }
  return out;
}

/**
 * Each pair with one onset swapped, and the word that changed. `bareA`, `bareB`: the words in lower case
 * without marks (worked out once per word, not once per swap).
 */
function candidates(a: string, b: string, bareA: string, bareB: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [from, to] of SWAPS) {
    const second = swapOnset(b, bareB, from, to);
    if (second) out.push([a, second, second]);
    const first = swapOnset(a, bareA, from, to);
    if (first) out.push([first, b, first]);
  }
  return out;
}

const isBare = (word: string): boolean => fold(word) === word;

/** How often the word that was kept comes with the mended one, among the samples that use it. */
function share(x: string, y: string, changed: string, vocabulary: PairVocabulary): number {
  const keptWord = changed === y ? x : y;
  // A word that says nothing on its own (cho, có, làm, xin) anchors nothing: «xin cho» is not «xin trợ».
  if (vocabulary.isStopword(keptWord)) return 0;
  const kept = foldLower(keptWord);
  const pair = `${foldLower(x)}_${foldLower(y)}`;
  return vocabulary.samplesWith(pair) / Math.max(1, vocabulary.samplesWith(kept));
}
