import { readFileSync } from 'node:fs';
import { readQuestionSet } from '../../test/helpers/question-set';
import { postLoad, reportLoad } from './load';
import { startServerProcess } from './server-process';
import { report, round } from './stats';

/**
 * The web chat over HTTP on loopback: `npm start`'s own code (src/main.ts, ROLE=web) in a child process,
 * loaded by autocannon (`connections` at once) with 100 onboarded visitors asking the dev questions. Rate limits are raised for
 * the run; everything else is as in production.
 */
export async function benchWebHttp(redisUrl: string, connections: number): Promise<void> {
  const server = await startServerProcess({
    ROLE: 'web',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench-web${Date.now()}:`,
    WEB_RATE_PER_VISITOR: '1000000',
    WEB_RATE_PER_IP: '1000000',
  });
  const base = server.base;
  try {
    const cookies: string[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${base}/api/web/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payload: 'start:thon-1' }),
      });
      cookies.push((res.headers.get('set-cookie') ?? '').split(';')[0]!);
    }
    const bodies = readQuestionSet('test/fixtures/questions.tsv').map((q) =>
      JSON.stringify({ text: q.question }),
    );
    const result = await postLoad(`${base}/api/web/messages`, connections, (i) => ({
      headers: { 'content-type': 'application/json', cookie: cookies[i % cookies.length]! },
      body: bodies[i % bodies.length]!,
    }));
    const rss = rssMb(server.child.pid);
    reportLoad('web-http', result, {
      connections,
      rateMetric: 'requests_per_second',
      unit: 'req/s',
      minRate: 1000,
      maxP99: 50,
    });
    report({ bench: 'web-http', metric: 'server_rss_mb', value: round(rss, 1), unit: 'MB' });
  } finally {
    await server.stop();
  }
}

/** Resident set size of the server; tsx runs the app in the child it spawns, so take the largest. */
function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const pids = [pid, ...childrenOf(pid)];
  return Math.max(
    ...pids.map((p) => {
      try {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : 0;
      } catch {
        return 0;
      }
    }),
  );
}

function childrenOf(pid: number): number[] {
  try {
    const direct = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return direct.flatMap((c) => [c, ...childrenOf(c)]);
  } catch {
    return [];
  }
}
