import MiniSearch, { type SearchResult } from 'minisearch';
import {
  type ConfidenceLadder,
  DEFAULT_LADDER,
  decide,
  isOutside,
  OUTSIDE_PREFIX,
  type Scored,
} from './confidence';
import type { Lexicon } from './lexicon';
import { fold } from './normalize';
import { BIGRAM, isStopword, read, readingTerms } from './terms';

export { OUTSIDE_PREFIX } from './confidence';

/** What the matcher knows of one topic: how it is called and how residents ask about it. */
export interface TopicDocument {
  readonly topic: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly questions: readonly string[];
}

export interface Candidate {
  readonly topic: string;
  /** 0..1, comparable across questions */
  readonly score: number;
}

export type Decision = 'answer' | 'clarify' | 'unknown';

export interface MatchResult {
  /** the topic to answer, or 'unknown' when the bot should not answer one topic */
  readonly topic: string;
  readonly decision: Decision;
  readonly confidence: number;
  /** best first, at most five; only topics the bot handles */
  readonly candidates: Candidate[];
  /** the out-of-scope subject recognised (without the prefix), when the question is clearly not ours */
  readonly outside?: string;
}

export interface Matcher {
  match(question: string): MatchResult;
  /** the topics found before the ladder decides (for calibration and debugging) */
  score(question: string): Scored;
  readonly topics: readonly string[];
}

interface IndexedTopic {
  readonly id: number;
  readonly topic: string;
  readonly title: string;
  readonly aliases: string;
  readonly questions: string;
}

const MAX_CANDIDATES = 5;
const MAX_QUESTION_CHARS = 2000;
// One document per topic with three fields: BM25 per field, summed with these boosts. Measured on the
// dev set against one document per sample question: the same top-1, three times faster.
const FIELD_BOOST = { title: 1.15, aliases: 1.1, questions: 1 };
const SEPARATOR = ' . ';

export function buildMatcher(
  documents: readonly TopicDocument[],
  lexicon: Lexicon,
  ladder: ConfidenceLadder = DEFAULT_LADDER,
): Matcher {
  const indexTerms = (text: string): string[] => readingTerms(read(text, lexicon), lexicon);
  const samples = documents
    .flatMap((d) => [d.title, ...d.aliases, ...d.questions])
    .filter((t) => t.length > 0);
  // Typo search is costly: only for single syllables the knowledge base does not contain as written
  // (a new pair of known syllables is not a typo). One typo allowed from five letters.
  const vocabulary = new Set(samples.flatMap(indexTerms));
  const mayBeTypo = (term: string): boolean =>
    term.length >= 5 && !term.includes(BIGRAM) && !vocabulary.has(term);
  const fuzzyFor = (term: string): number | false => (mayBeTypo(term) ? 0.2 : false);
  const index = new MiniSearch<IndexedTopic>({
    fields: ['title', 'aliases', 'questions'],
    storeFields: ['topic'],
    tokenize: indexTerms,
    processTerm: (term) => term,
    searchOptions: {
      boost: FIELD_BOOST,
      fuzzy: fuzzyFor,
      weights: { fuzzy: 0.5, prefix: 0.3 },
      combineWith: 'OR',
    },
  });
  index.addAll(
    documents.map((d, id) => ({
      id,
      topic: d.topic,
      title: d.title,
      aliases: d.aliases.join(SEPARATOR),
      questions: d.questions.join(SEPARATOR),
    })),
  );
  const topics = documents.map((d) => d.topic).filter((t) => !isOutside(t));
  const weightOf = wordWeights(samples, lexicon);
  const accentedWords = new Map(
    documents.map((d) => [
      d.topic,
      new Set([d.title, ...d.aliases, ...d.questions].flatMap((t) => read(t, lexicon).words)),
    ]),
  );

  function score(question: string): Scored {
    const reading = read(question.slice(0, MAX_QUESTION_CHARS), lexicon);
    // A term the knowledge base does not contain, and that cannot be a typo, cannot match: skip it.
    const terms = readingTerms(reading, lexicon).filter((t) => vocabulary.has(t) || mayBeTypo(t));
    if (terms.length === 0) return NOTHING;
    const results = index.search(question, { tokenize: () => terms }).slice(0, MAX_CANDIDATES);
    const best = results[0];
    if (!best) return NOTHING;
    // The ladder needs only the best topic's coverage: how much of the resident's own words it explains.
    const covered = coveredWords(best);
    const accented = accentedWords.get(best.topic as string) ?? EMPTY;
    let total = 0;
    let understood = 0;
    reading.words.forEach((written, i) => {
      if (isStopword(written, lexicon)) return;
      const w = fold(written);
      const weight = weightOf(w);
      total += weight;
      understood +=
        weight *
        credit({ w, written, accented: w !== written, known: reading.known[i] === true }, covered, accented);
    });
    return {
      topics: results.map((r) => ({ topic: r.topic as string, raw: r.score })),
      coverage: total > 0 ? understood / total : 0,
    };
  }

  function match(question: string): MatchResult {
    const scored = score(question);
    const top = scored.topics[0];
    if (!top) return unknownResult();
    const decision = decide(scored, ladder);
    const confidence = round(ladder.confidence(top.raw, scored.coverage));
    // Ordered by BM25 (it ranks better than coverage does); scores scaled so the list reads best first.
    const candidates = scored.topics
      .filter((c) => !isOutside(c.topic))
      .map((c) => ({ topic: c.topic, score: round((confidence * c.raw) / top.raw) }));
    if (isOutside(top.topic)) {
      const recognised =
        confidence >= ladder.clarifyAt ? { outside: top.topic.slice(OUTSIDE_PREFIX.length) } : {};
      return { topic: 'unknown', decision: 'unknown', confidence: 0, candidates, ...recognised };
    }
    if (decision === 'clarify' && candidates.length === 0) return { ...unknownResult(), candidates };
    return { topic: decision === 'answer' ? top.topic : 'unknown', decision, confidence, candidates };
  }

  return { match, score, topics };
}

const EMPTY: ReadonlySet<string> = new Set();
const NOTHING: Scored = { topics: [], coverage: 0 };

/**
 * The (folded) words of the question that this topic really contains. A single word matched with a
 * typo counts; of a bigram matched with a typo, only the words that are really there count ("gia vang"
 * matching "gia bang" explains "gia", not "vang").
 */
function coveredWords(r: SearchResult): Set<string> {
  const covered = new Set<string>();
  const docWords = new Set(r.terms.flatMap((t) => t.split(BIGRAM)));
  for (const term of r.queryTerms) {
    const parts = term.split(BIGRAM);
    for (const p of r.terms.includes(term) || parts.length === 1
      ? parts
      : parts.filter((x) => docWords.has(x))) {
      covered.add(p);
    }
  }
  return covered;
}

/**
 * A word typed with accents is fully understood when the topic uses that very word; only half when it
 * uses just the bare form ("vàng" is not "vắng"). Known colloquial phrases count in full.
 */
function credit(
  x: { w: string; written: string; accented: boolean; known: boolean },
  covered: ReadonlySet<string>,
  accented: ReadonlySet<string>,
): number {
  if (x.known) return 1;
  if (!covered.has(x.w)) return 0;
  return !x.accented || accented.has(x.written) ? 1 : 0.5;
}

/**
 * How much a word says about the topic: rare words in the knowledge base weigh more, and words it
 * never uses weigh most — a question whose main words are unknown ("giá vàng", "bóng đá") is not ours.
 */
function wordWeights(samples: readonly string[], lexicon: Lexicon): (word: string) => number {
  const df = new Map<string, number>();
  for (const text of samples) {
    for (const w of new Set(read(text, lexicon).words.map(fold))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = samples.length;
  return (word) => Math.log(1 + n / ((df.get(word) ?? 0) + 1));
}

function unknownResult(): MatchResult {
  return { topic: 'unknown', decision: 'unknown', confidence: 0, candidates: [] };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
