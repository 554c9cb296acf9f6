/** Topic ids of things the bot does not handle start with this (content/out-of-scope.yaml). */
export const OUTSIDE_PREFIX = '~';
export const isOutside = (topic: string): boolean => topic.startsWith(OUTSIDE_PREFIX);

/** The topics found for a question, best BM25 score first, and how much of the question the best explains. */
export interface Scored {
  /**
   * `specific`: the weight of the question's words that this topic matched and that are not generic
   * words such as xin, giấy, tiền, đổi, mất — the evidence that the question is about this topic
   */
  readonly topics: readonly {
    readonly topic: string;
    readonly raw: number;
    /** BM25 times the classifier's probability (the order of topics); raw when absent */
    readonly rank?: number;
    readonly specific: number;
    /** false when the topic has defining words (TopicDocument.named) and the question has none */
    readonly named?: boolean;
    /** a way of doing procedures (TopicDocument.way), not a procedure */
    readonly way?: boolean;
  }[];
  /** the weighted share of the resident's meaningful words that the best topic contains (0..1) */
  readonly coverage: number;
  /** how many meaningful words (not stopwords) the question has */
  readonly words: number;
  /** in a message that tells a story first, how strongly its asking sentence alone points to the best (0..1) */
  readonly point?: number;
  /** how strongly that sentence alone points to a subject the bot does not handle (0..1) */
  readonly pointOutside?: number;
  /** the topic classifier's probability that the best in-scope topic is the one asked about (0..1) */
  readonly likely?: number;
  /** the classifier's probability that the question is about a subject the bot does not handle (0..1) */
  readonly likelyOutside?: number;
  /** in a message that tells a story first, its sentence that asks («?», «xin hỏi»…), if one does */
  readonly asking?: string;
  /** the topic the message asks for by one of its own phrases (TopicDocument.asks), whatever else it names */
  readonly asked?: string;
}

export type Decision = 'answer' | 'clarify' | 'unknown';

/** Where a topic stands in the search's order (BM25 alone when no classifier took part). */
export const rankOf = (t: { readonly raw: number; readonly rank?: number }): number => t.rank ?? t.raw;

const MAX_WORDS_SIGNAL = 60;
/**
 * A runner-up with its own evidence and at least this share of the best's BM25 score makes a question
 * back…
 */
const CLOSE_RATIO = 0.9;
/**
 * …unless the classifier ranks it under this share of the best (rank = BM25 × √probability). On the dev
 * sets: 0.2 answered 5 more short questions than none and no wrong one. Re-chosen with the chat set
 * (2026-12-03): 0.25 answers 14 more chat questions and one more English one, none wrong, and changes no
 * other set; 0.3 adds 3 wrong chat answers and a wrong letter, 0.4 and 0.5 more still.
 */
const CLOSE_RANK_RATIO = 0.25;
/**
 * …and unless its own specific evidence is under this share of the best's (a runner-up found mostly by
 * words many topics share). Dev: +0.4 points answered at the same errors, alike from 0.8 to 0.95; the
 * most cautious kept.
 */
const CLOSE_EVIDENCE_RATIO = 0.8;

/**
 * How the bot decides between answering, asking back and saying where to go (ARCHITECTURE §5): two
 * logistic models over a few signals of the search (see `features`), fitted on the dev question set by
 * scripts/calibrate.ts, which writes decision-model.ts.
 */
export interface DecisionModel {
  /** weights: the best in-scope topic is the right one */
  readonly right: readonly number[];
  /** weights: the question is not about any procedure the bot knows */
  readonly outside: readonly number[];
  /** answer outright at or above this chance of being right */
  readonly answerAt: number;
  /** …or at or above this one when the message tells a story and its asking sentence agrees (`isToldPlainly`) */
  readonly answerToldAt: number;
  /** below answerAt: say where to go (not a question back) at or above this chance of being outside */
  readonly outsideAt: number;
}

/**
 * The signals: the best in-scope topic's BM25 score, the runner-up's share of it, how much of the
 * question the best explains, its specific evidence and the runner-up's share of that, the question's
 * length (long stories are judged on their point), how strongly an out-of-scope subject matched, what the
 * asking sentence alone points to, the topic classifier's probabilities (the best topic; anything we do
 * not handle), and whether the best topic's defining words are missing.
 */
export function features(s: Scored): number[] | undefined {
  const inScope = s.topics.filter((t) => !isOutside(t.topic));
  const [first, second] = inScope;
  if (!first) return undefined;
  const outside = s.topics.find((t) => isOutside(t.topic));
  return [
    1,
    Math.log1p(first.raw),
    second ? second.raw / first.raw : 0,
    s.coverage,
    Math.log1p(first.specific),
    second && first.specific > 0 ? second.specific / first.specific : 0,
    // Past a few sentences, length says nothing more (a 10 KB message is read from its start).
    Math.log1p(Math.min(s.words, MAX_WORDS_SIGNAL)),
    s.topics[0] && isOutside(s.topics[0].topic) ? 1 : 0,
    outside && first.raw > 0 ? Math.min(3, outside.raw / first.raw) : 0,
    s.point ?? 1,
    s.pointOutside ?? 0,
    s.likely ?? 0,
    s.likelyOutside ?? 0,
    // the best topic has defining words and the question uses none of them
    first.named === false ? 1 : 0,
  ];
}

/** A story of at least this many meaningful words… */
const STORY_WORDS = 20;
/** …whose asking sentence alone finds the best topic with at least this share of its own best… */
const TOLD_AGREEMENT = 0.5;
/** …and a subject the bot does not handle with less than this share. */
export const TOLD_OUTSIDE = 0.3;

/**
 * A story whose asking sentence alone names the procedure the whole message found: a clerk reads the
 * story as background and answers the question. With a chance of being right of 0.55–0.71, such stories
 * were right 12 times, never wrong and 3 times about something we do not handle (dev questions, letters
 * and real dev questions together); all other messages there 17 right, 12 wrong, 11 not ours. So they
 * have their own threshold, chosen by scripts/calibrate.ts on the letters and real dev questions.
 */
export const isToldPlainly = (s: Scored): boolean =>
  s.point !== undefined &&
  s.words >= STORY_WORDS &&
  s.point >= TOLD_AGREEMENT &&
  (s.pointOutside ?? 0) < TOLD_OUTSIDE;

const logistic = (weights: readonly number[], x: readonly number[]): number =>
  1 / (1 + Math.exp(-x.reduce((sum, v, i) => sum + v * (weights[i] ?? 0), 0)));

/** The chance that the best in-scope topic is right, and that the question is outside the bot's topics. */
export function chances(s: Scored, model: DecisionModel): { right: number; outside: number } {
  const x = features(s);
  if (!x) return { right: 0, outside: 1 };
  return { right: logistic(model.right, x), outside: logistic(model.outside, x) };
}

/**
 * A subject the bot does not handle ranked this many times above every procedure (rank = BM25 ×
 * √probability) is what the question is about, whatever the model's chance says: «thanh toán tiền điện
 * online» (an example of the electricity subject, word for word) got a list of online-payment procedures.
 */
const OUTSIDE_FIRST_RATIO = 1.5;
/**
 * A way of doing procedures (online, by post) ranked above such a subject is only the manner asked about
 * («làm hộ chiếu online được không» got a list of online procedures with «Đăng ký kết hôn» in it), unless
 * the subject ranks under this share of it: then the way itself is the question («bưu tá gọi mà tôi không
 * có nhà»: 0.38). Dev: 13 more messages not ours told where to go (with their forms without diacritics),
 * none of ours; without the share, two questions about the post lost their options.
 */
const WAY_SHARE = 0.5;

/** Whether the question is more about a subject the bot does not handle than the model alone says. */
export function isOutsideFirst(s: Scored): boolean {
  const top = s.topics.find((t) => t.way !== true);
  if (!top || !isOutside(top.topic)) return false;
  if (s.topics.some((t) => t.way === true && rankOf(top) < rankOf(t) * WAY_SHARE)) return false;
  const first = s.topics.find((t) => !isOutside(t.topic) && t.way !== true);
  return !first || rankOf(top) >= rankOf(first) * OUTSIDE_FIRST_RATIO;
}

/** Whether the question is told where to go: the model's chance that it is not ours, or the ranking. */
export const isToldWhere = (s: Scored, p: { readonly outside: number }, model: DecisionModel): boolean =>
  p.outside >= model.outsideAt || isOutsideFirst(s);

export function decide(s: Scored, model: DecisionModel): Decision {
  const inScope = s.topics.filter((t) => !isOutside(t.topic));
  const first = inScope[0];
  // Only generic words in common (xin, giấy, đổi, mất…) is no evidence for an answer, nor an option.
  if (!first || !inScope.some((t) => t.specific > 0)) return 'unknown';
  const p = chances(s, model);
  // Any runner-up, not only the next in order: the classifier may rank a topic with less BM25 second.
  const close = inScope.some(
    (t) =>
      t !== first &&
      t.specific > first.specific * CLOSE_EVIDENCE_RATIO &&
      t.raw >= first.raw * CLOSE_RATIO &&
      rankOf(t) >= rankOf(first) * CLOSE_RANK_RATIO &&
      // a topic whose defining words the question lacks cannot be the answer, so it holds none back
      t.named !== false &&
      // «khai sinh online được không»: the way asked about does not hold back the procedure named
      !(t.way === true && first.way !== true),
  );
  const answerAt = isToldPlainly(s) ? Math.min(model.answerAt, model.answerToldAt) : model.answerAt;
  if (p.right >= answerAt && first.specific > 0 && !close && first.named !== false) return 'answer';
  if (isToldWhere(s, p, model)) return 'unknown';
  return 'clarify';
}
