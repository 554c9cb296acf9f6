/**
 * Searches the confidence ladder's numbers on the dev question set (npx tsx scripts/calibrate.ts).
 * Goal: answer as many in-scope questions outright and right as possible while keeping top-1 and
 * out-of-scope rejection above the floors of test/unit/question-set.test.ts, with a safety margin.
 */
import { createAnswerEngine } from '../src/answer-engine';
import { loadConfig } from '../src/config';
import { decide, makeLadder, type Scored } from '../src/language/confidence';
import { fold } from '../src/language/normalize';
import { readQuestionSet } from '../test/helpers/question-set';

const config = loadConfig();
const { matcher } = createAnswerEngine(config.contentDir, config.localesDir);
const set = readQuestionSet('test/fixtures/questions.tsv');
const rows = set.map((q) => ({
  q,
  scored: matcher.score(q.question),
  bare: matcher.score(fold(q.question)),
}));

interface Result {
  p: Parameters<typeof makeLadder>[0];
  top1: number;
  bare: number;
  oos: number;
  direct: number;
  wrongDirect: number;
}

const inScope = rows.filter((r) => r.q.topics.length > 0);
const outOfScope = rows.filter((r) => r.q.topics.length === 0);
const right = (scored: Scored, accepted: readonly string[], d: string): boolean =>
  d !== 'unknown' && scored.topics[0] !== undefined && accepted.includes(scored.topics[0].topic);

const results: Result[] = [];
for (const scale of [2, 4, 8, 16, 32])
  for (const coveragePower of [1, 1.5, 2, 3])
    for (const answerAt of [0.3, 0.4, 0.5, 0.6, 0.7])
      for (const clarifyAt of [0.1, 0.15, 0.2, 0.25, 0.3])
        for (const closeRatio of [0.7, 0.8, 0.85, 0.9, 0.95]) {
          if (clarifyAt > answerAt) continue;
          const p = { scale, coveragePower, answerAt, clarifyAt, closeRatio };
          const ladder = makeLadder(p);
          let top1 = 0;
          let bare = 0;
          let direct = 0;
          let wrongDirect = 0;
          for (const r of inScope) {
            const d = decide(r.scored, ladder);
            if (right(r.scored, r.q.topics, d)) top1++;
            if (right(r.bare, r.q.topics, decide(r.bare, ladder))) bare++;
            if (d === 'answer') {
              if (r.q.topics.includes(r.scored.topics[0]!.topic)) direct++;
              else wrongDirect++;
            }
          }
          const oos = outOfScope.filter((r) => decide(r.scored, ladder) !== 'answer').length;
          const n = inScope.length;
          results.push({
            p,
            top1: top1 / n,
            bare: bare / n,
            oos: oos / outOfScope.length,
            direct: direct / n,
            wrongDirect: wrongDirect / n,
          });
        }

const ok = results.filter((r) => r.top1 >= 0.92 && r.bare >= 0.9 && r.oos >= 0.9);
const best = (ok.length > 0 ? ok : results)
  .sort((a, b) => b.direct - b.wrongDirect * 2 - (a.direct - a.wrongDirect * 2))
  .slice(0, 10);
for (const r of best) console.log(JSON.stringify(r));
if (ok.length === 0) console.log('no setting meets the floors with margin');
