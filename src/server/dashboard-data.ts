import { REPORT_CHANNELS, type UsageReport } from '../core/usage-report';
import { answeredShare, satisfaction } from '../stats/report';
import type { ReportLabels } from '../stats/report-labels';
import type { NearTopic } from './dashboard-options';

/** An unanswered question with the topics the matcher found nearest, so staff see what to add. */
export interface UnansweredRow {
  readonly text: string;
  readonly count: number;
  readonly nearest: readonly NearTopic[];
}

/** What GET /dashboard/api/report answers: the report, the shares, names for its ids, the page's words. */
export interface DashboardData {
  readonly today: string;
  readonly report: UsageReport;
  /** 0…1 */
  readonly answeredShare: number;
  /** 0…1, null when nobody rated */
  readonly satisfaction: number | null;
  readonly names: {
    readonly topics: Record<string, string>;
    readonly villages: Record<string, string>;
    readonly channels: Record<string, string>;
  };
  readonly unanswered: readonly UnansweredRow[];
  /** series and category names for the charts, in the page's language */
  readonly words: Record<string, string>;
}

/** The chart words the page's script needs (the rest of the page is rendered by the server). */
const WORDS = [
  'dashboard-series-messages',
  'dashboard-series-residents',
  'dashboard-series-answers',
  'dashboard-answered',
  'dashboard-clarified',
  'dashboard-unanswered',
  'dashboard-out-of-scope',
  'dashboard-feedback-up',
  'dashboard-feedback-down',
  'dashboard-chart-activity-day',
  'dashboard-chart-activity-month',
  'dashboard-no-rating',
  'dashboard-empty',
] as const;

/** Each unanswered question with its nearest topics, titled in the report's language. */
export function unansweredRows(
  report: UsageReport,
  labels: ReportLabels,
  nearestTopics: (text: string) => readonly NearTopic[],
): UnansweredRow[] {
  return report.unanswered.map(({ text, count }) => ({
    text,
    count,
    nearest: nearestTopics(text).map((topic) => ({ id: topic.id, title: labels.topic(topic.id) })),
  }));
}

export function dashboardData(
  report: UsageReport,
  labels: ReportLabels,
  nearestTopics: (text: string) => readonly NearTopic[],
  today: string,
): DashboardData {
  const { locale, t } = labels;
  const villages = new Set([
    ...Object.keys(report.residents.byVillage),
    ...Object.keys(report.helpSessions.byVillage),
  ]);
  return {
    today,
    report,
    answeredShare: answeredShare(report),
    satisfaction: satisfaction(report) ?? null,
    names: {
      topics: Object.fromEntries(report.topics.map(({ topic }) => [topic, labels.topic(topic)])),
      villages: Object.fromEntries([...villages].map((id) => [id, labels.village(id)])),
      channels: Object.fromEntries(REPORT_CHANNELS.map((c) => [c, t(locale, `dashboard-channel-${c}`)])),
    },
    unanswered: unansweredRows(report, labels, nearestTopics),
    words: Object.fromEntries(WORDS.map((key) => [key.slice('dashboard-'.length), t(locale, key)])),
  };
}
