import { readFileSync } from 'node:fs';
import { readQuestionSet } from '../../test/helpers/question-set';
import { type LoadResult, postLoad, reportLoad } from './load';
import { type ServerProcess, startServerProcess } from './server-process';
import { report, round } from './stats';

/**
 * The web chat over HTTP on loopback: `npm start`'s own code (src/main.ts, ROLE=web) in a child process,
 * loaded by autocannon (`connections` at once) with 100 onboarded visitors asking the dev questions. Rate limits are raised for
 * the run; everything else is as in production.
 */
export async function benchWebHttp(redisUrl: string, connections: number): Promise<void> {
  const server = await startWebServer(redisUrl);
  try {
    const cookies = await onboardVisitors(server.base, 100);
    const result = await loadWebMessages(server.base, cookies, connections);
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

/** src/main.ts with ROLE=web in a child process, rate limits raised for the run, a private prefix. */
export function startWebServer(redisUrl: string): Promise<ServerProcess> {
  return startServerProcess({
    ROLE: 'web',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench-web${Date.now()}:`,
    WEB_RATE_PER_VISITOR: '1000000',
    WEB_RATE_PER_IP: '1000000',
  });
}

/** `n` visitors who chose their hamlet ("start:thon-1"); returns their signed cookies. */
export async function onboardVisitors(base: string, n: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload: 'start:thon-1' }),
    });
    cookies.push((res.headers.get('set-cookie') ?? '').split(';')[0]!);
  }
  return cookies;
}

/** The web chat load: the dev questions as `{"text"}` bodies, visitor i % cookies.length, to `base`. */
export function loadWebMessages(
  base: string,
  cookies: readonly string[],
  connections: number,
): Promise<LoadResult> {
  const bodies = readQuestionSet('test/fixtures/questions.tsv').map((q) =>
    JSON.stringify({ text: q.question }),
  );
  return postLoad(`${base}/api/web/messages`, connections, (i) => ({
    headers: { 'content-type': 'application/json', cookie: cookies[i % cookies.length]! },
    body: bodies[i % bodies.length]!,
  }));
}

/** Resident set size of the server; tsx runs the app in the child it spawns, so take the largest. */
export function rssMb(pid: number | undefined): number {
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
