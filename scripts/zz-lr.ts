import { createAnswerEngine } from '../src/answer-engine';
import type { Scored } from '../src/language/confidence';
import { fold } from '../src/language/normalize';
import { readQuestionSet } from '../test/helpers/question-set';

const { matcher } = createAnswerEngine('content', 'locales');
const isOut = (t: string) => t.startsWith('~');
function feats(s: Scored, q: string): number[] {
  const t = s.topics;
  const a = t[0];
  if (!a) return [];
  const ins = t.filter((x) => !isOut(x.topic));
  const i1 = ins[0];
  const i2 = ins[1];
  const out = t.find((x) => isOut(x.topic));
  const r1 = i1?.raw ?? 0;
  const words = q.split(/\s+/).filter(Boolean).length;
  return [
    1,
    Math.log1p(r1),
    i2 ? i2.raw / r1 : 0,
    s.coverage,
    Math.log1p(i1?.specific ?? 0),
    i2 && i1 && i1.specific > 0 ? i2.specific / i1.specific : 0,
    Math.log1p(words),
    isOut(a.topic) ? 1 : 0,
    out && r1 > 0 ? Math.min(3, out.raw / r1) : 0,
  ];
}
type Row = { x: number[]; top?: string; accepted: string[]; opts: string[] };
function rows(file: string, bare = false): Row[] {
  return readQuestionSet(file).map((q) => {
    const text = bare ? fold(q.question) : q.question;
    const s = matcher.score(text);
    const ins = s.topics.filter((x) => !isOut(x.topic));
    return {
      x: feats(s, text),
      top: ins[0]?.topic,
      accepted: [...q.topics],
      opts: ins
        .filter((x) => x.specific > 0)
        .slice(0, 3)
        .map((x) => x.topic),
    };
  });
}
function train(data: { x: number[]; y: number }[], l2 = 0.01, iters = 4000, lr = 0.1): number[] {
  const d = data[0]!.x.length;
  const w = new Array(d).fill(0);
  for (let it = 0; it < iters; it++) {
    const g = new Array(d).fill(0);
    for (const { x, y } of data) {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * w[i], 0)));
      for (let i = 0; i < d; i++) g[i] += (p - y) * x[i]!;
    }
    for (let i = 0; i < d; i++) w[i] -= lr * (g[i] / data.length + (i ? l2 * w[i] : 0));
  }
  return w;
}
const P = (w: number[], x: number[]) => 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * w[i]!, 0)));
const dev = rows('test/fixtures/questions.tsv').filter((r) => r.x.length);
const wC = train(
  dev.map((r) => ({
    x: r.x,
    y: r.accepted.length > 0 && r.top !== undefined && r.accepted.includes(r.top) ? 1 : 0,
  })),
);
const wO = train(dev.map((r) => ({ x: r.x, y: r.accepted.length === 0 ? 1 : 0 })));
console.log('wC', wC.map((v) => v.toFixed(2)).join(' '), '\nwO', wO.map((v) => v.toFixed(2)).join(' '));
function evalSet(rs: Row[], ta: number, to: number) {
  let inS = 0,
    right = 0,
    wrong = 0,
    offered = 0,
    oos = 0,
    oosAns = 0,
    oosWhere = 0;
  for (const r of rs) {
    let d: 'answer' | 'clarify' | 'where' = 'clarify';
    if (!r.x.length) d = 'where';
    else if (P(wC, r.x) >= ta && r.top) d = 'answer';
    else if (P(wO, r.x) >= to || r.opts.length === 0) d = 'where';
    if (r.accepted.length === 0) {
      oos++;
      if (d === 'answer') oosAns++;
      if (d === 'where') oosWhere++;
      continue;
    }
    inS++;
    if (d === 'answer') {
      if (r.accepted.includes(r.top!)) right++;
      else wrong++;
    }
    if (
      (d === 'answer' && r.accepted.includes(r.top!)) ||
      (d === 'clarify' && r.opts.some((o) => r.accepted.includes(o)))
    )
      offered++;
  }
  const pc = (a: number, b: number) => ((100 * a) / Math.max(1, b)).toFixed(1);
  return `right ${pc(right, inS)} wrong ${pc(wrong, inS)} offered ${pc(offered, inS)} oosAns ${pc(oosAns, oos)} where ${pc(oosWhere, oos)}`;
}
const sets = ['questions', 'questions-blind', 'questions-real'].map(
  (f) => [f, rows(`test/fixtures/${f}.tsv`), rows(`test/fixtures/${f}.tsv`, true)] as const,
);
for (const ta of [0.5, 0.6, 0.7, 0.8])
  for (const to of [0.3, 0.5, 0.7]) {
    console.log(
      ta,
      to,
      sets
        .map(
          ([f, r, b]) =>
            `${f}: ${evalSet(r, ta, to)} | bare ${evalSet(b, ta, to).split(' ').slice(0, 2).join(' ')}`,
        )
        .join('\n   '),
    );
  }
