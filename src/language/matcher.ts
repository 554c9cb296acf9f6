import MiniSearch, { type SearchResult } from 'minisearch';
import { type ConfidenceLadder, DEFAULT_LADDER, decide, isOutside, OUTSIDE_PREFIX, type ScoredTopic } from './confidence';
import type { Lexicon } from './lexicon';
import { fold, hasDiacritics } from './normalize';
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
  score(question: string): ScoredTopic[];
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
  const indexTerms = (text: string): string[] => readingTerms(read(text, lexicon), lexicon, 'index');
  const samples = documents.flatMap((d) => [d.title, ...d.aliases, ...d.questions]).filter((t) => t.length > 0);
  // Typo search is costly: only for single syllables the knowledge base does not contain as written
  // (a new pair of known syllables is not a typo). One typo allowed from five letters.
  const vocabulary = new Set(samples.flatMap(indexTerms));
  const fuzzyFor = (term: string): number | false =>
    term.length >= 5 && !term.includes(BIGRAM) && !vocabulary.has(term) ? 0.2 : false;
  const index = new MiniSearch<IndexedTopic>({
    fields: ['title', 'aliases', 'questions'],
    storeFields: ['topic'],
    tokenize: indexTerms,
    processTerm: (term) => term,
    searchOptions: { boost: FIELD_BOOST, fuzzy: fuzzyFor, weights: { fuzzy: 0.5, prefix: 0.3 }, combineWith: 'OR' },
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

  function score(question: string): ScoredTopic[] {
    const reading = read(question.slice(0, MAX_QUESTION_CHARS), lexicon);
    // The resident's own meaningful words; known colloquial phrases count as understood.
    const meaningful = reading.words
      .map((w, i) => ({ w: fold(w), stop: isStopword(w, lexicon), accented: hasDiacritics(w), known: reading.known[i] === true }))
      .filter((x) => !x.stop)
      .map((x) => ({ ...x, weight: weightOf(x.w) }));
    if (meaningful.length === 0) return [];
    const totalWeight = meaningful.reduce((sum, x) => sum + x.weight, 0);
    const terms = readingTerms(reading, lexicon, 'query');
    return index
      .search(question, { tokenize: () => terms })
      .slice(0, MAX_CANDIDATES)
      .map((r) => {
        const covered = coveredWords(r);
        const understood = meaningful.reduce((sum, x) => sum + x.weight * credit(x, covered), 0);
        return { topic: r.topic as string, raw: r.score, coverage: understood / totalWeight };
      });
  }

  function match(question: string): MatchResult {
    const scored = score(question);
    const top = scored[0];
    if (!top) return unknownResult();
    const decision = decide(scored, ladder);
    const confidence = round(ladder.confidence(top.raw, top.coverage));
    // Ordered by BM25 (it ranks better than coverage does); scores scaled so the list reads best first.
    const candidates = scored
      .filter((c) => !isOutside(c.topic))
      .map((c) => ({ topic: c.topic, score: round((confidence * c.raw) / top.raw) }));
    if (isOutside(top.topic)) {
      const recognised = confidence >= ladder.clarifyAt ? { outside: top.topic.slice(OUTSIDE_PREFIX.length) } : {};
      return { topic: 'unknown', decision: 'unknown', confidence: 0, candidates, ...recognised };
    }
    if (decision === 'clarify' && candidates.length === 0) return { ...unknownResult(), candidates };
    return { topic: decision === 'answer' ? top.topic : 'unknown', decision, confidence, candidates };
  }

  return { match, score, topics };
}

/** Folded words of the question that a topic's samples contain: in any form, and with the accents typed. */
interface Coverage {
  readonly any: Set<string>;
  readonly accented: Set<string>;
}

/**
 * The words of the question that this topic really contains. A single word matched with a typo counts;
 * of a bigram matched with a typo, only the words that are really there count ("giá vàng" matching
 * "giá bằng" explains "giá", not "vàng").
 */
function coveredWords(r: SearchResult): Coverage {
  const covered: Coverage = { any: new Set(), accented: new Set() };
  const docWords = new Set(r.terms.flatMap((t) => t.split(BIGRAM)).map(fold));
  for (const term of r.queryTerms) {
    const parts = term.split(BIGRAM).map(fold);
    const exact = r.terms.includes(term);
    for (const p of exact || parts.length === 1 ? parts : parts.filter((x) => docWords.has(x))) covered.any.add(p);
    if (exact && hasDiacritics(term)) for (const p of parts) covered.accented.add(p);
  }
  return covered;
}

/**
 * A word typed with accents is fully understood when the same accented word is in the samples; only
 * half when just its bare form is ("vàng" is not "vắng"). Known colloquial phrases count in full.
 */
function credit(x: { w: string; accented: boolean; known: boolean }, covered: Coverage): number {
  if (x.known) return 1;
  if (!covered.any.has(x.w)) return 0;
  return !x.accented || covered.accented.has(x.w) ? 1 : 0.5;
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
