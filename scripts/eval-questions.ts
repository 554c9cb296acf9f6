/** Prints the matcher's accuracy on the dev question set, and its misses (npx tsx scripts/eval-questions.ts). */
import { createAnswerEngine } from '../src/answer-engine';
import { loadConfig } from '../src/config';
import { FEATURES } from '../src/features';
import { FeatureRegistry } from '../src/features/registry';
import { readQuestionSet, score } from '../test/helpers/question-set';

const config = loadConfig();
const { matcher, qa } = createAnswerEngine(config.contentDir, config.localesDir);
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
// What the conversation makes of the same first messages: a command of a feature that carries out one
// topic is claimed first («nhắc tôi…» opens the reminder form; «tra cứu…» without a postal code falls
// back to the question, so it is not counted as claimed), then a procedure named with a way of doing
// it gets that procedure's section instead of the general how-to (question-answering.ts). Scams and
// greetings are decided before this and are not counted here.
const registry = new FeatureRegistry(FEATURES);
const claimedBy = (text: string): string | undefined => {
  const command = registry.command(text);
  const feature = command ? FEATURES.find((f) => f.commands?.includes(command)) : undefined;
  const carried = Object.keys(feature?.actions ?? {});
  return carried.length === 1 ? carried[0] : undefined;
};
const inScope = set.filter((q) => q.topics.length > 0);
// A procedure's «Qua bưu điện» or «Nộp trực tuyến» section answers a question about that way of doing it.
const WAY_TOPIC: Record<string, string> = { 'buu-dien': 'buu-chinh', 'truc-tuyen': 'nop-truc-tuyen' };
const asAnswered = inScope.map((q) => {
  const claimed = claimedBy(q.question);
  if (claimed) return q.topics.includes(claimed) ? 'right' : 'wrong';
  const d = qa.decide(q.question);
  if (d.kind !== 'answer') return 'held';
  const way = d.section ? WAY_TOPIC[d.section] : undefined;
  const right = q.topics.includes(d.topic.id) || (way !== undefined && q.topics.includes(way));
  if (process.argv.includes('--misses')) {
    const m = matcher.match(q.question);
    if (right !== (m.decision === 'answer' && q.topics.includes(m.topic)))
      console.log(
        `conversation ${right ? 'right' : 'WRONG'}: ${d.topic.id}${d.section ? `/${d.section}` : ''} (matcher: ${m.decision} ${m.topic}) | ${q.topics.join(',')} | ${q.question}`,
      );
  }
  return right ? 'right' : 'wrong';
});
const count = (k: string) => asAnswered.filter((a) => a === k).length;
console.log(
  `as the conversation answers: right ${pct(count('right'), inScope.length)}, wrong ${pct(count('wrong'), inScope.length)} (${count('wrong')})`,
);
if (process.argv.includes('--misses')) {
  for (const m of s.misses) {
    const c = m.got.candidates
      .slice(0, 3)
      .map((x) => `${x.topic}:${x.score}`)
      .join(' ');
    console.log(`${m.expected.padEnd(24)} ${m.got.decision.padEnd(8)} ${c.padEnd(60)} ${m.question}`);
  }
}
