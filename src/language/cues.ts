import type { z } from 'zod';
import { cuesSchema } from './cues-schema';
import { expand, isStopword, type Lexicon } from './lexicon';
import { NOT_A_PAPER } from './needed-paper';
import { fold, syllables } from './normalize';

export type CuesData = z.input<typeof cuesSchema>;

/** A short message that is one of these does not count as a question the bot failed to understand. */
export const INTENT_MAX_WORDS = 6;
/** A thanks with good wishes («Em cảm ơn chị nhiều ạ! Chúc chị sức khỏe.») is longer, and still a thanks. */
const COURTESY_MAX_WORDS = 20;

export interface Cues {
  /** the intent of a short message, if it is one («cảm ơn cháu nhiều» → thanks) */
  intent(text: string): string | undefined;
  /**
   * The intent of a message that says nothing else: its words are the intent's phrase, words that
   * address the bot («ad», «admin») and stopwords («cảm ơn ad nhiều nha»). Such a message is not a
   * question, even where a word of it (ad → cán bộ) would find a topic.
   */
  intentOnly(text: string): string | undefined;
  /** whether the message asks whether to give a code, a password or money to someone */
  scam(text: string): boolean;
  /**
   * whether the message says a code, a password or money was already given (or the app installed):
   * alone, or right after a scam question (`before`: the resident's earlier messages)
   */
  scammed(text: string, before?: readonly string[]): boolean;
  /**
   * The answer section the message asks for, if any («mất mấy ngày» → thoi-gian), and the message's
   * other words (what is left once the cue is taken out: does it name another procedure?).
   */
  section(text: string): { readonly key: string; readonly rest: string } | undefined;
  /** the message without words pointing back at the paper just discussed («giấy đó») or naming who («hộ nghèo») */
  withoutReferring(text: string): string;
  /** whether the message points back at the paper just discussed («giấy này», «giấy đó») */
  refersBack(text: string): boolean;
  /** whether the message asks if a paper is needed or to be brought («có cần giấy kết hôn không») */
  asksPaper(text: string): boolean;
  /**
   * whether the message asks yes or no about something, without turning to another procedure: «sửa xong
   * có phải đổi căn cước không», not «thế còn căn cước thì sao»
   */
  asksYesNo(text: string): boolean;
  /** whether the message turns to something else («thế còn…», «… thì sao», «rứa còn… thì răng») */
  turns(text: string): boolean;
  /** the message without the words that only ask how a procedure is done («thủ tục khai sinh» → «khai sinh») */
  asking(text: string): { readonly rest: string } | undefined;
}

type Words = readonly string[];

const phrase = (p: string): Words => syllables(p);

/**
 * A word typed with marks must be the phrase's word with its marks («đổi số» is not «đòi»); a word typed
 * bare matches the phrase's word without them (as the lexicon reads phrases).
 */
function same(typed: string, word: string): boolean {
  const bare = fold(typed);
  return bare === typed ? fold(word) === bare : typed === word;
}

/** Where `needle` appears in `hay` as consecutive words, or -1. */
function indexOf(hay: Words, needle: Words): number {
  if (needle.length === 0 || needle.length > hay.length) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (!same(hay[i + k]!, needle[k]!)) continue outer;
    return i;
  }
  return -1;
}

const contains = (hay: Words, needle: Words): boolean => indexOf(hay, needle) >= 0;

interface Named {
  readonly name: string;
  readonly phrases: readonly Words[];
}

/** The words without the phrase found at `at` (what is left once a cue is taken out). */
const without = (w: Words, found: { at: number; length: number }): Words => [
  ...w.slice(0, found.at),
  ...w.slice(found.at + found.length),
];

/** The words without every occurrence of these phrases (the longest taken first). */
function withoutAll(w: Words, phrases: readonly Words[]): Words {
  let rest = w;
  for (const p of phrases) {
    for (let at = indexOf(rest, p); at >= 0; at = indexOf(rest, p))
      rest = without(rest, { at, length: p.length });
  }
  return rest;
}

/** The longest of these phrases found in the words (its name, where, how long); the longest wins. */
function longest(
  w: Words,
  entries: readonly Named[],
): { name: string; at: number; length: number } | undefined {
  let best: { name: string; at: number; length: number } | undefined;
  for (const { name, phrases } of entries) {
    for (const p of phrases) {
      const at = indexOf(w, p);
      if (at >= 0 && (!best || p.length > best.length)) best = { name, at, length: p.length };
    }
  }
  return best;
}

/** Words of politeness a question may end with after «không» («… được không ạ», «… ko chị»), bare. */
const FILLERS: ReadonlySet<string> = new Set([
  'a',
  'ah',
  'nha',
  'nhe',
  'chi',
  'anh',
  'em',
  'chau',
  'bac',
  'co',
  'chu',
  'ad',
  'vay',
]);

// Only approving emoji (and variation selectors, skin tones): 👍, 👌, 🙏, ❤️, 😊…
const EMOJI_OK = /^(?:\s|👍|👌|🙏|❤|♥|😊|🙂|👏|✅|\u{FE0F}|[\u{1F3FB}-\u{1F3FF}])+$/u;

export function compileCues(data: CuesData, lexicon: Lexicon): Cues {
  const parsed = cuesSchema.parse(data);
  const named = (record: Record<string, string[]>): Named[] =>
    Object.entries(record).map(([name, phrases]) => ({ name, phrases: phrases.map(phrase) }));
  const intents = named(parsed.intents);
  const intentsAlone = [...intents, ...named(parsed.alone)];
  const safety = parsed.safety.map((rule) => rule.map((group) => group.map(phrase)));
  const scammed = parsed.scammed.map((rule) => rule.map((group) => group.map(phrase)));
  const scammedAfter = parsed.scammedAfter.map(phrase);
  const scammedNot = parsed.scammedNot.map(phrase);
  const matchesRule = (w: Words, rules: readonly (readonly (readonly Words[])[])[]): boolean =>
    rules.some((rule) => rule.every((group) => group.some((p) => contains(w, p))));
  const sections = named(parsed.sections);
  // Abbreviations written out first: «bn tien» is «bao nhiêu tiền», «onl» is «trực tuyến».
  const words = (text: string): Words => expand(syllables(text), lexicon).words;
  const address = parsed.address.flatMap(phrase);
  // longest first: «một ngày tốt lành» goes before «tốt lành»
  const saidBeside = [...intentsAlone.flatMap((i) => i.phrases), ...parsed.courtesy.map(phrase)].sort(
    (a, b) => b.length - a.length,
  );
  const asking = [{ name: 'asking', phrases: parsed.asking.map(phrase) }];
  const papers = parsed.papers.map(phrase);
  const yesNo = parsed.yesNo.map(phrase);
  const turning = parsed.turning.map(phrase);
  const turnsIn = (w: Words): boolean => turning.some((p) => contains(w, p));
  const referring = [...parsed.referring, ...parsed.people].map(phrase).sort((a, b) => b.length - a.length);
  const backAtPaper = parsed.referring.map(phrase);

  return {
    intentOnly(text) {
      if (EMOJI_OK.test(text) && text.trim().length > 0) return 'ok';
      const typed = syllables(text);
      if (typed.length === 0 || typed.length > COURTESY_MAX_WORDS) return undefined;
      // «e hỏi chút đc ko ạ»: a word typed short for a filler («đc», «ko») is one too.
      const filler = (word: string) =>
        isStopword(word, lexicon) ||
        address.some((a) => same(word, a)) ||
        expand([word], lexicon).words.every((x) => isStopword(x, lexicon));
      // Read as typed first («ad» must not become «cán bộ» here), then with the abbreviations written
      // out («co ai o day ko a»).
      for (const w of [typed, expand(typed, lexicon).words]) {
        const best = longest(w, intentsAlone);
        // The other intents' phrases («em hiểu rồi» after a thanks) and good wishes say nothing more.
        if (best && withoutAll(w, saidBeside).every(filler)) return best.name;
      }
      return undefined;
    },
    intent(text) {
      if (EMOJI_OK.test(text) && text.trim().length > 0) return 'ok';
      const w = words(text);
      if (w.length === 0 || w.length > INTENT_MAX_WORDS) return undefined;
      // The longest phrase found wins («không hiểu gì hết» is frustration, not «hiểu» = ok).
      return longest(w, intents)?.name;
    },
    scam(text) {
      return matchesRule(words(text), safety);
    },
    scammed(text, before = []) {
      const w = words(text);
      if (scammedNot.some((p) => contains(w, p))) return false;
      if (matchesRule(w, scammed)) return true;
      return scammedAfter.some((p) => contains(w, p)) && before.some((m) => matchesRule(words(m), safety));
    },
    section(text) {
      const w = words(text);
      const best = longest(w, sections);
      if (!best) return undefined;
      return { key: best.name, rest: without(w, best).join(' ') };
    },
    withoutReferring(text) {
      return withoutAll(words(text), referring).join(' ');
    },
    refersBack(text) {
      const w = words(text);
      return backAtPaper.some((p) => contains(w, p));
    },
    asksPaper(text) {
      const w = words(text);
      return papers.some((p) => {
        const at = indexOf(w, p);
        // the paper named right after: «cần giấy kết hôn», «cần sổ hộ khẩu», not «cần giấy tờ gì»
        const next = at >= 0 ? w[at + p.length] : undefined;
        return next !== undefined && !NOT_A_PAPER.has(fold(next));
      });
    },
    asksYesNo(text) {
      const w = [...words(text)];
      while (w.length > 0 && FILLERS.has(fold(w.at(-1)!))) w.pop();
      const ends = (p: Words) => p.length <= w.length && indexOf(w.slice(w.length - p.length), p) === 0;
      return yesNo.some(ends) && !turnsIn(w);
    },
    turns(text) {
      return turnsIn(words(text));
    },
    asking(text) {
      const w = words(text);
      const best = longest(w, asking);
      return best ? { rest: without(w, best).join(' ') } : undefined;
    },
  };
}
