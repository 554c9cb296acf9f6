/**
 * The fake Zalo server's webhook probe (setWebhook and testWebhook), after the reference's «Checked
 * against public sources, December 2026»: Zalo saves the URL, POSTs to it at once, and reports
 * `verification: {ok, outcome, status_code, latency_ms, hint}`; localhost and private addresses are
 * refused (`webhook.err.blocked`). Outcome names are those one SDK documents (webhook.ok,
 * webhook.http.403|404|5xx|other, webhook.err.timeout|conn|dns|blocked|other).
 *
 * UNDOCUMENTED, so chosen here: the probe's body (`{}`, with the secret header), the time limit (an
 * option, 5 s by default), the hints' wording (English, made up), `status_code: null` when nothing
 * answered. The fake never leaves this machine: a public host is probed only through `route` (a test
 * maps it to a local receiver); without one it fails as an unresolvable name would (webhook.err.dns).
 * The fake speaks plain HTTP: an https URL of a private host that a test allowed is probed over http.
 *
 * Written apart from the bot's own address check (src/channels/zalo/webhook-url.ts) on purpose.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ZaloVerification {
  ok: boolean;
  outcome: string;
  status_code: number | null;
  latency_ms: number;
  hint: string;
}

export interface ZaloProbeOptions {
  /** probe localhost and private addresses instead of refusing them as Zalo does (local test receivers) */
  allowPrivateHosts?: boolean;
  /** where the probe really goes for a registered URL (e.g. a local http receiver behind a public name) */
  route?: (url: string) => string | undefined;
  /** Zalo's time limit is unpublished; default 5000 ms */
  timeoutMs?: number;
}

const HINTS: Record<string, string> = {
  'webhook.ok': 'Webhook responded successfully',
  'webhook.http.403': 'Webhook rejected the request with 403 (firewall, WAF or CDN?)',
  'webhook.http.404': 'Webhook returned 404: is the endpoint deployed?',
  'webhook.http.5xx': 'Webhook returned a server error',
  'webhook.http.other': 'Webhook returned a non-2xx status',
  'webhook.err.timeout': 'Webhook did not respond in time',
  'webhook.err.conn': 'Could not connect to the webhook',
  'webhook.err.dns': 'Could not resolve the webhook host',
  'webhook.err.blocked': 'The URL points to a blocked address (localhost, internal IP or a Zalo domain)',
  'webhook.err.other': 'Unknown error',
};

const verdict = (outcome: string, status: number | null, latency: number): ZaloVerification => ({
  ok: outcome === 'webhook.ok',
  outcome,
  status_code: status,
  latency_ms: latency,
  hint: HINTS[outcome] ?? 'Unknown error',
});

function octets(host: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m ? m.slice(1).map(Number) : undefined;
}

/** localhost, loopback, private and link-local ranges, .local names and Zalo's own domains. */
export function blockedProbeHost(hostname: string): boolean {
  let host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // an IPv4-mapped address, as the URL parser writes it (::ffff:c0a8:1)
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (hex) {
    const [hi, lo] = [Number.parseInt(hex[1] ?? '0', 16), Number.parseInt(hex[2] ?? '0', 16)];
    host = [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  const v4 = octets(host.replace(/^::ffff:/, ''));
  if (v4) {
    const [a = 0, b = 0] = v4;
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  if (host.includes(':'))
    return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  return (
    host === 'localhost' ||
    /\.(localhost|local)$/.test(host) ||
    /(^|\.)(zalo\.me|zaloplatforms\.com|zapps\.me)$/.test(host)
  );
}

/** POSTs `{}` with the secret header to the webhook and classifies the answer as Zalo reports it. */
export function probeWebhook(
  url: string,
  secret: string,
  opts: ZaloProbeOptions = {},
): Promise<ZaloVerification> {
  const registered = new URL(url);
  if (blockedProbeHost(registered.hostname) && !opts.allowPrivateHosts) {
    return Promise.resolve(verdict('webhook.err.blocked', null, 0));
  }
  const routed = opts.route?.(url);
  if (routed === undefined && !blockedProbeHost(registered.hostname)) {
    return Promise.resolve(verdict('webhook.err.dns', null, 0));
  }
  const target = new URL(routed ?? url);
  if (target.protocol === 'https:') target.protocol = 'http:';
  const timeoutMs = opts.timeoutMs ?? 5000;
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const body = '{}';
  return new Promise((resolve) => {
    const req = httpRequest(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'fake-zalo-bot-platform',
          'X-Bot-Api-Secret-Token': secret,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        const outcome =
          status >= 200 && status < 300
            ? 'webhook.ok'
            : status === 403 || status === 404
              ? `webhook.http.${status}`
              : status >= 500
                ? 'webhook.http.5xx'
                : 'webhook.http.other';
        resolve(verdict(outcome, status, elapsed()));
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve(verdict('webhook.err.timeout', null, elapsed()));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const outcome =
        err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET' ? 'webhook.err.conn' : 'webhook.err.other';
      resolve(verdict(outcome, null, elapsed()));
    });
    req.end(body);
  });
}

export interface ProbeTarget {
  /** http://127.0.0.1:<port>/webhooks/zalo */
  url: string;
  /** what arrived, in order */
  received: { headers: IncomingHttpHeaders; body: string }[];
  /** the status to answer from now on, or 'hang' to never answer */
  answer(with_: number | 'hang'): void;
  close(): Promise<void>;
}

/** A local stand-in for the bot's public webhook, for tests that route Zalo's probe to it. */
export async function startProbeTarget(initial: number | 'hang' = 200): Promise<ProbeTarget> {
  let behaviour = initial;
  const received: ProbeTarget['received'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (behaviour === 'hang') return;
      res.writeHead(behaviour, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/zalo`,
    received,
    answer(with_) {
      behaviour = with_;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
