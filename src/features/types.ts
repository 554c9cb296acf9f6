import type { BroadcastBook } from '../core/broadcast';
import type { DashboardLinks } from '../core/dashboard';
import type { HandoffDesk } from '../core/handoff';
import type { HelpLog } from '../core/help-log';
import type { InboundEvent } from '../core/inbound';
import type { Messenger } from '../core/messenger';
import type { FeedbackStore } from '../core/ports';
import type { PostalBook } from '../core/postal';
import type { ReminderBook } from '../core/reminder';
import type { Reply } from '../core/reply';
import type { RoleBook } from '../core/roles';
import type { Session, UserProfile } from '../core/state';
import type { UsageEvent, UsageLog } from '../core/usage';
import type { UsageReports } from '../core/usage-report';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import type { KnowledgeBase } from '../knowledge/schema';
import type { QuestionAnswering } from './question-answering';

/** Everything a feature may read about the conversation at hand. */
export interface Turn {
  readonly event: InboundEvent;
  readonly profile: UserProfile | undefined;
  readonly session: Session;
  readonly locale: Locale;
  readonly now: number;
}

/** What a feature decides: the replies, and the state to keep (undefined = unchanged, null = delete). */
export interface Outcome {
  readonly replies: Reply[];
  readonly session?: Session;
  readonly profile?: UserProfile | null;
  /** what this turn counts in the statistics (the conversation adds the message and the resident's changes) */
  readonly usage?: readonly UsageEvent[];
}

/** The pieces features need; all I/O goes through ports. */
export interface FeatureDeps {
  readonly kb: KnowledgeBase;
  readonly qa: QuestionAnswering;
  readonly t: Translate;
  readonly feedback: FeedbackStore;
  /** values of {phone}, {hours}… from the commune profile, in the resident's language */
  readonly commune: Readonly<Record<Locale, Record<string, string>>>;
  /**
   * Whether the bot can message a resident of this channel later, unasked (announcements to their
   * village, staff replies): true for channels with an outbox. Where it cannot (the web chat), the
   * village is not asked up front: it matters only for what could be sent later.
   */
  canMessageLater(channel: string): boolean;
  readonly reminders: ReminderBook;
  readonly roles: RoleBook;
  readonly broadcasts: BroadcastBook;
  /** the village teams' help sessions, counted (no person in it) */
  readonly helpLog: HelpLog;
  /** ANNOUNCEMENT_APPROVAL: a team member's announcement waits for a staff member's approval */
  readonly announcementApproval: boolean;
  /** a privileged command refused, and why: for the log (features have no logger of their own) */
  audit(event: {
    readonly user: string;
    readonly action: string;
    readonly outcome: 'refused' | 'done';
    readonly detail?: string;
  }): void;
  /** counts what happens (features mostly return `Outcome.usage` instead; see conversation.ts) */
  readonly usage: UsageLog;
  /** the statistics, for /thongke */
  readonly reports: UsageReports;
  /** login links to the staff dashboard */
  readonly dashboardLinks: DashboardLinks;
  /** postal return requests (features/postal*.ts) */
  readonly postal: PostalBook;
  /** «Gặp cán bộ» tickets (features/handoff*.ts) */
  readonly handoff: HandoffDesk;
  /** messages sent later: to a resident on their own app, to the staff group */
  readonly messenger: Messenger;
  /** the staff group's chat (STAFF_CHAT_ID on Telegram): events from it are staff at work */
  readonly staffChat: { readonly channel: string; readonly id: string } | undefined;
  /** a link (on the web chat's server) to a calendar file with an alarm, for those the bot cannot remind */
  calendarLink(text: string, at: number): string;
}

export { EMPTY_SESSION } from '../core/state';
