/**
 * Composition root: reads the config, makes sure there is a Redis, and starts the role(s) through
 * compose.ts (the one wiring that tests and benchmarks use too).
 */
import { resolve } from 'node:path';
import { compose } from './compose';
import { type Config, ConfigError, loadConfig } from './config';
import { createLogger, type Logger } from './logger';
import { ensureRedis } from './storage/local-redis';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const endpoint = await ensureRedis({
    url: config.redisUrl,
    probeUrl: config.redisProbeUrl,
    dataDir: resolve(config.redisDataDir),
    maxmemory: config.redisMaxmemory,
    logger,
  });
  const bot = await compose({ config, redisUrl: endpoint.url, logger }).catch(async (err: unknown) => {
    await endpoint.stop?.();
    throw err;
  });
  const closers: (() => Promise<void>)[] = [() => bot.close()];
  if (endpoint.stop) closers.push(endpoint.stop);
  onShutdown(logger, closers);
  // `kill -HUP <pid>`: read content/ and locales/ again now (changes are also picked up by themselves).
  process.on('SIGHUP', () => void bot.reloadContent());
  const url = await bot.start();
  if (url) logger.info('Trợ lý DVC: web chat at http://localhost:%d', config.port);
}

/** SIGTERM/SIGINT: stop taking requests, finish those in hand, close Redis, stop a private redis-server. */
function onShutdown(logger: Logger, closers: (() => Promise<void>)[]): void {
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const close of closers) {
      await close().catch((err: unknown) => logger.error({ err }, 'error while shutting down'));
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
