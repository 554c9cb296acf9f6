import type { IncomingMessage } from 'node:http';

export type Params = Record<string, unknown>;
export type ParamProblem = 'multipart' | 'json' | 'not-an-object';

/**
 * The parameters of a fake platform API request: query string, then a JSON or form body (as the real
 * Bot APIs accept). `fail` turns a problem into the fake's own 400 error.
 */
export async function readRequestParams(
  req: IncomingMessage,
  url: URL,
  fail: (problem: ParamProblem) => Error,
): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (body.trim() === '') return params;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) throw fail('multipart');
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw fail('json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw fail('not-an-object');
  return { ...params, ...(parsed as Params) };
}
