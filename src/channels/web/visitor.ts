import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An anonymous web visitor: a random id in a signed, expiring token. The same token travels in an
 * HTTP-only cookie and in the X-Visitor-Token header, because a chat embedded on another site may not
 * get its (third-party) cookie: the page keeps the token itself and sends it with every message.
 */
export const VISITOR_COOKIE = 'dvc_visitor';
export const VISITOR_HEADER = 'x-visitor-token';
export const VISITOR_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const MAX_TOKEN_LENGTH = 200;
/** A visitor id: random, URL-safe base64. */
export const VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/;

const sign = (secret: string, body: string): string =>
  createHmac('sha256', secret).update(body).digest('base64url');

export function newVisitorId(): string {
  return randomBytes(16).toString('base64url');
}

/** `<id>.<issued, unix seconds>.<HMAC>`: only characters that are safe in a cookie and a header. */
export function visitorToken(secret: string, id: string, issuedAt: number): string {
  const body = `${id}.${Math.floor(issuedAt / 1000)}`;
  return `${body}.${sign(secret, body)}`;
}

/** The visitor id of a valid token; undefined for a missing, forged or expired one (a new visitor). */
export function readVisitorToken(secret: string, value: string | undefined, now: number): string | undefined {
  if (!value || value.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = value.split('.');
  if (parts.length !== 3) return undefined;
  const [id, issued, signature] = parts as [string, string, string];
  if (!VISITOR_ID.test(id) || !/^\d{1,12}$/.test(issued)) return undefined;
  const expected = Buffer.from(sign(secret, `${id}.${issued}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const age = now / 1000 - Number(issued);
  if (age < 0 || age > VISITOR_MAX_AGE_SECONDS) return undefined;
  return id;
}

/**
 * The visitor of the first valid token among those a request carries (the header's, then the
 * cookie's), with that token; undefined when none is valid.
 */
export function knownVisitor(
  secret: string,
  tokens: readonly (string | undefined)[],
  now: number,
): { id: string; token: string } | undefined {
  for (const token of tokens) {
    const id = readVisitorToken(secret, token, now);
    if (id && token) return { id, token };
  }
  return undefined;
}
