import MiniSearch from 'minisearch';

/** What the matcher knows of one topic: how it is called and how residents ask about it. */
export interface TopicDocument {
  readonly topic: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly questions: readonly string[];
  /**
   * Words that define the topic (Campuchia for hộ tịch with a Cambodian spouse): a question that names
   * none of them may be offered the topic, never answered with it outright.
   */
  readonly named?: readonly string[];
  /** Phrases that ask for this topic whatever else the message names (a reminder of some procedure). */
  readonly asks?: readonly string[];
  /**
   * Something the bot does (a reminder, a staff member, announcements: `kind: action`): its asking phrase
   * wins over another topic's in the same message («thẻ BHYT hết hạn 31/12, nhắc tôi trước nửa tháng»).
   */
  readonly action?: boolean;
  /**
   * A way of doing any procedure (online, by post: `way: true` in its topic file), not a procedure: as a
   * close runner-up it does not hold back the procedure the question names (the conversation answers
   * that procedure's own section for the way).
   */
  readonly way?: boolean;
}

/** A topic that a question's terms found, with its BM25+ score and which terms matched what. */
export interface TopicHit {
  readonly topic: string;
  readonly score: number;
  /** query term → the terms of the topic it matched (itself, or a near spelling for a typo) */
  readonly matches: ReadonlyMap<string, readonly string[]>;
}

export interface TermIndex {
  /** every search term the knowledge base contains */
  readonly vocabulary: ReadonlySet<string>;
  /** in how many samples (title, alias or question) a term occurs */
  samplesWith(term: string): number;
  /**
   * Topics found by any of the terms (OR), best first, at most `limit`; a term's weight multiplies its
   * score (default 1).
   */
  search(terms: readonly string[], weight?: (term: string) => number, limit?: number): TopicHit[];
}

interface IndexedTopic {
  readonly id: number;
  readonly topic: string;
  readonly title: string;
  readonly aliases: string;
  readonly questions: string;
}

/** One topic a term found: the topic's number (its document), the score, the topic's terms it matched. */
interface TermResult {
  readonly id: number;
  readonly score: number;
  readonly docTerms: readonly string[];
}

// One document per topic with three fields: BM25+ per field, summed with these boosts. Measured on the
// dev set against one document per sample question: the same top-1, three times faster.
const FIELD_BOOST = { title: 1.15, aliases: 1.1, questions: 1 };
const SEPARATOR = ' . ';
const BIGRAM = '_';
const TYPO_CACHE_LIMIT = 10_000;

/**
 * MiniSearch over the topics, queried one term at a time. With OR, MiniSearch scores a topic by the sum of
 * its terms' scores times the number of terms matched, so each term's results can be kept: a term is
 * looked up once, and a question costs a few map reads instead of a full search.
 */
export function buildTermIndex(
  documents: readonly TopicDocument[],
  indexTerms: (text: string) => string[],
): TermIndex {
  const samples = documents
    .flatMap((d) => [d.title, ...d.aliases, ...d.questions])
    .filter((t) => t.length > 0);
  const counts = new Map<string, number>();
  for (const text of samples)
    for (const t of new Set(indexTerms(text))) counts.set(t, (counts.get(t) ?? 0) + 1);
  const vocabulary: ReadonlySet<string> = new Set(counts.keys());

  const index = new MiniSearch<IndexedTopic>({
    fields: ['title', 'aliases', 'questions'],
    storeFields: ['topic'],
    tokenize: indexTerms,
    processTerm: (term) => term,
    searchOptions: { boost: FIELD_BOOST, weights: { fuzzy: 0.5, prefix: 0.3 } },
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

  // Typo search is costly, so only for single syllables the knowledge base does not contain as written
  // (a new pair of known syllables is not a typo): one typo allowed from five letters.
  const lookUp = (term: string): TermResult[] => {
    const typo = !vocabulary.has(term) && term.length >= 5 && !term.includes(BIGRAM);
    return index
      .search(term, { tokenize: () => [term], fuzzy: typo ? 0.2 : false })
      .map((r) => ({ id: r.id as number, score: r.score, docTerms: r.terms }));
  };
  // Looked up the first time a question uses them, then kept: the knowledge base's terms for good (a
  // few thousand), others (typos) in a bounded cache. Looking up the whole vocabulary at build took
  // 60–120 ms of the start-up.
  const known = new Map<string, TermResult[]>();
  const typos = new Map<string, TermResult[]>();
  const resultsFor = (term: string): TermResult[] => {
    const hit = known.get(term) ?? typos.get(term);
    if (hit) return hit;
    const fresh = lookUp(term);
    if (vocabulary.has(term)) known.set(term, fresh);
    else {
      if (typos.size >= TYPO_CACHE_LIMIT) typos.clear();
      typos.set(term, fresh);
    }
    return fresh;
  };

  const scores = new Float64Array(documents.length);
  const matched = new Uint16Array(documents.length);

  return {
    vocabulary,
    samplesWith: (term) => counts.get(term) ?? 0,
    search(terms, weight = () => 1, limit = documents.length) {
      // Summed in flat arrays; a hit's map of matches is made only if it is read (most questions touch
      // most topics through one common word, and the caller reads the matches of its best five).
      const distinct = [...new Set(terms)];
      scores.fill(0);
      matched.fill(0);
      const firstFound: number[] = [];
      const perTerm = distinct.map(resultsFor);
      perTerm.forEach((results, i) => {
        const w = weight(distinct[i]!);
        for (const r of results) {
          if (matched[r.id] === 0) firstFound.push(r.id);
          scores[r.id]! += r.score * w;
          matched[r.id]! += 1;
        }
      });
      // As MiniSearch scores an OR query: the sum, times the number of the question's terms matched.
      // Ties stay in the order the topics were first found, as in MiniSearch (the sort is stable).
      const found = bestFirst(firstFound, (id) => scores[id]! * matched[id]!, limit);
      return found.map(({ id, score }) => new FoundTopic(documents[id]!.topic, score, id, distinct, perTerm));
    },
  };
}

/** A topic found, whose matches are gathered from the search's per-term results when first read. */
class FoundTopic implements TopicHit {
  private gathered: Map<string, readonly string[]> | undefined;

  constructor(
    readonly topic: string,
    readonly score: number,
    private readonly id: number,
    private readonly terms: readonly string[],
    private readonly perTerm: readonly (readonly TermResult[])[],
  ) {}

  get matches(): ReadonlyMap<string, readonly string[]> {
    this.gathered ??= this.gather();
    return this.gathered;
  }

  private gather(): Map<string, readonly string[]> {
    const matches = new Map<string, readonly string[]>();
    this.perTerm.forEach((results, i) => {
      for (const r of results) {
        if (r.id === this.id) {
          matches.set(this.terms[i]!, r.docTerms);
          break;
        }
      }
    });
    return matches;
  }
}

/**
 * The `limit` best of `ids` by score, best first, ties in the order given: what a stable sort and a slice
 * give, without sorting all the topics a question touches to keep a dozen.
 */
function bestFirst(
  ids: readonly number[],
  scoreOf: (id: number) => number,
  limit: number,
): { id: number; score: number }[] {
  const best: { id: number; score: number }[] = [];
  if (limit <= 0) return best;
  for (const id of ids) {
    const score = scoreOf(id);
    if (best.length === limit && !(score > best[limit - 1]!.score)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { id, score });
    if (best.length > limit) best.pop();
  }
  return best;
}
