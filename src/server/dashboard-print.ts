import { REPORT_CHANNELS, type UsageReport } from '../core/usage-report';
import { escapeHtml } from '../posters/html-escape';
import { answeredShare, satisfaction } from '../stats/report';
import type { ReportLabels } from '../stats/report-labels';
import type { UnansweredRow } from './dashboard-data';
import { htmlPage, periodQuery, type Words, wordsOf } from './dashboard-html';

/** Longer periods are shown per month (the report's `monthly`), shorter ones per day. */
export const DAILY_MAX_DAYS = 62;

type Cell = string | number;

/** A table whose cells are plain text (escaped here) under already escaped headings. */
function table(caption: string, heads: readonly string[], rows: readonly Cell[][], empty: string): string {
  const body =
    rows.length === 0
      ? `<tr><td colspan="${heads.length}">${empty}</td></tr>`
      : rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`).join('');
  return (
    `<section><h2>${caption}</h2><div class="table-box"><table>` +
    `<thead><tr>${heads.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>` +
    `<tbody>${body}</tbody></table></div></section>`
  );
}

/** The cards' figures as rows; `say` gives plain text (table() escapes it). */
function summary(r: UsageReport, say: Words, pct: (x: number) => string): Cell[][] {
  const rating = satisfaction(r);
  return [
    [say('dashboard-card-residents'), r.residents.unique],
    [say('dashboard-card-messages'), r.messages.received],
    [say('dashboard-card-asked'), r.questions.asked],
    [say('dashboard-card-answered'), pct(answeredShare(r))],
    [say('dashboard-card-satisfaction'), rating === undefined ? say('dashboard-no-rating') : pct(rating)],
    [say('dashboard-card-reminders'), r.reminders.created],
    [say('dashboard-card-announcements'), r.announcements.count],
    [say('dashboard-card-help'), r.helpSessions.count],
  ];
}

/**
 * The printable view: the report as plain tables (no charts, no script but the print button), laid
 * out for A4 by the stylesheet's print rules.
 */
export function printPage(
  r: UsageReport,
  labels: ReportLabels,
  unanswered: readonly UnansweredRow[],
): string {
  const { locale, t } = labels;
  const w = wordsOf(t, locale);
  const pct = (x: number) =>
    new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      style: 'percent',
      maximumFractionDigits: 0,
    }).format(x);
  const empty = w('dashboard-empty');
  // Cells are escaped by table(), so their words are taken plain; headings and captions come escaped.
  const plain = (key: string) => t(locale, key);
  const daily = r.daily.length <= DAILY_MAX_DAYS;
  const activity = daily
    ? r.daily.map((d) => [d.date, d.messages, d.residents])
    : r.monthly.map((m) => [m.month, m.messages, m.residents]);
  const sections = [
    table(
      w('dashboard-print-title'),
      [w('dashboard-col-item'), w('dashboard-col-value')],
      summary(r, plain, pct),
      empty,
    ),
    table(
      w(daily ? 'dashboard-chart-activity-day' : 'dashboard-chart-activity-month'),
      [
        w(daily ? 'dashboard-col-day' : 'dashboard-col-month'),
        w('dashboard-series-messages'),
        w('dashboard-series-residents'),
      ],
      activity,
      empty,
    ),
    table(
      w('dashboard-chart-topics'),
      [w('dashboard-col-topic'), w('dashboard-series-answers')],
      r.topics.map((x) => [labels.topic(x.topic), x.count]),
      empty,
    ),
    table(
      w('dashboard-chart-channels'),
      [w('dashboard-col-channel'), w('dashboard-series-messages'), w('dashboard-series-residents')],
      REPORT_CHANNELS.map((c) => [
        plain(`dashboard-channel-${c}`),
        r.messages.byChannel[c],
        r.residents.byChannel[c],
      ]),
      empty,
    ),
    table(
      w('dashboard-chart-villages'),
      [w('dashboard-col-village'), w('dashboard-series-residents')],
      Object.entries(r.residents.byVillage).map(([v, n]) => [labels.village(v), n]),
      empty,
    ),
    table(
      w('dashboard-chart-questions'),
      [w('dashboard-col-item'), w('dashboard-col-count')],
      [
        [plain('dashboard-answered'), r.questions.answered],
        [plain('dashboard-clarified'), r.questions.clarified],
        [plain('dashboard-unanswered'), r.questions.unanswered],
        [plain('dashboard-out-of-scope'), r.questions.outOfScope],
      ],
      empty,
    ),
    table(
      w('dashboard-unanswered-title'),
      [w('dashboard-col-question'), w('dashboard-col-count'), w('dashboard-col-nearest')],
      unanswered.map((u) => [u.text, u.count, u.nearest.map((n) => n.title).join('; ')]),
      empty,
    ),
    table(
      w('dashboard-outside-title'),
      [w('dashboard-col-question'), w('dashboard-col-count')],
      r.outOfScope.map((x) => [x.text, x.count]),
      empty,
    ),
  ];
  const body =
    '<main class="print">' +
    `<nav class="no-print"><a href="/dashboard${periodQuery(r, locale)}">${w('dashboard-back')}</a> ` +
    `<button type="button" id="print-now">${w('dashboard-print-button')}</button></nav>` +
    `<h1>${w('dashboard-print-title')}</h1><p class="sub">${escapeHtml(labels.commune)} · ` +
    `${w('dashboard-print-period', { from: r.from, to: r.to })}</p>` +
    `${sections.join('')}</main>`;
  return htmlPage({
    locale,
    title: plain('dashboard-print-title'),
    body,
    scripts: ['print.js'],
    bodyClass: 'printable',
  });
}
