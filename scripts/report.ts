/**
 * npm run --silent report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format md|csv|json|docx] [--out FILE] [--lang vi|en]
 * «Báo cáo sử dụng Trợ lý DVC» for the commune's digital-transformation report, read from the same Redis
 * and prefix as the running bot (REDIS_URL, the probe address, or `npm start`'s private redis-server).
 * Defaults: from 1 January of this year to today (days in Vietnam), Markdown, on standard output.
 * Exit codes: 0 done; 2 bad usage (one line on stderr); 1 Redis or content unavailable.
 */
import { writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { createAnswerEngine } from '../src/answer-engine';
import { buildStats, type Stats, topicGroupsOf } from '../src/compose-stats';
import { type Config, ConfigError, loadConfig } from '../src/config';
import type { UsageReport } from '../src/core/usage-report';
import { createLogger } from '../src/logger';
import { renderCsv } from '../src/stats/render-csv';
import { renderDocx } from '../src/stats/render-docx';
import { renderJson } from '../src/stats/render-json';
import { renderMarkdown } from '../src/stats/render-markdown';
import { type ReportLabels, reportLabels } from '../src/stats/report-labels';
import { runningRedisUrl } from '../src/storage/local-redis';
import { RedisHelpLog } from '../src/storage/redis-help-log';
import { statsSalt } from '../src/storage/stats-salt';
import { parseReportArgs, type ReportArgs, type ReportFormat } from './report-args';

class Exit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const RENDER: Record<ReportFormat, (r: UsageReport, l: ReportLabels) => string | Promise<Buffer>> = {
  md: renderMarkdown,
  csv: renderCsv,
  json: (r) => renderJson(r),
  docx: renderDocx,
};

async function connect(config: Config): Promise<Redis> {
  const url = await runningRedisUrl({
    url: config.redisUrl,
    probeUrl: config.redisProbeUrl,
    dataDir: config.redisDataDir,
  });
  if (!url) throw new Exit(1, 'Không tìm thấy Redis của bot (đặt REDIS_URL, hoặc chạy bot bằng npm start).');
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch {
    redis.disconnect();
    throw new Exit(1, `Không kết nối được Redis của bot (${new URL(url).host}): Redis có đang chạy không?`);
  }
  return redis;
}

async function report(args: ReportArgs): Promise<string | Buffer> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    throw new Exit(2, err instanceof ConfigError ? err.message : String(err));
  }
  let engine: ReturnType<typeof createAnswerEngine>;
  try {
    engine = createAnswerEngine(config.contentDir, config.localesDir);
  } catch (err) {
    throw new Exit(1, `Không đọc được nội dung (${config.contentDir}): ${(err as Error).message}`);
  }
  const redis = await connect(config);
  let stats: Stats | undefined;
  try {
    const prefix = config.redisPrefix;
    stats = buildStats({
      redis,
      prefix,
      logger: createLogger('silent'),
      statsSalt: await statsSalt(redis, prefix, config.statsSalt),
      statsRetentionDays: config.statsRetentionDays,
      helpLog: new RedisHelpLog(redis, prefix),
      topicGroups: () => topicGroupsOf(engine.kb.topics),
    });
    const data = await stats.reports.report(args.from, args.to);
    return await RENDER[args.format](data, reportLabels(engine.kb, engine.i18n.t, args.lang));
  } catch (err) {
    throw new Exit(1, `Không lập được báo cáo: ${(err as Error).message}`);
  } finally {
    await stats?.close();
    redis.disconnect();
  }
}

async function main(): Promise<number> {
  const args = parseReportArgs(process.argv.slice(2), Date.now());
  if ('error' in args) throw new Exit(2, args.error);
  if (args.format === 'docx' && args.out === undefined && process.stdout.isTTY) {
    throw new Exit(2, 'Tệp Word không in ra màn hình được: thêm --out bao-cao.docx để lưu thành tệp.');
  }
  const output = await report(args);
  if (args.out === undefined) {
    process.stdout.write(output);
    return 0;
  }
  try {
    writeFileSync(args.out, output);
  } catch (err) {
    throw new Exit(
      2,
      `Không ghi được tệp ${args.out}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  process.stderr.write(`Đã lưu báo cáo vào ${args.out}.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Exit ? err.message : `Lỗi: ${String(err)}`}\n`);
    process.exitCode = err instanceof Exit ? err.code : 1;
  },
);
