import { parseArgs } from 'node:util';
import { HELP_MAX_DAYS } from '../src/core/help-log';
import { isoDay } from '../src/core/usage-days';
import type { Locale } from '../src/core/user';
import { vietnamDay } from '../src/core/vietnam-day';

export const REPORT_USAGE =
  'Cách dùng: npm run --silent report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format md|csv|json|docx] [--out TỆP] [--lang vi|en]';

export const REPORT_FORMATS = ['md', 'csv', 'json', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportArgs {
  /** YYYY-MM-DD, days in Vietnam, both included */
  readonly from: string;
  readonly to: string;
  readonly format: ReportFormat;
  /** undefined: standard output */
  readonly out: string | undefined;
  readonly lang: Locale;
}

const DAY_MS = 86_400_000;

/** Midnight UTC of a YYYY-MM-DD that is a real date (not 2026-02-30), else undefined. */
function dayOf(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(at).toISOString().slice(0, 10) === iso ? at : undefined;
}

/** parseArgs' English errors, said in Vietnamese (one line). */
function optionError(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const named = /'([^']+)'/.exec(message)?.[1] ?? '';
  const option = named.split(/[\s,]/)[0] ?? named;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Không có tùy chọn ${option}. ${REPORT_USAGE}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `Tùy chọn ${option} cần một giá trị. ${REPORT_USAGE}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Không hiểu «${option}». ${REPORT_USAGE}`;
  return `Tùy chọn không đúng (${message}). ${REPORT_USAGE}`;
}

/** The report command's arguments (defaults: this year in Vietnam up to today, Markdown), or what is wrong. */
export function parseReportArgs(argv: readonly string[], now: number): ReportArgs | { error: string } {
  let values: { from?: string; to?: string; format?: string; out?: string; lang?: string };
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { error: optionError(err) };
  }
  const today = vietnamDay(now);
  const from = values.from ?? `${today.slice(0, 4)}-01-01`;
  const to = values.to ?? isoDay(today);
  for (const [option, iso] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (dayOf(iso) === undefined) {
      return {
        error: `${option}: «${iso}» không phải một ngày có thật (viết YYYY-MM-DD, ví dụ 2026-01-31).`,
      };
    }
  }
  const days = (dayOf(to)! - dayOf(from)!) / DAY_MS + 1;
  if (days < 1)
    return {
      error: `--to (${to}) đứng trước --from (${from}): ngày kết thúc không được trước ngày bắt đầu.`,
    };
  if (days > HELP_MAX_DAYS) {
    return { error: `Khoảng thời gian dài quá: ${days} ngày, tối đa ${HELP_MAX_DAYS} ngày (khoảng 10 năm).` };
  }
  const format = values.format ?? 'md';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    return { error: `--format: «${format}» không có; chọn md, csv, json hoặc docx.` };
  }
  const lang = values.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') return { error: `--lang: «${lang}» không có; chọn vi hoặc en.` };
  if (values.out !== undefined && values.out.trim() === '')
    return { error: '--out: cần tên tệp, ví dụ bao-cao.docx.' };
  return { from, to, format: format as ReportFormat, out: values.out, lang };
}
