import { fold } from './normalize';

/**
 * A written Vietnamese syllable without its marks: an onset, one to three vowels, an ending. A typo
 * usually breaks this shape («sinhf», «trch», «tuyeen», «chugn», «dag»), while a real word the
 * knowledge base happens not to contain keeps it, so only broken syllables are corrected.
 */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;
const LETTERS = 'abcdeghiklmnopqrstuvxy';
const MIN_LENGTH = 3;
const MAX_LENGTH = 8;
/** Telex typing puts the tone after the word (s sắc, f huyền, r hỏi, x ngã, j nặng). */
const TELEX_TONE_KEYS = 'sfrxj';

export interface SpellingVocabulary {
  /** a folded syllable the knowledge base uses */
  has(folded: string): boolean;
  /** how many samples use it: the likelier reading of a typo */
  frequency(folded: string): number;
}

/**
 * Words one slip away: a letter too many, two letters swapped, a letter left out. Of three letters only
 * a letter left out («dag» → dang), one typed twice («sso» → so) or a Telex tone key left at the end
 * («hoj» → ho): a short word read with any letter dropped or swapped is too often another word
 * altogether («atm» → tam).
 */
function oneSlipAway(w: string): string[] {
  const out: string[] = [];
  if (w.length > MIN_LENGTH) {
    for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
    for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  } else {
    if (TELEX_TONE_KEYS.includes(w.at(-1) ?? '')) out.push(w.slice(0, -1));
    for (let i = 0; i + 1 < w.length; i++) if (w[i] === w[i + 1]) out.push(w.slice(0, i) + w.slice(i + 1));
  }
  for (let i = 0; i <= w.length; i++) for (const c of LETTERS) out.push(w.slice(0, i) + c + w.slice(i));
  return out;
}

/**
 * The knowledge base's word for a word typed with one slip («khai snh» → sinh, «nop truc tuyeen» →
 * tuyen, «vnied» → vneid), or undefined when the word is known, is a well-formed syllable, or has no
 * single likely reading. The corrected word comes back without marks (the typed ones were broken too).
 */
export function correctSlip(word: string, vocabulary: SpellingVocabulary): string | undefined {
  const w = fold(word.toLowerCase());
  if (w.length < MIN_LENGTH || w.length > MAX_LENGTH || !/^[a-z]+$/.test(w)) return undefined;
  if (vocabulary.has(w) || SYLLABLE.test(w)) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const candidate of new Set(oneSlipAway(w))) {
    if (candidate.length < 2 || !vocabulary.has(candidate)) continue;
    const count = vocabulary.frequency(candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
