import { z } from 'zod';
import { INVITE_CODE_ALPHABET, readableCode } from './roles';
import { LOCALES, userRefSchema } from './user';

/**
 * A resident's request to get a result back by post (dịch vụ bưu chính công ích). The office moves it
 * through the statuses; the resident is told at each step. Personal data (name, phone, address) is read
 * by staff only, never logged, deleted with the resident's data and after the retention.
 */
export const POSTAL_STATUSES = ['moi', 'da-tiep-nhan', 'da-gui-buu-dien', 'da-giao', 'tu-choi'] as const;
export type PostalStatus = (typeof POSTAL_STATUSES)[number];

/** Where each status may go next: forward one step, or refused (with a reason) before delivery. */
export const POSTAL_NEXT: Record<PostalStatus, readonly PostalStatus[]> = {
  moi: ['da-tiep-nhan', 'tu-choi'],
  'da-tiep-nhan': ['da-gui-buu-dien', 'tu-choi'],
  'da-gui-buu-dien': ['da-giao'],
  'da-giao': [],
  'tu-choi': [],
};

export const isFinalStatus = (s: PostalStatus): boolean => POSTAL_NEXT[s].length === 0;

export const POSTAL_CODE_PREFIX = 'BD';
const CODE_LENGTH = 4;
const POSTAL_CODE = new RegExp(`^${POSTAL_CODE_PREFIX}-[${INVITE_CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export const newPostalCode = (random: (n: number) => number): string =>
  `${POSTAL_CODE_PREFIX}-${readableCode(CODE_LENGTH, random)}`;

/** «bd 7k3q», «BD7K3Q», «bd-7k3q» → «BD-7K3Q»; undefined when it cannot be one of our codes. */
export function normalizePostalCode(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  const code = `${compact.slice(0, 2)}-${compact.slice(2)}`;
  return POSTAL_CODE.test(code) ? code : undefined;
}

/**
 * A Vietnamese mobile number as residents type it (spaces, dots, dashes; +84 or 84 instead of the 0)
 * → 10 digits starting 03, 05, 07, 08 or 09; undefined otherwise.
 */
export function normalizeMobile(typed: string): string | undefined {
  const whole = mobileOf(typed);
  if (whole) return whole;
  // In a sentence («Số điện thoại của tôi là 0905 123 456»): the one number in it that is a mobile.
  const found = [...typed.matchAll(/\+?\d[\d\s.()-]{8,16}\d/g)].map((m) => mobileOf(m[0])).filter(Boolean);
  return found.length === 1 ? found[0] : undefined;
}

function mobileOf(typed: string): string | undefined {
  const digits = typed.trim().replace(/[\s.()-]/g, '');
  const national = /^\+?84(\d{9})$/.exec(digits)?.[1];
  const number = national ? `0${national}` : digits;
  return /^0[35789]\d{8}$/.test(number) ? number : undefined;
}

/**
 * A dossier code (mã hồ sơ) as the portals print them, e.g. «000.00.13.H23-241201-0001» or
 * «H23.34-241201-0001»: letters, digits, dots and dashes, with at least six digits.
 */
export function normalizeDossierCode(typed: string): string | undefined {
  const code = typed.trim().toUpperCase().replace(/\s+/g, '');
  if (!/^[A-Z0-9][A-Z0-9.-]{5,39}$/.test(code)) return undefined;
  return (code.match(/\d/g) ?? []).length >= 6 ? code : undefined;
}

/** «0912345678» → «091****678», for screens where the whole number is not needed. */
export const maskedMobile = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(-3)}`;

const statusStep = z.object({
  status: z.enum(POSTAL_STATUSES),
  at: z.number().int().nonnegative(),
  /** why it was refused (tu-choi) */
  reason: z.string().max(300).optional(),
  /** `channel:id` of the staff member (none for the resident's own request) */
  by: z.string().max(140).optional(),
});

export const postalRequestSchema = z.object({
  code: z.string().regex(POSTAL_CODE),
  user: userRefSchema,
  /** the resident's language: the notices are written in it */
  locale: z.enum(LOCALES).default('vi'),
  /** the procedure (a topic id), or «khac» */
  topic: z.string().max(64),
  dossier: z.string().max(40).optional(),
  name: z.string().min(2).max(80),
  phone: z.string().regex(/^0[35789]\d{8}$/),
  village: z.string().max(64),
  address: z.string().min(3).max(200),
  status: z.enum(POSTAL_STATUSES),
  createdAt: z.number().int().nonnegative(),
  history: z.array(statusStep).min(1).max(20),
});
export type PostalRequest = z.infer<typeof postalRequestSchema>;

export type NewPostalRequest = Omit<PostalRequest, 'code' | 'status' | 'history' | 'createdAt'>;

export type MoveResult =
  | { readonly ok: true; readonly request: PostalRequest }
  | { readonly ok: false; readonly reason: 'unknown' | 'not-allowed'; readonly request?: PostalRequest };

/** The postal requests, kept in Redis (storage/redis-postal-store.ts). */
export interface PostalBook {
  create(input: NewPostalRequest, now: number): Promise<PostalRequest>;
  get(code: string): Promise<PostalRequest | undefined>;
  /** moves one step (POSTAL_NEXT), atomically: two staff pressing at once move it once */
  move(code: string, to: PostalStatus, now: number, by: string, reason?: string): Promise<MoveResult>;
  /** newest first; `open` = not delivered or refused */
  list(filter: { readonly open?: boolean; readonly limit: number }): Promise<PostalRequest[]>;
  ofUser(user: z.infer<typeof userRefSchema>): Promise<PostalRequest[]>;
}

/** The village of a request sent to an address outside the commune (a resident working away). */
export const OUTSIDE_COMMUNE = 'ngoai-xa';
