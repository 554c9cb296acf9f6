import { performance } from 'node:perf_hooks';
import { createAnswerEngine } from '../../src/answer-engine';
import { loadContent } from '../../src/knowledge/load';
import { matchDocuments } from '../../src/knowledge/match-documents';
import { compileLexicon } from '../../src/language/lexicon';
import { buildMatcher } from '../../src/language/matcher';
import { readQuestionSet } from '../../test/helpers/question-set';
import { gc, percentile, report, round } from './stats';

/** Matcher: index build time, questions/s in batch on one core, latency per question, heap used. */
export function benchMatcher(contentDir: string, localesDir: string): void {
  const { kb, lexicon } = loadContent(contentDir);
  const documents = matchDocuments(kb);
  const compiled = compileLexicon(lexicon);

  const builds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    buildMatcher(documents, compiled);
    builds.push(performance.now() - t0);
  }
  builds.sort((a, b) => a - b);
  const buildMs = percentile(builds, 50);
  report({
    bench: 'matcher',
    metric: 'index_build_ms_p50',
    value: round(buildMs, 1),
    unit: 'ms',
    target: '<= 300',
    ok: buildMs <= 300,
  });
  report({ bench: 'matcher', metric: 'index_documents', value: documents.length, unit: 'documents' });

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const engine = createAnswerEngine(contentDir, localesDir);
  gc();
  const heapEngine = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const questions = [
    ...readQuestionSet('test/fixtures/questions.tsv'),
    ...readQuestionSet('test/fixtures/questions-blind.tsv'),
  ].map((q) => q.question);
  for (const q of questions) engine.matcher.match(q); // warm up the JIT

  // Batch throughput: as many passes over the question sets as fit in about three seconds.
  let answered = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < 3000) {
    for (const q of questions) engine.matcher.match(q);
    answered += questions.length;
  }
  const qps = answered / ((performance.now() - t0) / 1000);
  report({
    bench: 'matcher',
    metric: 'questions_per_second',
    value: Math.round(qps),
    unit: 'q/s',
    target: '>= 5000',
    ok: qps >= 5000,
  });
  // Per second of CPU time: one core's work, whatever else this shared machine is doing meanwhile.
  const cpu = process.cpuUsage(cpu0);
  const cpuQps = answered / ((cpu.user + cpu.system) / 1e6);
  report({ bench: 'matcher', metric: 'questions_per_cpu_second', value: Math.round(cpuQps), unit: 'q/s' });

  const latencies: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const q of questions) {
      const s = performance.now();
      engine.matcher.match(q);
      latencies.push(performance.now() - s);
    }
  }
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  report({ bench: 'matcher', metric: 'latency_p50_ms', value: round(percentile(latencies, 50)), unit: 'ms' });
  report({
    bench: 'matcher',
    metric: 'latency_p99_ms',
    value: round(p99),
    unit: 'ms',
    target: '<= 2',
    ok: p99 <= 2,
  });

  gc();
  const heapUsed = process.memoryUsage().heapUsed / 2 ** 20;
  report({ bench: 'matcher', metric: 'engine_heap_mb', value: round(heapEngine, 1), unit: 'MB' });
  report({
    bench: 'matcher',
    metric: 'process_heap_used_mb',
    value: round(heapUsed, 1),
    unit: 'MB',
    target: '<= 60',
    ok: heapUsed <= 60,
  });
}
