import { z } from 'zod';
import { cuesSchema } from './cues-schema';
import { byFirstTwoWords, type FirstTwoWords } from './first-two-words';
import { canonicalize, fold, type Pause, SENTENCE, syllables } from './normalize';
import { wordsAt } from './words-at';

/** The shape of content/language.yaml: how residents write, as data. */
export const lexiconSchema = z.object({
  abbreviations: z.record(z.string().min(1), z.string().min(1)),
  phrases: z.record(z.string().min(1), z.string().min(1)),
  /**
   * A phrase that ends with this word does not count when one of these comes right after it: «bố tôi mất»
   * is a death, «bố tôi mất giấy tờ» a loss.
   */
  notBefore: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
  stopwords: z.array(z.string().min(1)),
  /**
   * Words many procedures share (xin, giấy, tiền, đổi, mất, xác nhận…): alone they are no evidence
   * that a question is about one procedure.
   */
  generic: z.array(z.string().min(1)).default([]),
  /** short messages that are not procedure questions, scam questions, section cue words (cues.ts) */
  conversation: cuesSchema.default(() => cuesSchema.parse({})),
  /**
   * Words residents type that the samples do not use → the words of our topics (content/glossary.yaml:
   * everyday Vietnamese and English), read in questions only: the samples are read with `phrases` alone.
   */
  glossary: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * The bot's own names («Trợ lý DVC»): a resident who calls it by name is not asking about the online
   * portal («DVC»), so they are read out of questions.
   */
  names: z.array(z.string().min(1)).default([]),
  /**
   * Words that mean a procedure only together, near each other in a question: a civil-status paper and its
   * loss («giấy khai sinh… thất lạc») ask for a copy, not for the registration. Each group of `all` needs
   * one of its phrases starting within `within` words of where the first group's starts, and no phrase of
   * `none` may be in the question; then `adds` is read beside the resident's words, as a phrase's are.
   */
  together: z
    .array(
      z.object({
        all: z.array(z.array(z.string().min(1)).min(1)).min(2),
        within: z.number().int().positive(),
        none: z.array(z.string().min(1)).default([]),
        adds: z.string().min(1),
      }),
    )
    .default([]),
});
export type LexiconData = z.input<typeof lexiconSchema>;

/** The shape of content/glossary.yaml (LexiconData.glossary): everyday Vietnamese, and English. */
export const glossarySchema = z.object({
  everyday: z.record(z.string().min(1), z.string().min(1)).default({}),
  english: z.record(z.string().min(1), z.string().min(1)).default({}),
});

export interface Lexicon {
  /** folded abbreviation → canonical syllables that replace it */
  readonly abbreviations: ReadonlyMap<string, readonly string[]>;
  /** phrases by their first folded syllable, then their second, longest first */
  readonly phrasesByFirstWord: ReadonlyMap<string, FirstTwoWords<Phrase>>;
  /** the same with the glossary, for residents' questions */
  readonly questionPhrasesByFirstWord: ReadonlyMap<string, FirstTwoWords<Phrase>>;
  /** LexiconData.notBefore: a phrase's last folded syllable → the phrases that undo it, by first syllable */
  readonly notBefore: ReadonlyMap<string, ReadonlyMap<string, readonly Phrase[]>>;
  /** stopwords as written (canonical) */
  readonly stopwords: ReadonlySet<string>;
  /** stopwords without diacritics, for words typed bare */
  readonly bareStopwords: ReadonlySet<string>;
  /** generic words, folded */
  readonly generic: ReadonlySet<string>;
  /** the bot's own names, folded syllables with abbreviations written out, longest first */
  readonly names: readonly (readonly string[])[];
  /** LexiconData.together, each phrase compiled as a phrase is */
  readonly together: readonly Together[];
  /** the conversation's words that ask whether a paper is needed («cần giấy»), folded syllables */
  readonly papers: readonly (readonly string[])[];
}

interface Together {
  /** each group's phrases by their first folded syllable (a question's words are looked up, not scanned) */
  readonly all: readonly ReadonlyMap<string, readonly Phrase[]>[];
  readonly within: number;
  readonly none: ReadonlyMap<string, readonly Phrase[]>;
  readonly adds: readonly string[];
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
  // A phrase is looked for after abbreviations are written out, so its own words are written out too:
  // «pay online» is found in «pay trực tuyến» («online» is an abbreviation).
  const compile = (entries: [string, string][]): Phrase[] =>
    entries.map(([phrase, adds]) => {
      const words = syllables(phrase).flatMap((w) => abbreviations.get(fold(w)) ?? [w]);
      return { words, folded: words.map(fold), adds: syllables(adds) };
    });
  const phrases = compile(Object.entries(data.phrases));
  const glossary = compile(Object.entries(data.glossary ?? {}));
  const phrasesByFirstWord = longestByFirstTwoWords(phrases);
  const questionPhrasesByFirstWord = longestByFirstTwoWords([...phrases, ...glossary]);
  const stopwords = new Set(data.stopwords.map(canonicalize));
  const bareStopwords = new Set([...stopwords].map(fold));
  const generic = new Set((data.generic ?? []).flatMap((g) => syllables(g).map(fold)));
  const names = compile((data.names ?? []).map((n) => [n, n]))
    .map((p) => p.folded)
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
  const asPhrases = (list: readonly string[]): Phrase[] => compile(list.map((phrase) => [phrase, phrase]));
  const together = (data.together ?? []).map((rule) => ({
    all: rule.all.map((group) => byFirstWord(asPhrases(group))),
    within: rule.within,
    none: byFirstWord(asPhrases(rule.none ?? [])),
    adds: syllables(rule.adds),
  }));
  const papers = asPhrases(data.conversation?.papers ?? []).map((p) => p.folded);
  const notBefore = new Map(
    Object.entries(data.notBefore ?? {}).map(([last, after]) => [
      fold(canonicalize(last)),
      byFirstWord(asPhrases(after)),
    ]),
  );
  return {
    abbreviations,
    phrasesByFirstWord,
    questionPhrasesByFirstWord,
    notBefore,
    stopwords,
    bareStopwords,
    generic,
    names,
    together,
    papers,
  };
}

/** The phrases longest first ("sổ hộ khẩu" is seen before "hộ khẩu"), without the empty one. */
const longestFirst = (phrases: readonly Phrase[]): Phrase[] =>
  phrases.filter((p) => p.folded.length > 0).sort((a, b) => b.folded.length - a.folded.length);

/** Phrases by their first two folded syllables, longest first. */
const longestByFirstTwoWords = (phrases: readonly Phrase[]): Map<string, FirstTwoWords<Phrase>> =>
  byFirstTwoWords(longestFirst(phrases), (p) => p.folded);

/** Phrases by their first folded syllable, longest first: "sổ hộ khẩu" is seen before "hộ khẩu". */
function byFirstWord(phrases: readonly Phrase[]): Map<string, Phrase[]> {
  const map = new Map<string, Phrase[]>();
  for (const p of longestFirst(phrases)) {
    const list = map.get(p.folded[0]!);
    if (list) list.push(p);
    else map.set(p.folded[0]!, [p]);
  }
  return map;
}

export interface Expansion {
  /** the question's words, abbreviations written out */
  readonly words: string[];
  /** words[i] is part of a phrase the lexicon knows */
  readonly known: boolean[];
  /** official words for the colloquial phrases found (searched, not counted as the resident's words) */
  readonly added: string[];
  /** the pause before words[i] (punctuation typed between them; none when the text was read without) */
  readonly pauses: readonly Pause[];
  /** words[i] without marks (worked out once here: every reader of the words needs it) */
  readonly folded: readonly string[];
  /** words[i] is a stopword (isStopword) */
  readonly stopwords: readonly boolean[];
}

/** "cần" is a stopword but "căn" (căn cước) is not; bare "can" may be either, so it counts as one. */
export function isStopword(word: string, lexicon: Lexicon): boolean {
  return isStopwordFolded(word, fold(word), lexicon);
}

/** isStopword for a word whose folded form (`bare`) is already known. */
function isStopwordFolded(word: string, bare: string, lexicon: Lexicon): boolean {
  return bare === word ? lexicon.bareStopwords.has(bare) : lexicon.stopwords.has(word);
}

/**
 * Replaces abbreviations and finds the colloquial phrases, with the official words they stand for; in a
 * resident's question (`question`), the glossary's phrases too.
 */
export function expand(
  syllablesOfText: readonly string[],
  lexicon: Lexicon,
  question = false,
  pausesBefore: readonly Pause[] = [],
): Expansion {
  const phrasesByFirstWord = question ? lexicon.questionPhrasesByFirstWord : lexicon.phrasesByFirstWord;
  // Each word folded once here (with the words it is written out as), not again by every step below.
  const writtenOut = { words: [] as string[], folded: [] as string[], pauses: [] as Pause[] };
  for (let i = 0; i < syllablesOfText.length; i++) {
    const word = syllablesOfText[i]!;
    const bare = fold(word);
    const long = lexicon.abbreviations.get(bare);
    if (long) {
      for (let k = 0; k < long.length; k++) {
        const w = long[k]!;
        writtenOut.words.push(w);
        writtenOut.folded.push(fold(w));
        writtenOut.pauses.push(k === 0 ? (pausesBefore[i] ?? 0) : 0);
      }
    } else {
      writtenOut.words.push(word);
      writtenOut.folded.push(bare);
      writtenOut.pauses.push(pausesBefore[i] ?? 0);
    }
  }
  const text = question ? withoutNames(writtenOut, lexicon.names) : writtenOut;
  const { words, folded } = text;
  const known = new Array<boolean>(words.length).fill(false);
  const added: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (known[i]) continue;
    const from = phrasesByFirstWord.get(folded[i]!);
    if (!from) continue;
    // longest first, as in byFirstWord: the phrases of one word come after all the longer ones
    const phrase =
      firstFoundAt(text, i, from.bySecondWord.get(folded[i + 1] ?? ''), lexicon) ??
      firstFoundAt(text, i, from.oneWord, lexicon);
    if (phrase) {
      for (let k = 0; k < phrase.folded.length; k++) known[i + k] = true;
      added.push(...phrase.adds);
    }
  }
  if (question) {
    for (const rule of lexicon.together) {
      // most questions have no phrase of the first group, and cost only this
      const first = starts(text, rule.all[0]!);
      if (first.length === 0) continue;
      const rest = rule.all.slice(1).map((group) => starts(text, group));
      const close = (a: number, b: number): boolean => Math.abs(a - b) <= rule.within;
      const near = first.filter(([at]) => rest.every((others) => others.some(([o]) => close(o, at))));
      if (near.length === 0 || starts(text, rule.none).length > 0) continue;
      added.push(...rule.adds);
      // the words that said it are understood, as a phrase's are
      const saying = [...near, ...rest.flat().filter(([o]) => near.some(([at]) => close(o, at)))];
      for (const [at, length] of saying) known.fill(true, at, at + length);
    }
  }
  const stopwords = words.map((word, i) => isStopwordFolded(word, folded[i]!, lexicon));
  return { words, known, added, pauses: text.pauses, folded, stopwords };
}

/** A text's words as `expand` reads them: as written, folded, and the pause before each. */
interface Written {
  readonly words: readonly string[];
  readonly folded: readonly string[];
  readonly pauses: readonly Pause[];
}

// The phrase look-ups below are module functions, not closures made at each `expand`: it runs for every
// question, and making them cost more than most of them do.

/**
 * The phrase is said at word i. A word typed with accents must match the phrase with its accents ("cười"
 * is not "cưới"); a word typed bare matches the bare phrase. A phrase is said within one sentence: «…gặp
 * ông bà. Mất giấy khai sinh» is not «bà mất» (commas are typed loosely: «giấy tờ nộp rồi, bao giờ lấy» is
 * one thought).
 */
function sameAt(text: Written, i: number, phrase: Phrase): boolean {
  const { words, folded, pauses } = text;
  if (i + phrase.folded.length > words.length) return false;
  for (let k = 0; k < phrase.folded.length; k++) {
    const word = words[i + k]!;
    const bare = folded[i + k]!;
    if (word === bare ? bare !== phrase.folded[k] : word !== phrase.words[k]) return false;
    if (k > 0 && (pauses[i + k] ?? 0) >= SENTENCE) return false;
  }
  return true;
}

/**
 * «bố tôi mất» followed by «giấy tờ»: the words after the phrase (from `end`) undo it, in the same clause
 * only («mẹ tôi vừa mất, giấy tờ của mẹ…» is a death).
 */
function undone(text: Written, phrase: Phrase, end: number, lexicon: Lexicon): boolean {
  if ((text.pauses[end] ?? 0) !== 0) return false;
  const after = lexicon.notBefore.get(phrase.folded.at(-1)!)?.get(text.folded[end] ?? '');
  if (after === undefined) return false;
  for (const p of after) if (sameAt(text, end, p)) return true;
  return false;
}

/** The first of these phrases said at word i (and not undone by the words after it). */
function firstFoundAt(
  text: Written,
  i: number,
  phrases: readonly Phrase[] | undefined,
  lexicon: Lexicon,
): Phrase | undefined {
  if (phrases === undefined) return undefined;
  for (const phrase of phrases)
    if (sameAt(text, i, phrase) && !undone(text, phrase, i + phrase.folded.length, lexicon)) return phrase;
  return undefined;
}

/** Where a group's phrases start in the text, and how many words each is. */
function starts(text: Written, group: ReadonlyMap<string, readonly Phrase[]>): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < text.folded.length; i++) {
    const phrase = group.get(text.folded[i]!)?.find((p) => sameAt(text, i, p));
    if (phrase) found.push([i, phrase.folded.length]);
  }
  return found;
}

/** The words (their folded forms, the pauses before them) without the bot's own names («trợ lý dịch vụ công ơi, …»). */
function withoutNames(
  written: {
    readonly words: readonly string[];
    readonly folded: readonly string[];
    readonly pauses: readonly Pause[];
  },
  names: readonly (readonly string[])[],
): { words: string[]; folded: string[]; pauses: Pause[] } {
  const { words, folded } = written;
  if (names.length === 0) return { words: [...words], folded: [...folded], pauses: [...written.pauses] };
  const kept = { words: [] as string[], folded: [] as string[], pauses: [] as Pause[] };
  // the pause before a name stays, before the word after it
  let pause: Pause = 0;
  for (let i = 0; i < words.length; i++) {
    const before = written.pauses[i] ?? 0;
    if (before > pause) pause = before;
    const name = wordsAt(folded, i, names);
    if (name) i += name.length - 1;
    else {
      kept.words.push(words[i]!);
      kept.folded.push(folded[i]!);
      kept.pauses.push(kept.words.length > 1 ? pause : 0);
      pause = 0;
    }
  }
  return kept;
}
