import type { UsageReport } from '../core/usage-report';
import type { ReportLabels } from './report-labels';

/** The report as a Word document. (Being written: see the report helper's brief.) */
export async function renderDocx(_report: UsageReport, _labels: ReportLabels): Promise<Buffer> {
  throw new Error('renderDocx: not written yet');
}
