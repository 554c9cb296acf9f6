import { isIP } from 'node:net';

/** Why a webhook address cannot work on Zalo; checked before Zalo is called. */
export type WebhookUrlProblem =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'not-https'; readonly protocol: string }
  | { readonly kind: 'private'; readonly host: string };

/** 32-bit value of a dotted IPv4 address (isIP already said it is one). */
function ipv4(host: string): number {
  return host.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const V4_BLOCKED: readonly (readonly [base: string, bits: number])[] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
];

function privateV4(host: string): boolean {
  const ip = ipv4(host);
  return V4_BLOCKED.some(
    ([base, bits]) => Math.floor(ip / 2 ** (32 - bits)) === Math.floor(ipv4(base) / 2 ** (32 - bits)),
  );
}

/** ::1, ::, fc00::/7 (unique local), fe80::/10 (link-local) and IPv4-mapped private addresses. */
function privateV6(host: string): boolean {
  const h = host.toLowerCase();
  // The URL parser writes ::ffff:192.168.0.1 as ::ffff:c0a8:1.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (mapped) {
    const [hi, lo] = [Number.parseInt(mapped[1] ?? '0', 16), Number.parseInt(mapped[2] ?? '0', 16)];
    return privateV4([hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'));
  }
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (dotted?.[1]) return privateV4(dotted[1]);
  if (h === '::1' || h === '::') return true;
  const first = Number.parseInt(h.split(':')[0] || '0', 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/**
 * Zalo refuses localhost and private addresses (`webhook.err.blocked`) and wants HTTPS (reference,
 * «Checked against public sources, December 2026»). Refused here: loopback, private and link-local
 * ranges, `localhost`, `*.local`, and a bare name without a dot (an intranet name no one outside can
 * reach). A public name that resolves to a private address is not caught here: Zalo's probe will say so.
 */
export function webhookUrlProblem(url: string): WebhookUrlProblem | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'invalid' };
  }
  if (parsed.protocol !== 'https:') return { kind: 'not-https', protocol: parsed.protocol };
  const host = parsed.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  const version = isIP(host);
  const blocked =
    version === 4
      ? privateV4(host)
      : version === 6
        ? privateV6(host)
        : host === 'localhost' ||
          host.endsWith('.localhost') ||
          host.endsWith('.local') ||
          !host.includes('.');
  return blocked ? { kind: 'private', host } : undefined;
}
