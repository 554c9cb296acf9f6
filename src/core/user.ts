import { z } from 'zod';

/**
 * A channel's name ("telegram", "zalo", "web", …). Any lowercase word: a new channel is a new adapter
 * folder, not a change here.
 */
export const channelNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,19}$/);
export type Channel = z.infer<typeof channelNameSchema>;

/** Every person is addressed by channel + id; `channel:id` is the one identity everywhere. */
export const userRefSchema = z.object({
  channel: channelNameSchema,
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
