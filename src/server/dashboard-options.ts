import type { DashboardSessions } from '../core/dashboard';
import type { HandoffDesk } from '../core/handoff';
import type { Clock, DedupeStore } from '../core/ports';
import type { PostalBook } from '../core/postal';
import type { RoleBook } from '../core/roles';
import type { StaffActions } from '../core/staff-actions';
import type { UsageReports } from '../core/usage-report';
import type { Locale } from '../core/user';
import type { ReportLabels } from '../stats/report-labels';

/** A topic of the knowledge base the matcher found close to a question. */
export interface NearTopic {
  readonly id: string;
  readonly title: string;
}

/** What the staff dashboard is given (compose.ts builds it from the services and the content in use). */
export interface DashboardOptions {
  readonly sessions: DashboardSessions;
  /** read on every request: a staff member revoked in chat loses access at once */
  readonly roles: Pick<RoleBook, 'of'>;
  readonly reports: UsageReports;
  /** names and strings in the page's language, from the content in use */
  labels(locale: Locale): ReportLabels;
  /** the matcher's nearest topics for a question (best first, at most three) */
  nearestTopics(text: string): readonly NearTopic[];
  /** postal return requests, to list and move on (issue «Results by post…») */
  readonly postal: Pick<PostalBook, 'list' | 'get'>;
  /** «Gặp cán bộ» tickets, to read and answer */
  readonly tickets: Pick<HandoffDesk, 'listOpen' | 'log' | 'get'>;
  /** moving a request, answering or closing a ticket: the resident is told as from the staff group */
  readonly actions: StaffActions;
  /** one-time ids of the answer forms: the same form sent twice is carried out once */
  readonly forms: Pick<DedupeStore, 'claim' | 'confirm' | 'release'>;
  /** behind HTTPS: the session cookie is Secure */
  readonly secureCookies: boolean;
  readonly clock: Clock;
}
