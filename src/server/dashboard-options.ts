import type { DashboardSessions } from '../core/dashboard';
import type { Clock } from '../core/ports';
import type { RoleBook } from '../core/roles';
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
  /** behind HTTPS: the session cookie is Secure */
  readonly secureCookies: boolean;
  readonly clock: Clock;
}
