import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Composition, compose, IncompleteContentError } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { until } from '../helpers/until';

/** Staff edit content/ while the bot runs: a good edit is used at once, a bad one never breaks the bot. */

const dir = mkdtempSync(join(tmpdir(), 'dvc-content-'));
const contentDir = join(dir, 'content');
let bot: Composition;
const logs: string[] = [];

async function ask(text: string): Promise<string> {
  // A topic's button: the whole short answer, whatever was asked before.
  const topic = text.startsWith('topic:');
  const replies = await bot.pipeline.respond({
    user: { channel: 'web', id: 'reload-visitor' },
    chatId: 'reload-visitor',
    ...(topic ? { kind: 'button' as const, payload: text } : { kind: 'text' as const, text }),
    messageId: `m${Math.random()}`,
    receivedAt: Date.now(),
  });
  return replies.map((r) => r.text).join('\n');
}

beforeAll(async () => {
  cpSync('content', contentDir, { recursive: true });
  const config = loadConfig({
    ROLE: 'web',
    CONTENT_DIR: contentDir,
    LOCALES_DIR: 'locales',
    REDIS_PREFIX: `reload${Date.now()}:`,
    COOKIE_SECRET: 'reload-test-secret-reload-test-secret-0123',
  });
  const logger = createLogger('info', { write: (line: string) => logs.push(line) });
  bot = await compose({
    config: { ...config, port: 0, host: '127.0.0.1' },
    redisUrl: inject('redisUrl'),
    logger,
  });
  await bot.conversation.handle({
    user: { channel: 'web', id: 'reload-visitor' },
    chatId: 'reload-visitor',
    kind: 'button',
    payload: 'start:thon-1',
    messageId: 'start',
    receivedAt: Date.now(),
  });
});
afterAll(async () => {
  await bot.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('content changed while the bot runs', () => {
  it('answers with the new text soon after the file is saved', async () => {
    const file = join(contentDir, 'topics', 'khai-sinh.yaml');
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toContain('Bà con mang theo:');
    writeFileSync(file, yaml.replace('Bà con mang theo:', 'SỬA THỬ, mang:'));
    await until(async () => (await ask('topic:khai-sinh')).includes('SỬA THỬ'), 10_000);
    expect(logs.join('\n')).toContain('Đã nạp lại nội dung');
  });

  it('keeps the content that was running when an edit is broken, and says where', async () => {
    const file = join(contentDir, 'topics', 'ket-hon.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nanswer: [unclosed\n`);
    expect(bot.reloadContent()).toBe(false);
    expect(await ask('topic:ket-hon')).toContain('Đăng ký kết hôn');
    expect(logs.join('\n')).toMatch(/ket-hon\.yaml:\d+/);
  });
});

describe('production with the office phone and address missing', () => {
  it('refuses to start and names what is missing, unless told otherwise', async () => {
    const config = loadConfig({ NODE_ENV: 'production', ROLE: 'worker', REDIS_PREFIX: `prod${Date.now()}:` });
    const logger = createLogger('silent');
    await expect(compose({ config, redisUrl: inject('redisUrl'), logger })).rejects.toThrow(
      IncompleteContentError,
    );
    await expect(compose({ config, redisUrl: inject('redisUrl'), logger })).rejects.toThrow(/office\.phones/);
    const allowed = await compose({
      config: { ...config, allowIncompleteContent: true },
      redisUrl: inject('redisUrl'),
      logger,
    });
    await allowed.close();
  });
});
