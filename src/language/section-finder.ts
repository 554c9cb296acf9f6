import type { Lexicon } from './lexicon';
import { BIGRAM, read, readingTerms } from './terms';

/** A topic as the finder reads it: the words that name it, and its sections' texts (any language). */
export interface SectionedTopic {
  readonly id: string;
  /** its title and defining words: they name the topic, not one of its sections */
  readonly names: readonly string[];
  readonly sections: Readonly<Record<string, readonly string[]>>;
}

/** Finds the section of a topic that a follow-up's own words are about («60 tuổi có phải đổi không»). */
export interface SectionFinder {
  /** the section whose text holds the message's telling words, when one clearly does */
  find(topic: string, text: string): string | undefined;
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
      const sections = Object.entries(t.sections).map(
        ([key, texts]) => [key, new Set(texts.flatMap((x) => [...termsOf(x)]))] as const,
      );
      const sectionsWith = (term: string) => sections.filter(([, terms]) => terms.has(term)).length;
      const telling = (term: string) =>
        !naming.has(term) && sectionsWith(term) <= Math.max(1, sections.length * COMMON_SHARE);
      return [t.id, { sections, telling }] as const;
    }),
  );

  return {
    find(topic, text) {
      const found = byTopic.get(topic);
      if (!found) return undefined;
      const asked = [...termsOf(text)].filter(found.telling);
      if (asked.length === 0) return undefined;
      const weight = (term: string): number => (term.includes(BIGRAM) ? 2 : /\d/.test(term) ? 2 : 1);
      const scored = found.sections
        .map(([key, terms]) => ({
          key,
          score: asked.reduce((sum, term) => sum + (terms.has(term) ? weight(term) : 0), 0),
        }))
        // the order of the sections breaks a tie: what to bring before the fee, the fee before the time…
        .sort((a, b) => b.score - a.score);
      const best = scored[0];
      return best && best.score >= ENOUGH ? best.key : undefined;
    },
  };
}
