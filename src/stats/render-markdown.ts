import type { UsageReport } from '../core/usage-report';
import { showLabel, showValue } from './report-format';
import type { ReportLabels } from './report-labels';
import { type ReportTable, reportSections } from './report-sections';

/**
 * Text as Markdown shows it, literally: resident questions must not break a table (|), start a
 * heading (#), turn into code or emphasis, or inject HTML.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_|[\]~]/g, '\\$&')
    .replace(/^(\s*)([#+-])/, '$1\\$2');
}

function markdownTable(table: ReportTable, labels: ReportLabels): string[] {
  if (table.rows.length === 0) return [`_${escapeMarkdown(table.empty)}_`];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(table.head.map(escapeMarkdown)),
    line(table.head.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...table.rows.map((row) =>
      line([
        escapeMarkdown(showLabel(row.label)),
        ...row.values.map((v) => escapeMarkdown(showValue(v, labels.locale))),
      ]),
    ),
  ];
}

/** «Báo cáo sử dụng Trợ lý DVC» as Markdown: a heading per section, GitHub-style tables. */
export function renderMarkdown(report: UsageReport, labels: ReportLabels): string {
  const doc = reportSections(report, labels);
  const blocks: string[][] = [[`# ${escapeMarkdown(doc.title)}`], [escapeMarkdown(doc.period)]];
  for (const section of doc.sections) {
    if (section.spreadsheetOnly) continue;
    blocks.push([`## ${escapeMarkdown(section.title)}`]);
    for (const note of section.notes) blocks.push([escapeMarkdown(note)]);
    for (const table of section.tables) {
      if (table.caption !== undefined) blocks.push([`### ${escapeMarkdown(table.caption)}`]);
      blocks.push(markdownTable(table, labels));
    }
  }
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}
