import type { UsageReport } from '../core/usage-report';
import type { ReportLabels } from './report-labels';

/** The report as CSV for a spreadsheet. (Being written: see the report helper's brief.) */
export function renderCsv(_report: UsageReport, _labels: ReportLabels): string {
  throw new Error('renderCsv: not written yet');
}
