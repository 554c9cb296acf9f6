import autocannon from 'autocannon';
import { report } from './stats';

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
  readonly total: number;
}

/** POSTs to `url` for `durationS` seconds from `connections` connections; request i gets `request(i)`. */
export async function postLoad(
  url: string,
  connections: number,
  request: (i: number) => { headers: Record<string, string>; body: string },
  durationS = 15,
): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: durationS,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...request(i++) }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
    total: result.requests.total,
  };
}

/** One JSON line per figure, with the targets of the issue: at least `minRate`/s, p99 at most `maxP99` ms. */
export function reportLoad(
  bench: string,
  r: LoadResult,
  o: { connections: number; rateMetric: string; unit: string; minRate: number; maxP99: number },
): void {
  report({ bench, metric: 'connections', value: o.connections, unit: 'connections' });
  report({
    bench,
    metric: o.rateMetric,
    value: Math.round(r.requestsPerSecond),
    unit: o.unit,
    target: `>= ${o.minRate}`,
    ok: r.requestsPerSecond >= o.minRate,
  });
  report({ bench, metric: 'latency_p50_ms', value: r.p50, unit: 'ms' });
  report({
    bench,
    metric: 'latency_p99_ms',
    value: r.p99,
    unit: 'ms',
    target: `<= ${o.maxP99}`,
    ok: r.p99 <= o.maxP99,
  });
  report({ bench, metric: 'non_2xx_or_errors', value: r.failures, unit: 'responses', ok: r.failures === 0 });
}
