/**
 * Fits the decision model on the dev question set and writes src/language/decision-model.ts
 * (npx tsx scripts/calibrate.ts). Two logistic regressions over the search's signals (confidence.ts
 * `features`): "the best topic is right" and "the question is not ours"; then the two thresholds that
 * answer most questions right while answering few wrong and telling most out-of-scope questions where
 * to go; then a third for stories whose asking sentence names the procedure (confidence.ts
 * `isToldPlainly`), chosen on the long letters and the real dev questions. Only dev sets are used: the
 * blind and measured real-question sets stay held out. `--keep` keeps the model in use and chooses only
 * that third threshold.
 */
import { writeFileSync } from 'node:fs';
import { createAnswerEngine } from '../src/answer-engine';
import { loadConfig } from '../src/config';
import { type DecisionModel, decide, features, isOutside, type Scored } from '../src/language/confidence';
import { DECISION_MODEL } from '../src/language/decision-model';
import { readQuestionSet } from '../test/helpers/question-set';

const config = loadConfig();
const { matcher } = createAnswerEngine(config.contentDir, config.localesDir);
const set = readQuestionSet('test/fixtures/questions.tsv');
const rows = set
  .map((q) => ({ q, scored: matcher.score(q.question) }))
  .map((r) => ({ ...r, x: features(r.scored) }))
  .filter((r): r is typeof r & { x: number[] } => r.x !== undefined);

// The long letters (a dev set too) are not fitted on; they bound the thresholds. How many of their
// in-scope questions are sent elsewhere: fitted on short questions alone, a refit after 160 sample
// questions were added (tried, not kept) sent 9 of 164 letters (and 14 of the 124 real in-scope questions)
// elsewhere instead of 7 (and 9); a story mostly about something else reads "not ours" more easily than a
// short question.
const letterRows = readQuestionSet('test/fixtures/questions-long.tsv').map((q) => ({
  q,
  scored: matcher.score(q.question),
}));
const LETTERS_LOST = 0.05;
// …and how many they answer wrong, as their floor in question-set.test.ts does: one more example for an
// out-of-scope subject let the short questions alone choose a threshold (0.68; 0.71 with this bound) that
// answered a seventh letter wrong.
const LETTERS_WRONG = 0.04;
// …and how many of their out-of-scope stories (an inheritance dispute, a deposit not returned) get a
// procedure's answer: after a ranking change tried and not kept (leaning on what the asking sentence
// alone finds), the short questions alone chose 0.69, which answered 8 of the 68 such letters.
const LETTERS_OOS_ANSWERED = 0.1;

// Real questions collected for development (questions-real-dev.tsv, never the measured real sets): with the
// letters, they choose the threshold for stories whose asking sentence names the procedure (answerToldAt).
const realDevRows = readQuestionSet('test/fixtures/questions-real-dev.tsv').map((q) => ({
  q,
  scored: matcher.score(q.question),
}));
const REAL_DEV_WRONG = 0.04;

const firstInScope = (s: Scored) => s.topics.find((t) => !isOutside(t.topic))?.topic;

/** Full-batch gradient descent with a little L2 (not on the bias): deterministic, no dependency. */
function fitLogistic(
  data: readonly { x: readonly number[]; y: number }[],
  iterations = 4000,
  rate = 0.1,
  l2 = 0.01,
) {
  const d = data[0]?.x.length ?? 0;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    for (const { x, y } of data) {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * (w[i] ?? 0), 0)));
      for (let i = 0; i < d; i++) g[i] = (g[i] ?? 0) + (p - y) * (x[i] ?? 0);
    }
    for (let i = 0; i < d; i++)
      w[i] = (w[i] ?? 0) - rate * ((g[i] ?? 0) / data.length + (i > 0 ? l2 * (w[i] ?? 0) : 0));
  }
  return w.map((v) => Math.round(v * 1000) / 1000);
}

const right = fitLogistic(
  rows.map((r) => ({ x: r.x, y: r.q.topics.includes(firstInScope(r.scored) ?? '') ? 1 : 0 })),
);
const outside = fitLogistic(rows.map((r) => ({ x: r.x, y: r.q.topics.length === 0 ? 1 : 0 })));

/** What a model does with a set: its in-scope questions answered right, wrong or sent elsewhere, its
 * out-of-scope ones answered or told where to go (shares of each). */
function tally(set: readonly { q: { topics: readonly string[] }; scored: Scored }[], model: DecisionModel) {
  let inScope = 0;
  let right = 0;
  let wrong = 0;
  let lost = 0;
  let oos = 0;
  let oosAnswered = 0;
  let oosWhere = 0;
  for (const { q, scored } of set) {
    const d = decide(scored, model);
    if (q.topics.length === 0) {
      oos++;
      if (d === 'answer') oosAnswered++;
      if (d === 'unknown') oosWhere++;
      continue;
    }
    inScope++;
    if (d === 'unknown') lost++;
    if (d === 'answer') {
      if (q.topics.includes(firstInScope(scored) ?? '')) right++;
      else wrong++;
    }
  }
  return {
    right: right / inScope,
    wrong: wrong / inScope,
    lost: lost / inScope,
    oosAnswered: oosAnswered / oos,
    where: oosWhere / oos,
  };
}

function measure(model: DecisionModel) {
  const short = tally(rows, model);
  const long = tally(letterRows, model);
  const realDev = tally(realDevRows, model);
  return {
    lettersRight: long.right,
    realDevRight: realDev.right,
    realDevWrong: realDev.wrong,
    realDevOosAnswered: realDev.oosAnswered,
    lettersLost: long.lost,
    lettersWrong: long.wrong,
    lettersOosAnswered: long.oosAnswered,
    ...short,
  };
}

// lost ≤ 1 % (was 2 %): with 2 % the refit on the long dev questions sent 27 of the 124 in-scope real
// questions elsewhere (story-like messages explain little of themselves and look "not ours"); a
// question back at least offers the right topic most of the time.
const LIMITS = { wrong: 0.02, oosAnswered: 0.02, lost: 0.01 };

/** The bounds on harm every choice keeps (see LIMITS and the letters' bounds above). */
const withinBounds = (m: ReturnType<typeof measure>): boolean =>
  m.wrong <= LIMITS.wrong &&
  m.oosAnswered <= LIMITS.oosAnswered &&
  m.lost <= LIMITS.lost &&
  m.lettersLost <= LETTERS_LOST &&
  m.lettersWrong <= LETTERS_WRONG &&
  m.lettersOosAnswered <= LETTERS_OOS_ANSWERED;

let best: { model: DecisionModel; score: number; m: ReturnType<typeof measure> } | undefined;
for (let answerAt = 0.5; answerAt <= 0.9; answerAt += 0.01) {
  // From the highest: where the dev set cannot tell two thresholds apart, take the one that sends fewer
  // questions elsewhere (a resident sent away loses an answer we had).
  for (let outsideAt = 0.8; outsideAt >= 0.2 - 1e-9; outsideAt -= 0.05) {
    const model = {
      right,
      outside,
      answerAt: Math.round(answerAt * 100) / 100,
      answerToldAt: 1,
      outsideAt: Math.round(outsideAt * 100) / 100,
    };
    const m = measure(model);
    // As many answered right as possible, within bounds on the harm: few confident wrong answers, few
    // out-of-scope questions answered, few questions of ours sent elsewhere (the resident would lose the
    // answer we had); then as many out-of-scope questions as possible told where to go.
    const score = (withinBounds(m) ? 10 : 0) + m.right + 0.1 * m.where;
    if (!best || score > best.score) best = { model, score, m };
  }
}
if (!best) throw new Error('nothing to calibrate');
// --keep: the model in use stays as it is and only answerToldAt is chosen (a refit also moves the other
// thresholds, which is a decision of its own).
if (process.argv.includes('--keep')) {
  const model = { ...DECISION_MODEL, answerToldAt: 1 };
  best = { model, score: 0, m: measure(model) };
}

// Then the threshold for plainly told stories (confidence.ts isToldPlainly), from answerAt down: the most
// letters and real dev questions answered right within every bound above, and without one more wrong
// answer or out-of-scope story answered than the usual threshold gives (the rule's premise is that such
// stories are right: 0.55 answered two more letters, and a land-compensation complaint meant for a
// lawyer); where two thresholds answer as many, the higher.
const chosen = best;
for (let toldAt = chosen.model.answerAt; toldAt >= 0.5 - 1e-9; toldAt -= 0.01) {
  const model = { ...chosen.model, answerToldAt: Math.round(toldAt * 100) / 100 };
  const m = measure(model);
  const harmless =
    withinBounds(m) &&
    m.realDevWrong <= REAL_DEV_WRONG &&
    m.lettersWrong <= chosen.m.lettersWrong &&
    m.lettersOosAnswered <= chosen.m.lettersOosAnswered &&
    m.realDevWrong <= chosen.m.realDevWrong &&
    m.realDevOosAnswered <= chosen.m.realDevOosAnswered;
  const gain = m.lettersRight + m.realDevRight;
  if (harmless && gain > best.m.lettersRight + best.m.realDevRight) best = { model, score: best.score, m };
}
console.log(JSON.stringify(best.m), JSON.stringify(best.model));
if (process.argv.includes('--write')) {
  writeFileSync(
    'src/language/decision-model.ts',
    `import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = ${JSON.stringify(best.model, null, 2).replace(/"(\w+)":/g, '$1:')};
`,
  );
}
if (process.argv.includes('--table')) {
  for (const answerAt of [0.6, 0.7, 0.8]) {
    for (const outsideAt of [0.2, 0.4, 0.6, 0.8, 0.95]) {
      const m = measure({ right, outside, answerAt, answerToldAt: answerAt, outsideAt });
      console.log(
        answerAt,
        outsideAt,
        Object.entries(m)
          .map(([k, v]) => `${k} ${(100 * v).toFixed(1)}`)
          .join(' '),
      );
    }
  }
}
