import { foldLower } from './normalize';

/**
 * A written Vietnamese syllable without its marks: an onset, one to three vowels, an ending. A typo
 * usually breaks this shape («sinhf», «trch», «tuyeen», «chugn», «dag»), while a real word the
 * knowledge base happens not to contain keeps it, so only broken syllables are corrected.
 */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;
/**
 * No written syllable doubles these vowels («ưu» folds to uu): «lyy», «so doo», «giaay» are a key
 * pressed twice, or Telex's â ê ô typed without a Vietnamese keyboard — either way one of them too many.
 */
const DOUBLED_VOWEL = /aa|ee|ii|oo|yy/;
const LETTERS = 'abcdeghiklmnopqrstuvxy';
const MIN_LENGTH = 3;
const MAX_LENGTH = 8;
/**
 * Telex typing puts the tone after the word (s sắc, f huyền, r hỏi, x ngã, j nặng), and w after a vowel
 * for ư, ơ, ă («khai tuw»).
 */
const TELEX_KEYS = 'sfrxjw';

export interface SpellingVocabulary {
  /** a folded syllable the knowledge base uses */
  has(folded: string): boolean;
  /** how many samples use it: the likelier reading of a typo */
  frequency(folded: string): number;
  /**
   * The vocabulary's words that are this word with one letter added (oneLetterMoreIndex): looked up, not
   * every letter tried at every place (some 250 look-ups for each unknown word).
   */
  oneLetterMore(word: string): readonly string[];
}

/**
 * The words typed with one slip read as: each candidate in the order it is tried, so that of equally
 * frequent readings the first tried wins. A letter too many, two letters swapped; of three letters only a
 * Telex tone key left at the end («hoj» → ho) or a letter typed twice («sso» → so): a short word read with
 * any letter dropped or swapped is too often another word altogether («atm» → tam).
 */
function* fewerOrSwapped(w: string): Generator<string> {
  if (w.length > MIN_LENGTH) {
    for (let i = 0; i < w.length; i++) yield w.slice(0, i) + w.slice(i + 1);
    for (let i = 0; i + 1 < w.length; i++) yield w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  } else {
    if (TELEX_KEYS.includes(w.at(-1) ?? '')) yield w.slice(0, -1);
    for (let i = 0; i + 1 < w.length; i++) if (w[i] === w[i + 1]) yield w.slice(0, i) + w.slice(i + 1);
  }
}

/**
 * Where `longer` comes among the letters left out of `w` («dag» → dang), in the order they are tried
 * (each place, then each letter of LETTERS): the first place and letter that make it, or -1.
 */
function insertionOrder(w: string, longer: string): number {
  for (let i = 0; i <= w.length; i++) {
    if (longer[i] !== w[i]) {
      // `longer` has w's letters up to i; it may still be the letter at i added anywhere in the run of it
      // that ends here, the first place of which was tried first.
      let first = i;
      while (first > 0 && w[first - 1] === longer[i]) first--;
      const letter = LETTERS.indexOf(longer[i] ?? '');
      return letter >= 0 && longer.slice(i + 1) === w.slice(i) ? first * LETTERS.length + letter : -1;
    }
  }
  return -1;
}

/**
 * Built once for a vocabulary: each word (that a slip can give) under each of its one-letter-fewer forms,
 * so that a typed word finds the words it lacks a letter of by looking itself up.
 */
export function oneLetterMoreIndex(words: Iterable<string>): (word: string) => readonly string[] {
  const index = new Map<string, string[]>();
  for (const word of words) {
    if (word.length <= MIN_LENGTH || word.length > MAX_LENGTH + 1 || !/^[a-z]+$/.test(word)) continue;
    for (let i = 0; i < word.length; i++) {
      const fewer = word.slice(0, i) + word.slice(i + 1);
      const longer = index.get(fewer);
      if (!longer) index.set(fewer, [word]);
      else if (!longer.includes(word)) longer.push(word);
    }
  }
  return (word) => index.get(word) ?? NONE;
}

const NONE: readonly string[] = [];

/**
 * The knowledge base's word for a word typed with one slip («khai snh» → sinh, «nop truc tuyeen» →
 * tuyen, «vnied» → vneid), or undefined when the word is known, is a well-formed syllable, or has no
 * single likely reading. The corrected word comes back without marks (the typed ones were broken too).
 */
export function correctSlip(word: string, vocabulary: SpellingVocabulary): string | undefined {
  const w = foldLower(word);
  if (w.length < MIN_LENGTH || w.length > MAX_LENGTH || !/^[a-z]+$/.test(w)) return undefined;
  if (vocabulary.has(w) || (SYLLABLE.test(w) && !DOUBLED_VOWEL.test(w))) return undefined;
  // The most frequent reading; of equally frequent ones, the first tried.
  let best: string | undefined;
  let bestCount = 0;
  let bestOrder = Number.POSITIVE_INFINITY;
  const consider = (candidate: string, order: number): void => {
    if (candidate.length < 2 || !vocabulary.has(candidate)) return;
    const count = vocabulary.frequency(candidate);
    if (count > bestCount || (count === bestCount && count > 0 && order < bestOrder)) {
      best = candidate;
      bestCount = count;
      bestOrder = order;
    }
  };
  let order = 0;
  for (const candidate of fewerOrSwapped(w)) consider(candidate, order++);
  // the letters left out are tried after the rest, each at its place (insertionOrder)
  for (const longer of vocabulary.oneLetterMore(w)) {
    const at = insertionOrder(w, longer);
    if (at >= 0) consider(longer, order + at);
  }
  return best;
}
