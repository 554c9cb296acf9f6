import type { z } from 'zod';
import { cuesSchema } from './cues-schema';
import { expand, type Lexicon } from './lexicon';
import { fold, syllables } from './normalize';

export type CuesData = z.input<typeof cuesSchema>;

/** A short message that is one of these does not count as a question the bot failed to understand. */
export const INTENT_MAX_WORDS = 6;

export interface Cues {
  /** the intent of a short message, if it is one («cảm ơn cháu nhiều» → thanks) */
  intent(text: string): string | undefined;
  /** whether the message asks whether to give a code, a password or money to someone */
  scam(text: string): boolean;
  /** the answer section the message asks for, if any («mất mấy ngày» → thoi-gian) */
  section(text: string): string | undefined;
}

type Words = readonly string[];

const phrase = (p: string): Words => syllables(p).map(fold);

/** `needle` appears in `hay` as consecutive words. */
function contains(hay: Words, needle: Words): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

// Only approving emoji (and variation selectors, skin tones): 👍, 👌, 🙏, ❤️, 😊…
const EMOJI_OK = /^(?:\s|👍|👌|🙏|❤|♥|😊|🙂|👏|✅|\u{FE0F}|[\u{1F3FB}-\u{1F3FF}])+$/u;

export function compileCues(data: CuesData, lexicon: Lexicon): Cues {
  const parsed = cuesSchema.parse(data);
  const intents = Object.entries(parsed.intents).map(([id, phrases]) => ({
    id,
    phrases: phrases.map(phrase),
  }));
  const safety = parsed.safety.map((rule) => rule.map((group) => group.map(phrase)));
  const sections = Object.entries(parsed.sections).map(([key, phrases]) => ({
    key,
    phrases: phrases.map(phrase),
  }));
  // Abbreviations written out first: «bn tien» is «bao nhiêu tiền», «onl» is «trực tuyến».
  const words = (text: string): Words => expand(syllables(text), lexicon).words.map(fold);

  return {
    intent(text) {
      if (EMOJI_OK.test(text) && text.trim().length > 0) return 'ok';
      const w = words(text);
      if (w.length === 0 || w.length > INTENT_MAX_WORDS) return undefined;
      // The longest phrase found wins («không hiểu gì hết» is frustration, not «hiểu» = ok).
      let best: { id: string; length: number } | undefined;
      for (const { id, phrases } of intents) {
        for (const p of phrases) {
          if (contains(w, p) && (!best || p.length > best.length)) best = { id, length: p.length };
        }
      }
      return best?.id;
    },
    scam(text) {
      const w = words(text);
      return safety.some((rule) => rule.every((group) => group.some((p) => contains(w, p))));
    },
    section(text) {
      const w = words(text);
      let best: { key: string; length: number } | undefined;
      for (const { key, phrases } of sections) {
        for (const p of phrases) {
          if (contains(w, p) && (!best || p.length > best.length)) best = { key, length: p.length };
        }
      }
      return best?.key;
    },
  };
}
