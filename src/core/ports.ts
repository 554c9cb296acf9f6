import type { Locale, UserRef } from './user';

/** What the bot keeps about a resident (ARCHITECTURE §7: nothing else, and all of it deletable). */
export interface UserProfile {
  readonly user: UserRef;
  readonly village?: string;
  readonly locale: Locale;
  /** the resident has seen the privacy note */
  readonly consentAt?: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** false once the platform says the resident blocked the bot */
  readonly active: boolean;
}

export interface UserStore {
  get(user: UserRef): Promise<UserProfile | undefined>;
  save(profile: UserProfile): Promise<void>;
  /** removes the profile and everything keyed by this user */
  delete(user: UserRef): Promise<void>;
}

/** A multi-step form in progress (see features/flow-engine.ts). */
export interface FlowState {
  readonly flow: string;
  readonly step: number;
  readonly data: Record<string, string>;
  readonly expiresAt: number;
}

/** Short-lived conversation state; it expires on its own. */
export interface Session {
  readonly flow?: FlowState;
  /** questions not understood in a row */
  readonly misses: number;
  /** the last topic answered (for feedback and "back") */
  readonly lastTopic?: string;
  /** a deletion waiting for the resident's confirmation */
  readonly confirmDeleteUntil?: number;
  /** topics this resident already rated in this conversation (one 👍/👎 each is counted) */
  readonly rated?: readonly string[];
}

export interface SessionStore {
  get(user: UserRef): Promise<Session | undefined>;
  save(user: UserRef, session: Session): Promise<void>;
  delete(user: UserRef): Promise<void>;
}

/** Remembers platform message ids for a while, because platforms deliver some messages twice. */
export interface DedupeStore {
  /** true the first time a key is seen within its time to live */
  firstTime(key: string, ttlSeconds: number): Promise<boolean>;
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
  /** hitAll with one limit */
  hit(
    key: string,
    limit: number,
    windowSeconds: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
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
