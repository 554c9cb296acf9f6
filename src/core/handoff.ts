import { z } from 'zod';
import { INVITE_CODE_ALPHABET, readableCode } from './roles';
import { LOCALES, type Locale, type UserRef, userRefSchema } from './user';

/**
 * «Gặp cán bộ»: a ticket that puts a resident in touch with a staff member on the resident's own app.
 * While it is open the bot stays quiet for that resident (their messages go to the staff); it closes
 * when the resident says «kết thúc», when staff close it, or by itself after a quiet while.
 */
export const TICKET_CODE_PREFIX = 'HT';
const CODE_LENGTH = 4;
export const TICKET_CODE = new RegExp(
  `\\b${TICKET_CODE_PREFIX}-[${INVITE_CODE_ALPHABET}]{${CODE_LENGTH}}\\b`,
);

export const newTicketCode = (random: (n: number) => number): string =>
  `${TICKET_CODE_PREFIX}-${readableCode(CODE_LENGTH, random)}`;

/** The ticket code in a text (the staff group's message a staff member replied to). */
export const ticketCodeIn = (text: string | undefined): string | undefined =>
  TICKET_CODE.exec(text ?? '')?.[0];

export const CLOSED_BY = ['resident', 'staff', 'timeout'] as const;

export const ticketSchema = z.object({
  code: z.string().regex(TICKET_CODE),
  user: userRefSchema,
  village: z.string().max(64).optional(),
  /** the resident's language: what they are told is written in it */
  locale: z.enum(LOCALES).default('vi'),
  /** what the resident asked, and their few messages before (masked) */
  question: z.string().max(1000),
  context: z.array(z.string().max(500)).max(5),
  status: z.enum(['open', 'closed']),
  openedAt: z.number().int().nonnegative(),
  /** the last message either way: the ticket closes by itself a while after it */
  lastAt: z.number().int().nonnegative(),
  closedAt: z.number().int().nonnegative().optional(),
  closedBy: z.enum(CLOSED_BY).optional(),
  /** how many staff replies were relayed */
  replies: z.number().int().nonnegative(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketLogEntrySchema = z.object({
  from: z.enum(['resident', 'staff']),
  text: z.string().max(4096),
  at: z.number().int().nonnegative(),
});
export type TicketLogEntry = z.infer<typeof ticketLogEntrySchema>;

export interface NewTicket {
  readonly user: UserRef;
  readonly village?: string | undefined;
  readonly locale: Locale;
  readonly question: string;
  readonly context: readonly string[];
}

/** Tickets in Redis (storage/redis-handoff-store.ts). */
export interface HandoffDesk {
  /** a new ticket, or the resident's ticket already open (one at a time) */
  open(input: NewTicket, now: number): Promise<{ ticket: Ticket; isNew: boolean }>;
  get(code: string): Promise<Ticket | undefined>;
  /** the resident's open ticket */
  openOf(user: UserRef): Promise<Ticket | undefined>;
  /** a message either way: logged, and the ticket's quiet time starts again; undefined when not open */
  note(code: string, entry: TicketLogEntry): Promise<Ticket | undefined>;
  /** closes an open ticket once (two closes at once: one wins, the other gets undefined) */
  close(code: string, by: Ticket['closedBy'] & string, now: number): Promise<Ticket | undefined>;
  /** open tickets, oldest first */
  listOpen(limit: number): Promise<Ticket[]>;
  log(code: string): Promise<TicketLogEntry[]>;
  /** codes of open tickets quiet since before `before` */
  quietSince(before: number): Promise<string[]>;
  /** with a resident's data */
  deleteAll(user: UserRef): Promise<void>;
}
