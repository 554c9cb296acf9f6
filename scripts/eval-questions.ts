/** Prints the matcher's accuracy on the dev question set, and its misses (npx tsx scripts/eval-questions.ts). */
import { createAnswerEngine } from '../src/answer-engine';
import { loadConfig } from '../src/config';
import { readQuestionSet, score } from '../test/helpers/question-set';

const config = loadConfig();
const { matcher } = createAnswerEngine(config.contentDir, config.localesDir);
const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'test/fixtures/questions.tsv';
const set = readQuestionSet(file);
console.log(file);
const s = score(matcher, set);
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;
console.log(`in-scope top-1      ${pct(s.inScopeCorrect, s.inScope)} (${s.inScopeCorrect}/${s.inScope})`);
console.log(`without diacritics  ${pct(s.strippedCorrect, s.inScope)}`);
console.log(
  `out-of-scope kept   ${pct(s.outOfScopeRejected, s.outOfScope)} (${s.outOfScopeRejected}/${s.outOfScope})`,
);
console.log(`answered outright   ${pct(s.answeredRight, s.inScope)}`);
console.log(`confidently wrong   ${pct(s.answeredWrong, s.inScope)} (${s.answeredWrong})`);
console.log(`answered or offered ${pct(s.offered, s.inScope)}`);
console.log(`out-of-scope said so  ${pct(s.outOfScopeUnknown, s.outOfScope)} (the rest got "Ý bạn là…?")`);
if (process.argv.includes('--misses')) {
  for (const m of s.misses) {
    const c = m.got.candidates
      .slice(0, 3)
      .map((x) => `${x.topic}:${x.score}`)
      .join(' ');
    console.log(`${m.expected.padEnd(24)} ${m.got.decision.padEnd(8)} ${c.padEnd(60)} ${m.question}`);
  }
}
