import { REPORT_CHANNELS, type UsageReport } from '../core/usage-report';
import { answeredShare, satisfaction } from './report';
import type { ReportDoc, ReportSection, TableKit } from './report-doc';
import { tableKit } from './report-doc';
import { formatDay, formatShare } from './report-format';
import type { ReportLabels } from './report-labels';
import { serviceSections } from './report-services';

export type { ReportDoc, ReportRow, ReportSection, ReportTable } from './report-doc';

/** How many topics the report lists. */
export const TOP_TOPICS = 15;

/** «Báo cáo sử dụng Trợ lý DVC» as titled sections of notes and tables, in the order staff report them. */
export function reportSections(r: UsageReport, labels: ReportLabels): ReportDoc {
  const kit = tableKit(labels);
  const { t } = kit;
  return {
    title: t('title'),
    commune: labels.commune,
    from: r.from,
    to: r.to,
    period: t('period', { commune: labels.commune, from: formatDay(r.from), to: formatDay(r.to) }),
    sections: [
      residents(r, kit),
      questions(r, kit, labels),
      {
        title: t('topics'),
        notes: [],
        tables: [
          kit.table(
            [t('col-topic'), t('col-answers')],
            r.topics.slice(0, TOP_TOPICS).map((x) => ({
              label: { text: labels.topic(x.topic) },
              values: [kit.count(x.count)],
            })),
          ),
        ],
      },
      ...serviceSections(r, kit),
      {
        title: t('feedback'),
        notes: [],
        tables: [
          kit.figures([
            ['feedback-up', kit.count(r.feedback.up)],
            ['feedback-down', kit.count(r.feedback.down)],
            ['feedback-share', kit.share(satisfaction(r), t('no-opinion'))],
          ]),
        ],
      },
      {
        title: t('unanswered'),
        notes: [t('unanswered-note')],
        tables: [
          kit.texts(r.unanswered, t('unanswered-caption')),
          kit.texts(r.outOfScope, t('out-of-scope-caption')),
        ],
      },
      ...overTime(r, kit),
    ],
  };
}

function residents(r: UsageReport, { t, count, figures, table, perVillage }: TableKit): ReportSection {
  return {
    title: t('residents'),
    notes: [],
    tables: [
      figures([
        ['residents-unique', count(r.residents.unique)],
        ['residents-new', count(r.residents.new)],
      ]),
      table(
        [t('col-channel'), t('col-people'), t('col-messages')],
        [
          ...REPORT_CHANNELS.map((c) => ({
            label: { text: t(`channel-${c}`) },
            values: [count(r.residents.byChannel[c]), count(r.messages.byChannel[c])],
          })),
          { label: { text: t('total') }, values: [count(r.residents.unique), count(r.messages.received)] },
        ],
        t('by-channel'),
      ),
      perVillage(r.residents.byVillage, t('col-people'), t('no-village')),
    ],
  };
}

function questions(
  r: UsageReport,
  { t, count, share, figures }: TableKit,
  labels: ReportLabels,
): ReportSection {
  const q = r.questions;
  const answered = q.asked === 0 ? undefined : answeredShare(r);
  return {
    title: t('questions'),
    notes:
      answered === undefined ? [] : [t('questions-note', { share: formatShare(answered, labels.locale) })],
    tables: [
      figures([
        ['questions-asked', count(q.asked)],
        ['questions-answered', count(q.answered)],
        ['questions-clarified', count(q.clarified)],
        ['questions-unanswered', count(q.unanswered)],
        ['questions-out-of-scope', count(q.outOfScope)],
        ['questions-share', share(answered)],
      ]),
    ],
  };
}

/** Month by month for everyone; day by day for the spreadsheet. */
function overTime(r: UsageReport, { t, count, table }: TableKit): ReportSection[] {
  const months = ['month', 'messages', 'people', 'new', 'asked', 'answered', 'up', 'down', 'sessions'];
  return [
    {
      title: t('monthly'),
      notes: [],
      tables: [
        table(
          months.map((h) => t(`col-${h}`)),
          r.monthly.map((m) => ({
            label: { month: m.month },
            values: [
              m.messages,
              m.residents,
              m.newResidents,
              m.asked,
              m.answered,
              m.feedbackUp,
              m.feedbackDown,
              m.helpSessions,
            ].map(count),
          })),
        ),
      ],
    },
    {
      title: t('daily'),
      notes: [],
      spreadsheetOnly: true,
      tables: [
        table(
          [t('col-day'), t('col-messages'), t('col-people')],
          r.daily.map((d) => ({ label: { day: d.date }, values: [count(d.messages), count(d.residents)] })),
        ),
      ],
    },
  ];
}
