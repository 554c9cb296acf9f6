import { z } from 'zod';
import type { UserRef } from './user';

/**
 * Who may do what (ARCHITECTURE §7). Admins come from ADMIN_IDS and cannot be revoked in chat; staff and
 * village team members are granted in chat and stored; everyone else is a resident.
 */
export const grantSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff') }),
  z.object({ kind: z.literal('team'), villages: z.array(z.string().min(1).max(64)).min(1).max(20) }),
]);
export type Grant = z.infer<typeof grantSchema>;

export type Role = { readonly kind: 'admin' } | Grant | { readonly kind: 'resident' };

/** An admin or staff member may act for every village; a team member for their own. */
export function mayActFor(role: Role, village: string): boolean {
  if (role.kind === 'admin' || role.kind === 'staff') return true;
  return role.kind === 'team' && role.villages.includes(village);
}

export const isPrivileged = (role: Role): boolean => role.kind !== 'resident';
export const isOffice = (role: Role): boolean => role.kind === 'admin' || role.kind === 'staff';

/** Letters and digits that cannot be confused when read aloud or typed on a small phone (no 0/O, 1/I/L). */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 6;

/** `length` letters and digits from INVITE_CODE_ALPHABET, drawn with `random(n)` (0 ≤ result < n). */
export const readableCode = (length: number, random: (n: number) => number): string =>
  Array.from({ length }, () => INVITE_CODE_ALPHABET[random(INVITE_CODE_ALPHABET.length)]).join('');

export function normalizeInviteCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`).test(code) ? code : undefined;
}

export interface RoleBook {
  /** read on every privileged call: a revoked member loses access at once */
  of(user: UserRef): Promise<Role>;
  grant(user: UserRef, grant: Grant): Promise<void>;
  /** false when there was nothing to revoke */
  revoke(user: UserRef): Promise<boolean>;
  /** every stored grant (admins from the configuration included) */
  list(): Promise<{ user: UserRef; role: Role }[]>;
  /** a one-time code that makes whoever sends it a team member of the village */
  invite(village: string): Promise<string>;
  /** the village of a valid code, which is used up; undefined for an unknown, used or expired code */
  redeem(code: string): Promise<string | undefined>;
}
