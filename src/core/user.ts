import { z } from 'zod';

export const CHANNELS = ['telegram', 'zalo', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Every person is addressed by channel + id; `channel:id` is the one identity everywhere. */
export const userRefSchema = z.object({
  channel: z.enum(CHANNELS),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
});
export type UserRef = z.infer<typeof userRefSchema>;

export const userKey = (user: UserRef): string => `${user.channel}:${user.id}`;

export function parseUserKey(key: string): UserRef | undefined {
  const [channel, ...rest] = key.split(':');
  const parsed = userRefSchema.safeParse({ channel, id: rest.join(':') });
  return parsed.success ? parsed.data : undefined;
}

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
