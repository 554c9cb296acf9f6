import { timingSafeEqual } from 'node:crypto';

/** Compares a webhook's secret header with ours in constant time (ARCHITECTURE §7). */
export function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
