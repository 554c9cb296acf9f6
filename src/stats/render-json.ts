import type { UsageReport } from '../core/usage-report';

/** The JSON form, the contract other tools read (README «Số liệu cho báo cáo chuyển đổi số»). */
export const renderJson = (report: UsageReport): string => `${JSON.stringify(report, null, 2)}\n`;
