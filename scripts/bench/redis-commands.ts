import type { Redis } from 'ioredis';
import { compose } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { readQuestionSet } from '../../test/helpers/question-set';
import { deleteKeys } from '../../test/helpers/redis-cleanup';
import { report, round } from './stats';

/** Names of the commands a client sent, in order; a script call shows as `evalsha(<script>)`. */
export interface CommandLog {
  readonly names: string[];
}

/**
 * Counts every command the ioredis client sends, at the one place they all pass (`sendCommand`: single
 * commands, auto-pipelined ones and those of a MULTI block alike). EVAL/EVALSHA counts as one command,
 * whatever the script does in Redis; MULTI and EXEC count as one each, like every command between them.
 */
export function countCommands(redis: Redis): CommandLog {
  const log: CommandLog = { names: [] };
  type Send = (command: { name: string; args: unknown[] }, ...rest: unknown[]) => unknown;
  const target = redis as unknown as { sendCommand: Send; scriptsSet?: Record<string, { sha: string }> };
  const send = target.sendCommand.bind(redis) as Send;
  target.sendCommand = (command, ...rest) => {
    log.names.push(describe(command, target.scriptsSet ?? {}));
    return send(command, ...rest);
  };
  return log;
}

function describe(
  command: { name: string; args: unknown[] },
  scripts: Record<string, { sha: string }>,
): string {
  const name = command.name.toLowerCase();
  if (name !== 'evalsha' && name !== 'eval') return name;
  const first = String(command.args[0] ?? '');
  const script = Object.entries(scripts).find(([, s]) => s.sha === first)?.[0];
  return script ? `${name}(${script})` : name;
}

/**
 * Redis commands per web chat message: the bot built in process by compose() (ROLE=web), one visitor
 * onboarded, then 200 typed dev questions one at a time through app.inject, counting what the
 * composition's Redis client sends for each.
 */
export async function benchRedisCommands(redisUrl: string): Promise<void> {
  const prefix = `bench-cmd${Date.now()}:`;
  const config = loadConfig({
    ROLE: 'web',
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: prefix,
    WEB_RATE_PER_VISITOR: '1000000',
    WEB_RATE_PER_IP: '1000000',
  });
  const bot = await compose({ config, redisUrl, logger: createLogger('silent') });
  const app = bot.app;
  if (!app) throw new Error('ROLE=web built no web server');
  try {
    await app.ready();
    const log = countCommands(bot.redis);
    const post = (body: unknown, cookie?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/web/messages',
        headers: cookie ? { cookie } : {},
        payload: body as Record<string, unknown>,
      });
    const onboarding = await post({ payload: 'start:thon-1' });
    if (onboarding.statusCode !== 200) throw new Error(`onboarding: ${onboarding.statusCode}`);
    const cookie = String(onboarding.headers['set-cookie'] ?? '').split(';')[0]!;
    const onboardingCommands = [...log.names];
    const questions = readQuestionSet('test/fixtures/questions.tsv').map((q) => q.question);
    const perMessage: string[][] = [];
    for (let i = 0; i < 200; i++) {
      log.names.length = 0;
      const res = await post({ text: questions[i % questions.length]! }, cookie);
      if (res.statusCode !== 200) throw new Error(`message ${i}: ${res.statusCode} ${res.body}`);
      perMessage.push([...log.names]);
    }
    summarize('redis-commands', perMessage, onboardingCommands);
  } finally {
    await deleteKeys(bot.redis, prefix);
    await bot.close();
  }
}

/** Average, min and max per message, and each distinct list of commands with how many messages sent it. */
export function summarize(bench: string, perMessage: string[][], onboarding: string[]): void {
  const counts = perMessage.map((c) => c.length);
  const total = counts.reduce((a, b) => a + b, 0);
  report({ bench, metric: 'messages', value: perMessage.length, unit: 'messages' });
  report({
    bench,
    metric: 'commands_per_message_avg',
    value: round(total / perMessage.length, 2),
    unit: 'commands',
  });
  report({ bench, metric: 'commands_per_message_min', value: Math.min(...counts), unit: 'commands' });
  report({ bench, metric: 'commands_per_message_max', value: Math.max(...counts), unit: 'commands' });
  const lists = new Map<string, number>();
  for (const c of perMessage) lists.set(c.join(', '), (lists.get(c.join(', ')) ?? 0) + 1);
  for (const [commands, messages] of [...lists].sort((a, b) => b[1] - a[1])) {
    process.stdout.write(
      `${JSON.stringify({ bench, metric: 'commands_of_one_message', messages, commands })}\n`,
    );
  }
  process.stdout.write(
    `${JSON.stringify({ bench, metric: 'commands_of_onboarding', value: onboarding.length, commands: onboarding.join(', ') })}\n`,
  );
}
