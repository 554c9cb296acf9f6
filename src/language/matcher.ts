import MiniSearch, { type SearchResult } from 'minisearch';
import { type ConfidenceLadder, DEFAULT_LADDER, decide } from './confidence';
import type { Lexicon } from './lexicon';
import { fold } from './normalize';
import { allWords, isStopword, read, searchTerms } from './terms';

/** One searchable text of a topic: its title, one alias or one sample question. */
export interface MatchDocument {
  readonly topic: string;
  readonly kind: 'title' | 'alias' | 'question';
  readonly text: string;
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
  /** best first, at most five */
  readonly candidates: Candidate[];
}

interface IndexedDocument extends MatchDocument {
  readonly id: number;
}

const KIND_WEIGHT: Record<MatchDocument['kind'], number> = { title: 1.15, alias: 1.1, question: 1 };
const MAX_CANDIDATES = 5;
// Bare syllables are short: allow one typo from five letters, two from ten (bigrams are longer).
const fuzzyFor = (term: string): number | false => (term.length >= 5 ? 0.2 : false);

export interface Matcher {
  match(question: string): MatchResult;
  readonly topics: readonly string[];
}

export function buildMatcher(
  documents: readonly MatchDocument[],
  lexicon: Lexicon,
  ladder: ConfidenceLadder = DEFAULT_LADDER,
): Matcher {
  const index = new MiniSearch<IndexedDocument>({
    fields: ['text'],
    storeFields: ['topic', 'kind'],
    tokenize: (text) => searchTerms(allWords(read(text, lexicon)), lexicon, 'index'),
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (text) => searchTerms(allWords(read(text, lexicon)), lexicon, 'query'),
      processTerm: (term) => term,
      fuzzy: fuzzyFor,
      weights: { fuzzy: 0.5, prefix: 0.3 },
      combineWith: 'OR',
    },
  });
  index.addAll(documents.map((d, id) => ({ ...d, id })));
  const topics = [...new Set(documents.map((d) => d.topic))];

  function match(question: string): MatchResult {
    const reading = read(question.slice(0, 2000), lexicon);
    // The resident's own meaningful words (folded); known colloquial phrases count as understood.
    const meaningful = reading.words
      .map((w, i) => ({ w: fold(w), known: reading.known[i] === true }))
      .filter((x) => !isStopword(x.w, lexicon));
    if (meaningful.length === 0) return unknownResult();

    const results = index.search(question.slice(0, 2000));
    const byTopic = new Map<string, { score: number; covered: Set<string> }>();
    for (const r of results) {
      const topic = r.topic as string;
      const score = r.score * KIND_WEIGHT[r.kind as MatchDocument['kind']];
      const entry = byTopic.get(topic) ?? { score: 0, covered: new Set<string>() };
      entry.score = Math.max(entry.score, score);
      for (const term of coveredWords(r)) entry.covered.add(term);
      byTopic.set(topic, entry);
    }
    const candidates = [...byTopic.entries()]
      .map(([topic, { score, covered }]) => {
        const understood = meaningful.filter((x) => x.known || covered.has(x.w)).length;
        const coverage = understood / meaningful.length;
        return { topic, score: ladder.confidence(score, coverage) };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_CANDIDATES)
      .map((c) => ({ topic: c.topic, score: round(c.score) }));
    const decision = decide(candidates, ladder);
    const top = candidates[0];
    return {
      topic: decision === 'answer' && top ? top.topic : 'unknown',
      decision,
      confidence: top ? top.score : 0,
      candidates,
    };
  }

  return { match, topics };
}

/** Folded single words of the question that this document matched (exactly or with a typo). */
function coveredWords(r: SearchResult): string[] {
  const out: string[] = [];
  for (const term of r.queryTerms) {
    for (const part of term.split('_')) out.push(fold(part));
  }
  return out;
}

function unknownResult(): MatchResult {
  return { topic: 'unknown', decision: 'unknown', confidence: 0, candidates: [] };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
