import { isStopword, type Lexicon } from './lexicon';
import { BIGRAM, read, readingTerms } from './terms';

/** A topic as the finder reads it: the words that name it, and its sections' texts (any language). */
export interface SectionedTopic {
  readonly id: string;
  /** its title and defining words: they name the topic, not one of its sections */
  readonly names: readonly string[];
  readonly sections: Readonly<Record<string, readonly string[]>>;
  /** the short answer shown first: a line of it may hold what a follow-up asks (searched by `line` only) */
  readonly answer?: string;
}

/** The short answer, searched by `line` like a section (never chosen by `find`: it is not a section). */
export const ANSWER = 'answer';

/**
 * Finds the section of a topic that a follow-up's own words are about («60 tuổi có phải đổi không»): the
 * one with a line that holds them.
 */
export interface SectionFinder {
  /**
   * the section whose text holds the message's telling words, when one clearly does; with `cue`, the
   * section a cue word asked for («bao lâu» → thoi-gian) unless another holds the other words plainly more
   * («bao lâu kể từ ngày sinh»: khai sinh's fees hold «trong 60 ngày kể từ ngày sinh»)
   */
  find(topic: string, text: string, cue?: string): string | undefined;
  /**
   * in that section (or the short answer, `ANSWER`), the line (its index in the text) that holds the
   * message's words, when one does
   */
  line(topic: string, key: string, text: string): number | undefined;
}

/**
 * At least this much evidence: a two-word term (2) with one of its words (1) («trễ hạn»; «60 tuổi» has
 * 60 and tuổi too); one shared word, or two, is chance.
 */
const ENOUGH = 3;
/** A term in more than this share of a topic's sections (its subject) tells no section apart. */
const COMMON_SHARE = 0.5;

export function buildSectionFinder(topics: readonly SectionedTopic[], lexicon: Lexicon): SectionFinder {
  const termsOf = (text: string): Set<string> => new Set(readingTerms(read(text, lexicon), lexicon));
  const byTopic = new Map(
    topics.map((t) => {
      const naming = new Set(t.names.flatMap((n) => [...termsOf(n)]));
      // each section as its lines (a bullet says one thing: the words asked must be in one of them)
      const sections = Object.entries(t.sections).map(([key, texts]) => {
        const lines = texts.flatMap((x) => x.split('\n')).map(termsOf);
        return { key, lines, all: new Set(lines.flatMap((l) => [...l])) };
      });
      const sectionsWith = (term: string) => sections.filter((x) => x.all.has(term)).length;
      const telling = (term: string) =>
        !naming.has(term) && sectionsWith(term) <= Math.max(1, sections.length * COMMON_SHARE);
      const answer = { key: ANSWER, lines: (t.answer ?? '').split('\n').map(termsOf) };
      return [t.id, { sections, answer, telling }] as const;
    }),
  );

  // a pair of words says more than a word, unless one is a little word («cho người» in «làm cho người
  // khác» found «Miễn phí cho người thường trú»); a number is as telling as a pair
  const weight = (term: string): number => {
    if (!term.includes(BIGRAM)) return /\d/.test(term) ? 2 : 1;
    return term.split(BIGRAM).some((w) => isStopword(w, lexicon)) ? 1 : 2;
  };
  /** How much of the message's telling words each line of a topic's sections holds. */
  function lineScores(topic: string, text: string) {
    const found = byTopic.get(topic);
    if (!found) return undefined;
    const asked = [...termsOf(text)].filter(found.telling);
    const score = (line: ReadonlySet<string>): number =>
      asked.reduce((sum, term) => sum + (line.has(term) ? weight(term) : 0), 0);
    return [...found.sections, found.answer].map(({ key, lines }) => ({ key, lines: lines.map(score) }));
  }

  return {
    line(topic, key, text) {
      const lines = lineScores(topic, text)?.find((x) => x.key === key)?.lines ?? [];
      const best = Math.max(0, ...lines);
      return best >= ENOUGH ? lines.indexOf(best) : undefined;
    },
    find(topic, text, cue) {
      const found = lineScores(topic, text);
      if (!found) return undefined;
      const scored = found
        .filter(({ key }) => key !== ANSWER)
        .map(({ key, lines }) => ({ key, score: Math.max(0, ...lines) }))
        // the order of the sections breaks a tie: what to bring before the fee, the fee before the time…
        .sort((a, b) => b.score - a.score);
      const best = scored[0];
      if (!best || best.score < ENOUGH) return cue;
      // a section a cue word asked for keeps the question unless another holds the words plainly more
      const cued = cue ? scored.find((x) => x.key === cue) : undefined;
      return cued && cued.score + 1 >= best.score ? cue : best.key;
    },
  };
}
