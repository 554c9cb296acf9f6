import type { UsageReport } from '../core/usage-report';
import { plainLabel, plainValue } from './report-format';
import type { ReportLabels } from './report-labels';
import { reportSections } from './report-sections';

/** Excel reads a UTF-8 file as UTF-8 (Vietnamese letters intact) only when it starts with a BOM. */
const BOM = '\uFEFF';

/**
 * One cell, RFC 4180 quoted. A cell a spreadsheet would run as a formula (residents type the questions)
 * is made plain text with a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as one CSV for a spreadsheet, in long form (section, row, column, value) so a pivot table
 * can lay it out any way; every table of the report is in it, day by day included. Plain numbers, ISO
 * days.
 */
export function renderCsv(report: UsageReport, labels: ReportLabels): string {
  const doc = reportSections(report, labels);
  const t = (key: string) => labels.t(labels.locale, `report-csv-${key}`);
  const rows: string[][] = [
    [t('section'), t('item'), t('column'), t('value')],
    [doc.title, t('commune'), '', doc.commune],
    [doc.title, t('from'), '', doc.from],
    [doc.title, t('to'), '', doc.to],
  ];
  for (const section of doc.sections) {
    for (const table of section.tables) {
      const name = table.caption === undefined ? section.title : `${section.title} – ${table.caption}`;
      for (const row of table.rows) {
        row.values.forEach((value, i) => {
          rows.push([name, plainLabel(row.label), table.head[i + 1] ?? '', plainValue(value)]);
        });
      }
    }
  }
  return `${BOM}${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
