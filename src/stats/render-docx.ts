import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { UsageReport } from '../core/usage-report';
import { showLabel, showValue } from './report-format';
import type { ReportLabels } from './report-labels';
import { type ReportTable, reportSections } from './report-sections';

/** The text width of an A4 page with the default 1-inch margins, in twentieths of a point. */
const TEXT_WIDTH = 9026;

/** Word refuses a file with control characters in its XML; a resident's question may hold one. */
const xmlSafe = (text: string): string =>
  [...text]
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return (code >= 0x20 || code === 0x09) && code !== 0xfffe && code !== 0xffff;
    })
    .join('');

function cell(text: string, width: number, o: { right?: boolean; head?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(o.head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' } } : {}),
    children: [
      new Paragraph({
        alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun(o.head ? { text: xmlSafe(text), bold: true } : xmlSafe(text))],
      }),
    ],
  });
}

/** A real Word table (header row repeated on each page), so staff can paste it into their report. */
function wordTable(table: ReportTable, labels: ReportLabels): Table | Paragraph {
  if (table.rows.length === 0) {
    return new Paragraph({ children: [new TextRun({ text: xmlSafe(table.empty), italics: true })] });
  }
  const columns = table.head.length;
  const first = columns <= 3 ? Math.round(TEXT_WIDTH * 0.55) : 1500;
  const rest = Math.floor((TEXT_WIDTH - first) / Math.max(1, columns - 1));
  const widths = table.head.map((_, i) => (i === 0 ? first : rest));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: table.head.map((h, i) => cell(h, widths[i]!, { head: true, right: i > 0 })),
      }),
      ...table.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(showLabel(row.label), first),
              ...row.values.map((v) => cell(showValue(v, labels.locale), rest, { right: true })),
            ],
          }),
      ),
    ],
  });
}

/** «Báo cáo sử dụng Trợ lý DVC» as a Word document: headings, short paragraphs and tables. */
export async function renderDocx(report: UsageReport, labels: ReportLabels): Promise<Buffer> {
  const doc = reportSections(report, labels);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: xmlSafe(doc.title) }),
    new Paragraph({ text: xmlSafe(doc.period) }),
  ];
  for (const section of doc.sections) {
    if (section.spreadsheetOnly) continue;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: xmlSafe(section.title) }));
    for (const note of section.notes) children.push(new Paragraph({ text: xmlSafe(note) }));
    for (const table of section.tables) {
      if (table.caption !== undefined) {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: xmlSafe(table.caption) }));
      }
      // Two tables in a row would merge into one when pasted: a paragraph keeps them apart.
      children.push(wordTable(table, labels), new Paragraph({}));
    }
  }
  const file = new Document({
    creator: 'Trợ lý DVC',
    title: xmlSafe(doc.title),
    // Times New Roman 13 pt: what the commune's administrative documents are written in.
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(file);
}
