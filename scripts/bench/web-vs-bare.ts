import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { childEnvironment } from '../../src/config';
import type { LoadResult } from './load';
import { report, round } from './stats';
import { loadWebMessages, onboardVisitors, rssMb, startWebServer } from './web-http';

/**
 * The web message path next to a bare Fastify app, in one run on one machine: (a) `npm start`'s code
 * (ROLE=web) in a child process, as in web-http; (b) a Fastify app in a child process with one POST route
 * that answers a constant small JSON. Both get the same load: the same cookies and dev-question bodies,
 * the same autocannon settings and connections. The ratio web/bare is the share of the bare framework's
 * throughput that the bot keeps.
 */
export async function benchWebVsBare(redisUrl: string, connections: number): Promise<void> {
  const bench = 'web-vs-bare';
  const web = await startWebServer(redisUrl);
  let cookies: string[];
  let webResult: LoadResult;
  let webRss: number;
  try {
    cookies = await onboardVisitors(web.base, 100);
    webResult = await loadWebMessages(web.base, cookies, connections);
    webRss = rssMb(web.child.pid);
  } finally {
    await web.stop();
  }
  const bare = await startBareProcess();
  let bareResult: LoadResult;
  let bareRss: number;
  try {
    bareResult = await loadWebMessages(bare.base, cookies, connections);
    bareRss = rssMb(bare.pid);
  } finally {
    await bare.stop();
  }
  report({ bench, metric: 'connections', value: connections, unit: 'connections' });
  for (const [side, r, rss] of [
    ['web', webResult, webRss],
    ['bare', bareResult, bareRss],
  ] as const) {
    report({
      bench,
      metric: `${side}_requests_per_second`,
      value: Math.round(r.requestsPerSecond),
      unit: 'req/s',
    });
    report({ bench, metric: `${side}_latency_p50_ms`, value: r.p50, unit: 'ms' });
    report({ bench, metric: `${side}_latency_p99_ms`, value: r.p99, unit: 'ms' });
    report({
      bench,
      metric: `${side}_non_2xx_or_errors`,
      value: r.failures,
      unit: 'responses',
      ok: r.failures === 0,
    });
    report({ bench, metric: `${side}_server_rss_mb`, value: round(rss, 1), unit: 'MB' });
  }
  report({
    bench,
    metric: 'web_over_bare_requests_per_second',
    value: round((100 * webResult.requestsPerSecond) / bareResult.requestsPerSecond, 1),
    unit: '%',
  });
}

/** This file run with `--bare-server`, under tsx like the web server, in a child process. */
async function startBareProcess(): Promise<{
  base: string;
  pid: number | undefined;
  stop: () => Promise<void>;
}> {
  const child = spawn(
    join('node_modules', '.bin', 'tsx'),
    [fileURLToPath(import.meta.url), '--bare-server'],
    {
      env: childEnvironment({ NODE_ENV: 'production' }),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!.trim());
    });
    child.once('exit', (code) => reject(new Error(`bare Fastify process exited (${code})`)));
  });
  return { base, pid: child.pid, stop };
}

/** The bare app: Fastify's defaults (JSON body parsing), no logger, one route, a constant reply. */
async function serveBare(): Promise<void> {
  const app = Fastify();
  const answer = { replies: [{ text: 'ok' }] };
  app.post('/api/web/messages', async () => answer);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${url}\n`);
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

if (process.argv.includes('--bare-server')) await serveBare();
