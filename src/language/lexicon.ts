import { z } from 'zod';
import { canonicalize, fold, syllables } from './normalize';

/** The shape of content/language.yaml: how residents write, as data. */
export const lexiconSchema = z.object({
  abbreviations: z.record(z.string().min(1), z.string().min(1)),
  phrases: z.record(z.string().min(1), z.string().min(1)),
  stopwords: z.array(z.string().min(1)),
});
export type LexiconData = z.infer<typeof lexiconSchema>;

export interface Lexicon {
  /** folded abbreviation → canonical syllables that replace it */
  readonly abbreviations: ReadonlyMap<string, readonly string[]>;
  /** folded phrase syllables → canonical syllables added beside the phrase */
  readonly phrases: ReadonlyArray<{ folded: readonly string[]; adds: readonly string[] }>;
  /** folded stopwords */
  readonly stopwords: ReadonlySet<string>;
}

export function compileLexicon(data: LexiconData): Lexicon {
  const abbreviations = new Map<string, string[]>();
  for (const [short, long] of Object.entries(data.abbreviations)) {
    abbreviations.set(fold(canonicalize(short)), syllables(long));
  }
  const phrases = Object.entries(data.phrases)
    .map(([phrase, adds]) => ({ folded: syllables(phrase).map(fold), adds: syllables(adds) }))
    .filter((p) => p.folded.length > 0)
    // Longest first, so "sổ hộ khẩu" is seen before "hộ khẩu".
    .sort((a, b) => b.folded.length - a.folded.length);
  const stopwords = new Set(data.stopwords.map((w) => fold(canonicalize(w))));
  return { abbreviations, phrases, stopwords };
}

export interface Expansion {
  /** the question's words, abbreviations written out */
  readonly words: string[];
  /** words[i] is part of a phrase the lexicon knows */
  readonly known: boolean[];
  /** official words for the colloquial phrases found (searched, not counted as the resident's words) */
  readonly added: string[];
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
  const known = new Array<boolean>(words.length).fill(false);
  const added: string[] = [];
  for (const phrase of lexicon.phrases) {
    for (let i = 0; i + phrase.folded.length <= folded.length; i++) {
      if (known[i]) continue;
      if (phrase.folded.every((w, k) => folded[i + k] === w)) {
        for (let k = 0; k < phrase.folded.length; k++) known[i + k] = true;
        added.push(...phrase.adds);
      }
    }
  }
  return { words, known, added };
}
