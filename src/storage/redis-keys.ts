import { type UserRef, userKey } from '../core/user';

/** Every Redis key the stores use, under one prefix so several communes can share a Redis (ARCHITECTURE §6). */
export interface RedisKeys {
  user(user: UserRef): string;
  session(user: UserRef): string;
  dedupe(key: string): string;
  /** hash with fields `up` / `down` */
  feedback(topic: string): string;
  /** hash with fields `${topic}:up` / `${topic}:down`; `yyyymmdd` is a Vietnam date */
  feedbackDay(yyyymmdd: string): string;
  rate(key: string, windowSeconds: number): string;
}

export const keys = (prefix: string): RedisKeys => ({
  user: (user) => `${prefix}user:${userKey(user)}`,
  session: (user) => `${prefix}session:${userKey(user)}`,
  dedupe: (key) => `${prefix}dedupe:${key}`,
  feedback: (topic) => `${prefix}feedback:${topic}`,
  feedbackDay: (yyyymmdd) => `${prefix}feedback-day:${yyyymmdd}`,
  rate: (key, windowSeconds) => `${prefix}rate:${key}:${windowSeconds}`,
});
