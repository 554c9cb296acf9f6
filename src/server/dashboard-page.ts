import type { Locale } from '../core/user';
import type { ReportLabels } from '../stats/report-labels';
import { htmlPage, periodQuery, type Words, wordsOf } from './dashboard-html';
import { langQuery, type StaffCounts, staffHeader } from './dashboard-nav';
import type { Period } from './dashboard-period';

/** The summary cards: data-card names the figure dashboard.js fills in. */
const CARDS: readonly [card: string, key: string][] = [
  ['residents', 'dashboard-card-residents'],
  ['messages', 'dashboard-card-messages'],
  ['asked', 'dashboard-card-asked'],
  ['answered', 'dashboard-card-answered'],
  ['satisfaction', 'dashboard-card-satisfaction'],
  ['reminders', 'dashboard-card-reminders'],
  ['announcements', 'dashboard-card-announcements'],
  ['help', 'dashboard-card-help'],
];

/** The charts: canvas id chart-<name>; `wide` ones take the whole row on a large screen. */
const CHARTS: readonly [name: string, key: string, wide: boolean][] = [
  ['activity', 'dashboard-chart-activity-day', true],
  ['topics', 'dashboard-chart-topics', true],
  ['channels', 'dashboard-chart-channels', false],
  ['villages', 'dashboard-chart-villages', false],
  ['questions', 'dashboard-chart-questions', false],
  ['feedback', 'dashboard-chart-feedback', false],
];

const DOWNLOADS: readonly [ext: string, key: string][] = [
  ['csv', 'dashboard-download-csv'],
  ['docx', 'dashboard-download-docx'],
  ['md', 'dashboard-download-md'],
];

function picker(w: Words, period: Period, locale: Locale): string {
  const quick = ['this-month', 'last-month', 'this-year']
    .map((q) => `<button type="button" data-quick="${q}">${w(`dashboard-${q}`)}</button>`)
    .join('');
  return (
    '<form id="period" class="period" method="get" action="/dashboard">' +
    `<fieldset><legend>${w('dashboard-period')}</legend><div class="dates">` +
    `<label>${w('dashboard-from')} <input type="date" id="from" name="from" value="${period.from}" required></label>` +
    `<label>${w('dashboard-to')} <input type="date" id="to" name="to" value="${period.to}" required></label>` +
    `<button type="submit" class="primary">${w('dashboard-apply')}</button></div>` +
    `<div class="quick">${quick}</div>` +
    (locale === 'vi' ? '' : `<input type="hidden" name="lang" value="${locale}">`) +
    '</fieldset></form>'
  );
}

function table(id: string, heads: readonly string[]): string {
  const th = heads.map((h) => `<th scope="col">${h}</th>`).join('');
  return `<div class="table-box"><table id="${id}"><thead><tr>${th}</tr></thead><tbody></tbody></table></div>`;
}

/**
 * The dashboard's frame: the header with the tabs, picker, cards, chart canvases, tables and links, with every word from the
 * server; dashboard.js fetches the figures from the JSON API and fills them in.
 */
export function dashboardPage(labels: ReportLabels, period: Period, counts: StaffCounts): string {
  const { locale, t } = labels;
  const w = wordsOf(t, locale);
  const query = periodQuery(period, locale);
  const cards = CARDS.map(
    ([card, key]) => `<div class="card"><span>${w(key)}</span><strong data-card="${card}">–</strong></div>`,
  ).join('');
  const charts = CHARTS.map(
    ([name, key, wide]) =>
      `<figure class="chart${wide ? ' wide' : ''}"><figcaption id="title-${name}">${w(key)}</figcaption>` +
      `<div class="canvas-box" id="box-${name}"><canvas id="chart-${name}" role="img" aria-labelledby="title-${name}"></canvas></div></figure>`,
  ).join('');
  const downloads = DOWNLOADS.map(
    ([ext, key]) =>
      `<li><a id="download-${ext}" data-href="/dashboard/bao-cao.${ext}" href="/dashboard/bao-cao.${ext}${query}" download>${w(key)}</a></li>`,
  ).join('');
  const body =
    staffHeader(labels, counts, {
      here: 'report',
      title: w('dashboard-title'),
      sub: w('dashboard-subtitle', { commune: labels.commune }),
      otherLanguage: `/dashboard${langQuery(locale === 'vi' ? 'en' : 'vi')}`,
    }) +
    `<main id="dashboard" data-lang="${locale}" aria-busy="true">` +
    picker(w, period, locale) +
    `<p id="status" role="status" data-loading="${w('dashboard-loading')}" data-failed="${w('dashboard-load-failed')}">${w('dashboard-loading')}</p>` +
    `<section class="cards">${cards}</section>` +
    `<section class="charts">${charts}</section>` +
    `<section class="lists"><h2>${w('dashboard-unanswered-title')}</h2><p class="hint">${w('dashboard-unanswered-hint')}</p>` +
    table('table-unanswered', [
      w('dashboard-col-question'),
      w('dashboard-col-count'),
      w('dashboard-col-nearest'),
    ]) +
    `<h2>${w('dashboard-outside-title')}</h2>` +
    table('table-outside', [w('dashboard-col-question'), w('dashboard-col-count')]) +
    '</section>' +
    `<section class="downloads"><h2>${w('dashboard-downloads')}</h2><ul>${downloads}` +
    `<li><a id="print-link" data-href="/dashboard/in" href="/dashboard/in${query}">${w('dashboard-print')}</a></li></ul></section>` +
    '</main>';
  return htmlPage({
    locale,
    title: t(locale, 'dashboard-title'),
    body,
    scripts: ['chart.umd.js', 'dashboard-charts.js', 'dashboard.js'],
  });
}
