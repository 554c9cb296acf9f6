import type { Locale } from '../core/user';
import type { ReportLabels } from '../stats/report-labels';
import { type Words, wordsOf } from './dashboard-html';
import type { DashboardOptions } from './dashboard-options';

/** The dashboard's pages, as the header's tabs. */
export const SECTIONS = [
  { id: 'report', path: '/dashboard', key: 'dashboard-nav-report' },
  { id: 'postal', path: '/dashboard/buu-dien', key: 'dashboard-nav-postal' },
  { id: 'tickets', path: '/dashboard/ho-tro', key: 'dashboard-nav-tickets' },
] as const;
export type Section = (typeof SECTIONS)[number]['id'];

/** What waits for staff: shown as badges beside the tabs. */
export interface StaffCounts {
  /** postal requests nobody has taken on yet */
  readonly newPostal: number;
  readonly openTickets: number;
}

/** More than this is shown as this many: a badge, not a report. */
const COUNT_LIMIT = 500;

export async function staffCounts(o: Pick<DashboardOptions, 'postal' | 'tickets'>): Promise<StaffCounts> {
  const [open, tickets] = await Promise.all([
    o.postal.list({ open: true, limit: COUNT_LIMIT }),
    o.tickets.listOpen(COUNT_LIMIT),
  ]);
  return { newPostal: open.filter((r) => r.status === 'moi').length, openTickets: tickets.length };
}

/** `?lang=en` for English, nothing for Vietnamese (the default). */
export const langQuery = (locale: Locale): string => (locale === 'vi' ? '' : `?lang=${locale}`);

export interface HeaderParts {
  readonly here: Section;
  /** escaped markup */
  readonly title: string;
  /** escaped markup */
  readonly sub: string;
  /** this page in the other language (our own address, no quotes in it) */
  readonly otherLanguage: string;
}

function badge(w: Words, section: Section, counts: StaffCounts): string {
  const count = section === 'postal' ? counts.newPostal : section === 'tickets' ? counts.openTickets : 0;
  if (count === 0) return '';
  const title = w(section === 'postal' ? 'dashboard-badge-postal' : 'dashboard-badge-tickets', { count });
  return ` <span class="badge" data-badge="${section}" title="${title}">${count}</span>`;
}

/** Every page's header: the title, the other language, logout, and the tabs with what waits. */
export function staffHeader(labels: ReportLabels, counts: StaffCounts, p: HeaderParts): string {
  const { locale, t } = labels;
  const w = wordsOf(t, locale);
  const other = locale === 'vi' ? 'en' : 'vi';
  const tabs = SECTIONS.map(
    (s) =>
      `<a href="${s.path}${langQuery(locale)}" id="nav-${s.id}"${s.id === p.here ? ' aria-current="page"' : ''}>` +
      `${w(s.key)}${badge(w, s.id, counts)}</a>`,
  ).join('');
  return (
    `<header class="top"><div><h1>${p.title}</h1><p class="sub">${p.sub}</p></div>` +
    `<nav class="actions"><a id="lang-link" href="${p.otherLanguage}" lang="${other}">${w('dashboard-other-language')}</a>` +
    `<form method="post" action="/dashboard/logout${langQuery(locale)}"><button type="submit" id="logout">${w('dashboard-logout')}</button></form></nav></header>` +
    `<nav class="sections" aria-label="${w('dashboard-nav-label')}">${tabs}</nav>`
  );
}
