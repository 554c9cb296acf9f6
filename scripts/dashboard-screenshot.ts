/**
 * npm run dashboard:screenshot [-- --out DIR]
 * Writes DIR/dashboard.png (1200 px wide) and DIR/dashboard-mobile.png (360 px) (default DIR: docs/): the
 * staff dashboard over a month of made-up figures (scripts/dashboard-demo-data.ts), seeded under a
 * throwaway key prefix that is deleted afterwards. Needs Chromium and a Redis (REDIS_URL, the probe
 * address, or a private redis-server started in a temporary folder).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createWebAdapter } from '../src/channels/web/adapter';
import { compose } from '../src/compose';
import { loadConfig } from '../src/config';
import { vietnamMidnight } from '../src/core/usage-days';
import { vietnamDay } from '../src/core/vietnam-day';
import { createLogger } from '../src/logger';
import { ensureRedis } from '../src/storage/local-redis';
import { linkPath } from '../test/helpers/dashboard-link';
import { deleteKeys } from '../test/helpers/redis-cleanup';
import { seedDemoMonth } from './dashboard-demo-data';
import { launchChromium } from './poster-pdf';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs' } } });
const out = values.out ?? 'docs';
const logger = createLogger('silent');
const config = loadConfig();
const dataDir = mkdtempSync(join(tmpdir(), 'dvc-shot-'));
const redis = await ensureRedis({
  url: config.redisUrl,
  probeUrl: config.redisProbeUrl,
  dataDir,
  maxmemory: '128mb',
  logger,
});
// Last month, whole: the page opens on "this month", so the clock stands on its last afternoon.
const thisMonth = vietnamDay(Date.now()).slice(0, 6);
const lastMonthEnd = vietnamMidnight(`${thisMonth}01`) - 8 * 3_600_000;
const month = vietnamDay(lastMonthEnd).slice(0, 6);
const prefix = `shot${Date.now()}:`;
const composed = await compose({
  config: {
    ...config,
    redisPrefix: prefix,
    role: 'web',
    port: 0,
    host: '127.0.0.1',
    publicUrl: undefined,
    allowIncompleteContent: true,
  },
  redisUrl: redis.url,
  logger,
  clock: { now: () => lastMonthEnd },
  adapters: [() => createWebAdapter()],
});
const browser = await launchChromium();
try {
  const url = await composed.start();
  const staff = { channel: 'zalo', id: 'demo-staff' };
  await composed.services.roles.grant(staff, { kind: 'staff' });
  const period = await seedDemoMonth(composed.services, month);
  mkdirSync(out, { recursive: true });
  for (const [file, width, height] of [
    ['dashboard.png', 1200, 900],
    ['dashboard-mobile.png', 360, 740],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${url}${linkPath(await composed.services.dashboard.issue(staff))}`);
    await page.locator(`#dashboard[data-period="${period.from}..${period.to}"]`).waitFor();
    await page.screenshot({ path: join(out, file), fullPage: true });
    await context.close();
    process.stderr.write(`${join(out, file)}\n`);
  }
} finally {
  await browser.close();
  await deleteKeys(composed.redis, prefix);
  await composed.close();
  await redis.stop?.();
  rmSync(dataDir, { recursive: true, force: true });
}
