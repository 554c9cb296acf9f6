import type { Decision } from './matcher';

/** Topic ids of things the bot does not handle start with this (content/out-of-scope.yaml). */
export const OUTSIDE_PREFIX = '~';
export const isOutside = (topic: string): boolean => topic.startsWith(OUTSIDE_PREFIX);

/** The topics found for a question, best BM25 score first, and how much of the question the best explains. */
export interface Scored {
  /**
   * `specific`: the weight of the question's words that this topic matched and that few topics use
   * (not generic words such as xin, giấy, tiền, đổi, mất) — the evidence that it is about this topic
   */
  readonly topics: readonly { readonly topic: string; readonly raw: number; readonly specific: number }[];
  /** the weighted share of the resident's meaningful words that the best topic contains (0..1) */
  readonly coverage: number;
}

/**
 * The confidence ladder (ARCHITECTURE §5): answer a clear winner, ask "Ý bạn là…?" between close
 * candidates, and say "không rõ" when too little of the question was understood.
 * The numbers are calibrated on test/fixtures/questions.tsv (see scripts/calibrate.ts).
 */
export interface ConfidenceLadder {
  /** BM25 score and the share of the resident's words understood → 0..1 */
  confidence(score: number, coverage: number): number;
  /** at or above: answer (when the runner-up is far enough behind) */
  readonly answerAt: number;
  /** at or above: offer the top candidates */
  readonly clarifyAt: number;
  /** the runner-up's BM25 score within this ratio of the winner's makes it a question back */
  readonly closeRatio: number;
}

export function makeLadder(p: {
  scale: number;
  coveragePower: number;
  answerAt: number;
  clarifyAt: number;
  closeRatio: number;
}): ConfidenceLadder {
  return {
    confidence: (score, coverage) => coverage ** p.coveragePower * (1 - Math.exp(-score / p.scale)),
    answerAt: p.answerAt,
    clarifyAt: p.clarifyAt,
    closeRatio: p.closeRatio,
  };
}

export const DEFAULT_LADDER = makeLadder({
  scale: 8,
  coveragePower: 1,
  answerAt: 0.5,
  clarifyAt: 0.15,
  closeRatio: 0.8,
});

export function decide(scored: Scored, ladder: ConfidenceLadder): Decision {
  const [first, second] = scored.topics;
  if (!first) return 'unknown';
  const confidence = ladder.confidence(first.raw, scored.coverage);
  if (confidence < ladder.clarifyAt || isOutside(first.topic)) return 'unknown';
  // Only generic words in common (xin, giấy, đổi, mất…) is no evidence for an answer, nor an option.
  const evidenced = scored.topics.filter((t) => t.specific > 0 && !isOutside(t.topic));
  if (evidenced.length === 0) return 'unknown';
  const close = second !== undefined && second.specific > 0 && second.raw >= first.raw * ladder.closeRatio;
  if (confidence >= ladder.answerAt && !close && first.specific > 0) return 'answer';
  return 'clarify';
}
