import type { Session, UserProfile } from './state';
import type { UserRef } from './user';

export type { FlowState, Session, UserProfile } from './state';

/** A resident's stored state as one turn of the conversation reads it. */
export interface ResidentState {
  readonly profile: UserProfile | undefined;
  readonly session: Session | undefined;
}

/**
 * Profiles (kept until deleted) and sessions (expire when idle), read together in one round trip and
 * written together in one.
 */
export interface ResidentStore {
  load(user: UserRef): Promise<ResidentState>;
  /** profile undefined: leave the stored profile as it is */
  save(user: UserRef, next: { profile?: UserProfile; session: Session }): Promise<void>;
  /** removes every key that names this resident (profile, session, choices, limits…) */
  delete(user: UserRef): Promise<void>;
  /** the platform says the resident blocked the bot: stop proactive messages */
  markInactive(user: UserRef): Promise<void>;
}

/**
 * Platform message ids, because platforms deliver some messages twice. A message is claimed while it is
 * handled, confirmed once its replies exist, and released if handling failed (so a resend is handled).
 */
export type Claim =
  | { readonly state: 'claimed'; readonly token: string }
  | { readonly state: 'done' }
  | { readonly state: 'busy' };

export interface DedupeStore {
  /**
   * `claimed` with a token when this process may handle the message; `done` when it was handled;
   * `busy` while another process handles it. The token proves the claim is ours when it is released.
   */
  claim(key: string, ttlSeconds: number): Promise<Claim>;
  confirm(key: string, ttlSeconds: number): Promise<void>;
  /** drops the claim only if it still holds this token (a late release never drops another's claim) */
  release(key: string, token: string): Promise<void>;
}

export type FeedbackValue = 'up' | 'down';

/** 👍 / 👎 per topic and day; anonymous counts, so nothing here is about a person. */
export interface FeedbackStore {
  record(topic: string, value: FeedbackValue, at: number): Promise<void>;
  totals(topic: string): Promise<Record<FeedbackValue, number>>;
}

/** At most `limit` hits in any `windowSeconds`-long stretch of time for `key`. */
export interface RateLimit {
  readonly key: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

export type RateVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** the first limit that refused */
      readonly key: string;
      /** when a hit under that limit will be allowed again */
      readonly retryAfterSeconds: number;
    };

/** Sliding-window limits: a refused hit is not counted. */
export interface RateLimiter {
  /**
   * Checks several limits as one: the hit is counted under every limit when all allow it, and under
   * none when one refuses (the first refusal is returned).
   */
  hitAll(limits: readonly RateLimit[]): Promise<RateVerdict>;
}

export interface Clock {
  now(): number;
}

/**
 * The numbered options last shown to a resident on a channel without buttons (Zalo), so that "1",
 * "số 2" or an option's own words map back to the button's payload. Expires with the session.
 */
export interface ChoiceStore {
  save(user: UserRef, options: readonly { label: string; payload: string }[]): Promise<void>;
  get(user: UserRef): Promise<{ label: string; payload: string }[] | undefined>;
}

/**
 * Platform updates a channel received and did not act on (a webhook check, an event it does not know, a
 * body of an unknown shape), counted per reason. Anonymous: never a person, never a message.
 */
export interface SkippedUpdates {
  count(channel: string, reason: string): Promise<void>;
}

/**
 * Counts the error answers of a platform that the bot does not recognise, by error code and description,
 * so that the first real deployment shows what they look like (storage/redis-error-tally.ts).
 */
export interface UnknownErrorTally {
  count(channel: string, errorCode: number, description: string): Promise<void>;
}
