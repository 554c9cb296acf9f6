import type { UsageReport } from '../core/usage-report';
import type { ReportLabels } from './report-labels';

/** «Báo cáo sử dụng Trợ lý DVC» as Markdown. (Being written: see the report helper's brief.) */
export function renderMarkdown(_report: UsageReport, _labels: ReportLabels): string {
  throw new Error('renderMarkdown: not written yet');
}
