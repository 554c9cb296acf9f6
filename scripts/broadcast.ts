/**
 * npm run --silent broadcast -- --villages thon-1,thon-2|all --text "…" [--at ISO] --json
 *   → queues an announcement as the commune: {"id","recipients":{"telegram":N,"zalo":N}}
 * npm run --silent broadcast -- --status ID --json
 *   → {"state","sent","failed","blocked","pending"}
 * npm run --silent broadcast -- --cancel ID --json
 *   → cancels a scheduled or running one (what is not yet sent is not sent), then prints its status as --status
 * Same Redis and prefix as the running bot (REDIS_URL, the probe address, or `npm start`'s private
 * redis-server); the bot's worker sends. Usage errors: a message on stderr and exit code 2.
 */
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { createAnswerEngine } from '../src/answer-engine';
import { buildBroadcasts } from '../src/compose-broadcasts';
import { ConfigError, loadConfig } from '../src/config';
import { ALL_VILLAGES, ANNOUNCEMENT_TEXT_MAX } from '../src/core/broadcast';
import { NO_USAGE_LOG } from '../src/core/usage';
import { createLogger } from '../src/logger';
import { runningRedisUrl } from '../src/storage/local-redis';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let values: {
  villages?: string;
  text?: string;
  at?: string;
  status?: string;
  cancel?: string;
  json?: boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      villages: { type: 'string' },
      text: { type: 'string' },
      at: { type: 'string' },
      status: { type: 'string' },
      cancel: { type: 'string' },
      json: { type: 'boolean' },
    },
  }));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  fail(err instanceof ConfigError ? err.message : String(err));
}
const engine = createAnswerEngine(config.contentDir, config.localesDir);
const commune = engine.kb.commune;
// The channels the running bot can send on: those with a token.
const channels = [...(config.telegram?.token ? ['telegram'] : []), ...(config.zalo?.token ? ['zalo'] : [])];

const url = await runningRedisUrl({
  url: config.redisUrl,
  probeUrl: config.redisProbeUrl,
  dataDir: config.redisDataDir,
});
if (!url) fail('Không tìm thấy Redis của bot (REDIS_URL, hoặc bot đang chạy bằng npm start).');
const redis = new Redis(url, { maxRetriesPerRequest: 1 });
const broadcasts = buildBroadcasts({
  redis,
  prefix: config.redisPrefix,
  logger: createLogger('silent'),
  clock: { now: () => Date.now() },
  // The command line only queues; the bot's worker sends (and knows its outboxes).
  outbox: () => undefined,
  channels: () => channels,
  commune: () => commune,
  t: engine.i18n.t,
  dailyCap: config.announcementDailyCap,
  usage: NO_USAGE_LOG,
});

try {
  if (values.status !== undefined && values.cancel !== undefined) fail('--status or --cancel, not both');
  const shown = values.status ?? values.cancel;
  if (shown !== undefined) {
    let b = await broadcasts.get(shown);
    if (!b) fail(`Không có thông báo mã ${shown}.`);
    if (values.cancel !== undefined && b.state !== 'cancelled') {
      const cancelled = await broadcasts.cancel(b.id);
      if (!cancelled) fail(`Thông báo ${b.id} đã gửi xong (${b.state}): không hủy được.`);
      b = cancelled;
    }
    const tally = Object.values(await broadcasts.tally(b.id));
    const sum = (f: 'recipients' | 'sent' | 'failed' | 'blocked' | 'capped') =>
      tally.reduce((n, x) => n + x[f], 0);
    const state = b.state === 'awaiting-approval' ? 'scheduled' : b.state;
    const settled = sum('sent') + sum('failed') + sum('blocked') + sum('capped');
    const pending =
      b.state === 'done' || b.state === 'cancelled' ? 0 : Math.max(0, sum('recipients') - settled);
    console.log(
      JSON.stringify({ state, sent: sum('sent'), failed: sum('failed'), blocked: sum('blocked'), pending }),
    );
  } else {
    const text = (values.text ?? '').trim();
    if (!text) fail('--text "nội dung thông báo" is required');
    if (text.length > ANNOUNCEMENT_TEXT_MAX) fail(`--text: at most ${ANNOUNCEMENT_TEXT_MAX} characters`);
    const ids = (values.villages ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (ids.length === 0) fail('--villages thon-1,thon-2 or --villages all is required');
    const valid = new Set(commune.villages.map((v) => v.id));
    const unknown = ids.filter((v) => v !== 'all' && !valid.has(v));
    if (unknown.length > 0)
      fail(`--villages: unknown ${unknown.join(', ')} (villages: ${[...valid].join(', ')})`);
    const at = values.at === undefined ? Date.now() : Date.parse(values.at);
    if (!Number.isFinite(at)) fail('--at: an ISO date and time, e.g. 2026-12-11T08:00:00+07:00');
    if (at > Date.now() + 366 * 24 * 3600_000) fail('--at: at most a year ahead');
    const villages = ids.includes('all') ? [ALL_VILLAGES] : ids;
    // Both apps always appear (the contract's shape): 0 for one the bot has no token for.
    const recipients = { telegram: 0, zalo: 0, ...(await broadcasts.recipients(villages)) };
    const b = await broadcasts.create({ text, villages, at, by: 'cli', needsApproval: false }, Date.now());
    console.log(JSON.stringify({ id: b.id, recipients }));
  }
} finally {
  await broadcasts.close();
  redis.disconnect();
}
