/**
 * Tokens of a resident's message, for reading dates and times: words, numbers and joined forms
 * such as "15/12", "8h30", "14:00", with their place in the text so the rest can be kept.
 */
import { canonicalize, fold } from './normalize';

export interface Token {
  /** canonical form: NFC, lower case */
  readonly text: string;
  /** without diacritics */
  readonly bare: string;
  /** whether the resident typed this syllable without any diacritic */
  readonly typedBare: boolean;
  readonly start: number;
  readonly end: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[/:-][\p{N}]+)*/gu;

export function tokenize(text: string): { canonical: string; tokens: Token[] } {
  const canonical = canonicalize(text);
  const tokens = [...canonical.matchAll(TOKEN)].map((m) => {
    const bare = fold(m[0]);
    return { text: m[0], bare, typedBare: bare === m[0], start: m.index, end: m.index + m[0].length };
  });
  return { canonical, tokens };
}

/**
 * A syllable typed with diacritics must be the word itself; one typed without any matches the word's
 * bare form ("mai" is tomorrow, "mái" is a roof; "thu 6" is "thứ 6").
 */
export function isWord(token: Token | undefined, ...words: readonly string[]): boolean {
  if (!token) return false;
  return words.some((w) => token.text === w || (token.typedBare && token.bare === fold(w)));
}

const UNITS: Record<string, number> = {
  không: 0,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};
// After "mười"/"mươi": "lăm" is five, "mốt" one, "tư" four.
const TAIL_UNITS: Record<string, number> = { ...UNITS, lăm: 5, nhăm: 5, mốt: 1 };

function unitOf(token: Token | undefined, table: Record<string, number>): number | undefined {
  for (const [word, value] of Object.entries(table)) if (isWord(token, word)) return value;
  return undefined;
}

export interface NumberMatch {
  readonly value: number;
  /** tokens consumed */
  readonly length: number;
  /** written in digits with a leading zero ("02"): a 24-hour clock reading */
  readonly padded: boolean;
}

/** A number 0 … 99 in digits ("15") or words ("mười lăm", "hai mươi mốt") starting at tokens[i]. */
export function readNumber(tokens: readonly Token[], i: number): NumberMatch | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (/^\d{1,4}$/.test(t.text)) return { value: Number(t.text), length: 1, padded: t.text.startsWith('0') };
  if (isWord(t, 'mười')) {
    const tail = unitOf(tokens[i + 1], TAIL_UNITS);
    return tail !== undefined && tail > 0
      ? { value: 10 + tail, length: 2, padded: false }
      : { value: 10, length: 1, padded: false };
  }
  const unit = unitOf(t, UNITS);
  if (unit === undefined) return undefined;
  if (unit >= 2 && isWord(tokens[i + 1], 'mươi')) {
    const tail = unitOf(tokens[i + 2], TAIL_UNITS);
    return tail !== undefined && tail > 0
      ? { value: unit * 10 + tail, length: 3, padded: false }
      : { value: unit * 10, length: 2, padded: false };
  }
  return { value: unit, length: 1, padded: false };
}
