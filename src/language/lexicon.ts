import { z } from 'zod';
import { cuesSchema } from './cues-schema';
import { canonicalize, fold, syllables } from './normalize';

/** The shape of content/language.yaml: how residents write, as data. */
export const lexiconSchema = z.object({
  abbreviations: z.record(z.string().min(1), z.string().min(1)),
  phrases: z.record(z.string().min(1), z.string().min(1)),
  stopwords: z.array(z.string().min(1)),
  /**
   * Words many procedures share (xin, giấy, tiền, đổi, mất, xác nhận…): alone they are no evidence
   * that a question is about one procedure.
   */
  generic: z.array(z.string().min(1)).default([]),
  /** short messages that are not procedure questions, scam questions, section cue words (cues.ts) */
  conversation: cuesSchema.default({ intents: {}, safety: [], sections: {} }),
});
export type LexiconData = z.input<typeof lexiconSchema>;

export interface Lexicon {
  /** folded abbreviation → canonical syllables that replace it */
  readonly abbreviations: ReadonlyMap<string, readonly string[]>;
  /** phrases by their first folded syllable, longest first */
  readonly phrasesByFirstWord: ReadonlyMap<string, readonly Phrase[]>;
  /** stopwords as written (canonical) */
  readonly stopwords: ReadonlySet<string>;
  /** stopwords without diacritics, for words typed bare */
  readonly bareStopwords: ReadonlySet<string>;
  /** generic words, folded */
  readonly generic: ReadonlySet<string>;
}

/** A colloquial phrase (canonical and folded syllables) and the official words it stands for. */
interface Phrase {
  readonly words: readonly string[];
  readonly folded: readonly string[];
  readonly adds: readonly string[];
}

export function compileLexicon(data: LexiconData): Lexicon {
  const abbreviations = new Map<string, string[]>();
  for (const [short, long] of Object.entries(data.abbreviations)) {
    abbreviations.set(fold(canonicalize(short)), syllables(long));
  }
  const phrases = Object.entries(data.phrases)
    .map(([phrase, adds]) => {
      const words = syllables(phrase);
      return { words, folded: words.map(fold), adds: syllables(adds) };
    })
    .filter((p) => p.folded.length > 0)
    // Longest first, so "sổ hộ khẩu" is seen before "hộ khẩu".
    .sort((a, b) => b.folded.length - a.folded.length);
  const phrasesByFirstWord = new Map<string, Phrase[]>();
  for (const p of phrases) {
    const first = p.folded[0]!;
    phrasesByFirstWord.set(first, [...(phrasesByFirstWord.get(first) ?? []), p]);
  }
  const stopwords = new Set(data.stopwords.map(canonicalize));
  const bareStopwords = new Set([...stopwords].map(fold));
  const generic = new Set((data.generic ?? []).flatMap((g) => syllables(g).map(fold)));
  return { abbreviations, phrasesByFirstWord, stopwords, bareStopwords, generic };
}

export interface Expansion {
  /** the question's words, abbreviations written out */
  readonly words: string[];
  /** words[i] is part of a phrase the lexicon knows */
  readonly known: boolean[];
  /** official words for the colloquial phrases found (searched, not counted as the resident's words) */
  readonly added: string[];
}

/** "cần" is a stopword but "căn" (căn cước) is not; bare "can" may be either, so it counts as one. */
export function isStopword(word: string, lexicon: Lexicon): boolean {
  const bare = fold(word);
  return bare === word ? lexicon.bareStopwords.has(bare) : lexicon.stopwords.has(word);
}

/** Replaces abbreviations and finds the colloquial phrases, with the official words they stand for. */
export function expand(syllablesOfText: readonly string[], lexicon: Lexicon): Expansion {
  const words: string[] = [];
  for (const word of syllablesOfText) {
    const long = lexicon.abbreviations.get(fold(word));
    if (long) words.push(...long);
    else words.push(word);
  }
  const folded = words.map(fold);
  // A word typed with accents must match the phrase with its accents ("cười" is not "cưới");
  // a word typed bare matches the bare phrase.
  const same = (i: number, phraseWord: string, phraseFolded: string): boolean =>
    words[i] === folded[i] ? folded[i] === phraseFolded : words[i] === phraseWord;
  const known = new Array<boolean>(words.length).fill(false);
  const added: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (known[i]) continue;
    for (const phrase of lexicon.phrasesByFirstWord.get(folded[i]!) ?? []) {
      if (i + phrase.folded.length > words.length) continue;
      if (phrase.folded.every((w, k) => same(i + k, phrase.words[k]!, w))) {
        for (let k = 0; k < phrase.folded.length; k++) known[i + k] = true;
        added.push(...phrase.adds);
        break;
      }
    }
  }
  return { words, known, added };
}
