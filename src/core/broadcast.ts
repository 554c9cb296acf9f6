import { z } from 'zod';

export const ANNOUNCEMENT_TEXT_MAX = 1000;
/** every village of the commune, resolved when the announcement is sent */
export const ALL_VILLAGES = '*';

export const broadcastIdSchema = z.string().regex(/^[a-z0-9]{8,16}$/);

/**
 * An announcement to one or more villages. `awaiting-approval` (when the commune approves team
 * announcements) → `scheduled` → `sending` → `done`, or `cancelled` at any point before `done`.
 */
export const broadcastSchema = z.object({
  id: broadcastIdSchema,
  text: z.string().min(1).max(ANNOUNCEMENT_TEXT_MAX),
  /** village ids, or [ALL_VILLAGES] */
  villages: z.array(z.string().min(1).max(64)).min(1),
  /** when to send (ms) */
  at: z.number().int().positive(),
  /** `channel:id` of who wrote it, or `cli` for the command line (the commune) */
  by: z.string().min(1).max(160),
  state: z.enum(['awaiting-approval', 'scheduled', 'sending', 'done', 'cancelled']),
  createdAt: z.number().int().positive(),
});
export type Broadcast = z.infer<typeof broadcastSchema>;
export type BroadcastState = Broadcast['state'];

/** Per channel: recipients found when it was sent, and what became of each message. */
export interface ChannelTally {
  readonly recipients: number;
  readonly sent: number;
  readonly failed: number;
  readonly blocked: number;
  /** left out: the resident had had the day's maximum of announcements */
  readonly capped: number;
}

export type Tally = Readonly<Record<string, ChannelTally>>;

export interface NewBroadcast {
  readonly text: string;
  readonly villages: readonly string[];
  readonly at: number;
  readonly by: string;
  readonly needsApproval: boolean;
}

/** What features see of announcements. */
export interface BroadcastBook {
  /** residents who would receive it now, per channel that can send (the preview's counts) */
  recipients(villages: readonly string[]): Promise<Record<string, number>>;
  create(draft: NewBroadcast, now: number): Promise<Broadcast>;
  get(id: string): Promise<Broadcast | undefined>;
  /** announcements waiting for a staff member's approval */
  awaitingApproval(): Promise<Broadcast[]>;
  approve(id: string, now: number): Promise<Broadcast | undefined>;
  /** a scheduled or running one: what is not yet sent is not sent */
  cancel(id: string): Promise<Broadcast | undefined>;
  tally(id: string): Promise<Tally>;
}
