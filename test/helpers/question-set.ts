import { readFileSync } from 'node:fs';
import type { Matcher, MatchResult } from '../../src/language/matcher';
import { fold } from '../../src/language/normalize';

export interface LabelledQuestion {
  readonly question: string;
  /** accepted topic ids; empty for out-of-scope */
  readonly topics: readonly string[];
  readonly tags: readonly string[];
}

export function readQuestionSet(path: string): LabelledQuestion[] {
  const [header, ...lines] = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  // The real-question set names each question's source page instead of tags.
  const withSource = header === 'question\ttopics\tsource';
  if (header !== 'question\ttopics\ttags' && !withSource)
    throw new Error(`${path}: unexpected header ${header}`);
  return lines.map((line, i) => {
    const [question, topics, third] = line.split('\t');
    const tags = withSource ? '' : third;
    if (!question || !topics) throw new Error(`${path}:${i + 2}: needs question and topics`);
    return {
      question,
      topics: topics === 'unknown' ? [] : topics.split(','),
      tags: (tags ?? '').split(',').filter(Boolean),
    };
  });
}

export interface Scores {
  readonly inScope: number;
  readonly inScopeCorrect: number;
  readonly strippedCorrect: number;
  readonly outOfScope: number;
  readonly outOfScopeRejected: number;
  /** out-of-scope questions told plainly that the bot cannot help (no question back) */
  readonly outOfScopeUnknown: number;
  /** in-scope questions answered outright with an accepted topic (no question back) */
  readonly answeredRight: number;
  /** in-scope questions answered outright with a topic that is not accepted (confidently wrong) */
  readonly answeredWrong: number;
  /** in-scope questions whose accepted topic is answered or among the options offered (with an answer: its «Hay là…») */
  readonly offered: number;
  readonly misses: { question: string; expected: string; got: MatchResult }[];
}

/** Top-1 accuracy on in-scope questions (also with diacritics stripped) and rejection of out-of-scope ones. */
export function score(matcher: Matcher, set: readonly LabelledQuestion[]): Scores {
  let inScope = 0;
  let inScopeCorrect = 0;
  let strippedCorrect = 0;
  let outOfScope = 0;
  let outOfScopeRejected = 0;
  let answeredRight = 0;
  let outOfScopeUnknown = 0;
  let answeredWrong = 0;
  let offered = 0;
  const misses: Scores['misses'] = [];
  for (const q of set) {
    const got = matcher.match(q.question);
    if (q.topics.length === 0) {
      outOfScope++;
      // Rejected: no confident answer. A question back ("Ý bạn là…?") is not a confident wrong answer.
      if (got.decision !== 'answer') outOfScopeRejected++;
      if (got.decision === 'unknown') outOfScopeUnknown++;
      else misses.push({ question: q.question, expected: 'unknown', got });
      continue;
    }
    inScope++;
    if (isRight(got, q.topics)) inScopeCorrect++;
    if (got.decision === 'answer' && !q.topics.includes(got.topic)) answeredWrong++;
    // An answer offers one more topic when a runner-up is close («Hay là…» under it).
    const options =
      got.decision === 'answer'
        ? [got.topic, ...(got.alternative ? [got.alternative] : [])]
        : got.decision === 'clarify'
          ? got.candidates.slice(0, 3).map((c) => c.topic)
          : [];
    if (options.some((t) => q.topics.includes(t))) offered++;
    if (got.decision === 'answer' && q.topics.includes(got.topic)) answeredRight++;
    else misses.push({ question: q.question, expected: q.topics.join(','), got });
    if (isRight(matcher.match(fold(q.question)), q.topics)) strippedCorrect++;
  }
  return {
    inScope,
    inScopeCorrect,
    strippedCorrect,
    outOfScope,
    outOfScopeRejected,
    outOfScopeUnknown,
    answeredRight,
    answeredWrong,
    offered,
    misses,
  };
}

/** Top-1: the best candidate is an accepted topic (answered outright or first in "Ý bạn là…?"). */
function isRight(got: MatchResult, accepted: readonly string[]): boolean {
  const top = got.candidates[0];
  return got.decision !== 'unknown' && top !== undefined && accepted.includes(top.topic);
}
