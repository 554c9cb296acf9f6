import type { FastifyInstance } from 'fastify';
import type { UsageReport } from '../core/usage-report';
import { renderCsv } from '../stats/render-csv';
import { renderDocx } from '../stats/render-docx';
import { renderMarkdown } from '../stats/render-markdown';
import type { ReportLabels } from '../stats/report-labels';
import { staffReport } from './dashboard-guard';
import type { DashboardOptions } from './dashboard-options';
import { reportFileName } from './dashboard-period';

interface Format {
  readonly type: string;
  render(report: UsageReport, labels: ReportLabels): string | Buffer | Promise<Buffer>;
}

/** The report's downloads, by file extension. */
export const DOWNLOADS: Readonly<Record<'csv' | 'md' | 'docx', Format>> = {
  csv: { type: 'text/csv; charset=utf-8', render: renderCsv },
  md: { type: 'text/markdown; charset=utf-8', render: renderMarkdown },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: renderDocx,
  },
};

/** GET /dashboard/bao-cao.csv|.md|.docx?from&to: the period's report as an attachment. */
export function registerDownloads(app: FastifyInstance, o: DashboardOptions): void {
  for (const [ext, format] of Object.entries(DOWNLOADS)) {
    app.get(`/dashboard/bao-cao.${ext}`, async (request, reply) => {
      const asked = await staffReport(request, reply, o, 'page');
      if (!asked) return reply;
      const body = await format.render(asked.report, asked.labels);
      return reply
        .type(format.type)
        .header('content-disposition', `attachment; filename="${reportFileName(asked.period, ext)}"`)
        .send(body);
    });
  }
}
