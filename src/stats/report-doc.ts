import type { Translate } from '../i18n';
import type { Label, Value } from './report-format';
import type { ReportLabels } from './report-labels';

export interface ReportRow {
  readonly label: Label;
  readonly values: readonly Value[];
}

/** One table: the first column names the row, the others hold its figures. */
export interface ReportTable {
  readonly caption?: string;
  readonly head: readonly string[];
  readonly rows: readonly ReportRow[];
  /** said instead of an empty table */
  readonly empty: string;
}

export interface ReportSection {
  readonly title: string;
  readonly notes: readonly string[];
  readonly tables: readonly ReportTable[];
  /** too long to read (a row a day): only the spreadsheet gets it */
  readonly spreadsheetOnly?: boolean;
}

/** The report in words and tables, built once so that Markdown, CSV and Word never disagree. */
export interface ReportDoc {
  readonly title: string;
  readonly commune: string;
  /** YYYY-MM-DD */
  readonly from: string;
  readonly to: string;
  /** «Xã Ia Dom · từ ngày 01/01/2026 đến ngày 31/12/2026» */
  readonly period: string;
  readonly sections: readonly ReportSection[];
}

/** How many of the residents' questions each list shows. */
export const TOP_QUESTIONS = 20;

type Args = Parameters<Translate>[2];

/** The pieces every section is made of, in the report's language (keys are `report-…`). */
export function tableKit(labels: ReportLabels) {
  const t = (key: string, args?: Args) => labels.t(labels.locale, `report-${key}`, args);
  const count = (n: number): Value => ({ count: n });
  const share = (ratio: number | undefined, none = t('no-data')): Value => ({ share: ratio, none });
  const table = (head: string[], rows: ReportRow[], caption?: string, empty = t('empty')): ReportTable => ({
    ...(caption === undefined ? {} : { caption }),
    head,
    rows,
    empty,
  });
  return {
    t,
    count,
    share,
    table,
    /** a two-column table of figures, each row named by its Fluent key */
    figures: (rows: [string, Value][], caption?: string) =>
      table(
        [t('col-item'), t('col-figure')],
        rows.map(([key, value]) => ({ label: { text: t(key) }, values: [value] })),
        caption,
      ),
    /** residents' questions with how often each was asked */
    texts: (list: readonly { text: string; count: number }[], caption: string) =>
      table(
        [t('col-question'), t('col-times')],
        list.slice(0, TOP_QUESTIONS).map((q) => ({ label: { text: q.text }, values: [count(q.count)] })),
        caption,
      ),
    /** a count per village, named as residents read it, largest first */
    perVillage: (byVillage: Record<string, number>, column: string, empty: string) =>
      table(
        [t('col-village'), column],
        Object.entries(byVillage)
          .map(([id, n]) => ({ name: labels.village(id), n }))
          .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, 'vi'))
          .map(({ name, n }) => ({ label: { text: name }, values: [count(n)] })),
        t('by-village'),
        empty,
      ),
  };
}

export type TableKit = ReturnType<typeof tableKit>;
