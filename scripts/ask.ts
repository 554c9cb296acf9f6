/**
 * npm run --silent ask -- "câu hỏi"            → the reply as a resident reads it
 * npm run --silent ask -- --json "câu hỏi"     → {"topic","decision","confidence","candidates","reply"}
 *   (decision: answer, clarify, outside, unknown, or scam / scammed / intent-… as a conversation answers them)
 * npm run --silent ask -- --json --batch FILE  → one JSON object per line, with "question"
 * Only the answer goes to stdout; logs and errors go to stderr. Needs no Redis and no token.
 */
import { readFileSync } from 'node:fs';
import { createAnswerEngine } from '../src/answer-engine';
import { ConfigError, loadConfig } from '../src/config';
import type { Reply } from '../src/core/reply';
import { intentBeside } from '../src/features/follow-ups';
import type { AnswerDecision } from '../src/features/question-answering';
import { decisionReply } from '../src/features/topic-replies';
import { isLocale, type Locale } from '../src/i18n';
import { looksEnglish } from '../src/language/english';

interface Args {
  json: boolean;
  batch: string | undefined;
  locale: Locale;
  question: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, batch: undefined, locale: 'vi', question: '' };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--batch') args.batch = argv[++i];
    else if (a === '--lang') {
      const l = argv[++i];
      if (!isLocale(l)) fail(`--lang phải là vi hoặc en`);
      args.locale = l;
    } else if (a === '--') continue;
    else rest.push(a);
  }
  if (argv.includes('--batch') && !args.batch) fail('--batch cần tên tệp (one question per line)');
  args.question = rest.join(' ');
  return args;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function asText(reply: Reply): string {
  const buttons = (reply.buttons ?? []).flat().map((b, i) => `  [${i + 1}] ${b.label}`);
  return [reply.text, ...(buttons.length > 0 ? ['', ...buttons] : [])].join('\n');
}

function main(): void {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    fail(err instanceof ConfigError ? err.message : String(err));
  }
  const args = parseArgs(process.argv.slice(2));
  const engine = createAnswerEngine(config.contentDir, config.localesDir);
  // What a resident gets for a first message in a conversation (src/features/answer.ts): a question
  // written in English is answered in English; a question about giving away a code or money gets the
  // safety reply at once; a greeting or thanks that is no procedure gets its kind word; otherwise the
  // decision's reply.
  const answer = (question: string): { decision: AnswerDecision; kind: string; reply: Reply } => {
    const locale: Locale = args.locale === 'vi' && looksEnglish(question) ? 'en' : args.locale;
    const context = { t: engine.i18n.t, locale, values: engine.qa.values[locale] };
    const decision = engine.qa.decide(question);
    const values = context.values;
    const safety = engine.qa.scammed(question)
      ? 'safety-scammed'
      : engine.qa.scam(question)
        ? 'safety-scam'
        : undefined;
    if (safety) {
      const text = engine.i18n.t(locale, safety, { police: values.police ?? '' });
      return { decision, kind: safety === 'safety-scam' ? 'scam' : 'scammed', reply: { text } };
    }
    const intent = engine.qa.intentOnly(question) ?? intentBeside(question, decision, engine.qa.intent);
    if (intent) {
      const text = engine.i18n.t(locale, `intent-${intent}`, { phone: values.phone ?? '' });
      return { decision, kind: `intent-${intent}`, reply: { text } };
    }
    return { decision, kind: decision.kind, reply: decisionReply(decision, context) };
  };
  const one = (question: string): Record<string, unknown> => {
    const { decision, kind, reply } = answer(question);
    const match = decision.match;
    return {
      topic: match.topic,
      decision: kind,
      confidence: match.confidence,
      candidates: match.candidates,
      reply: reply.text,
    };
  };
  if (args.batch) {
    let lines: string[];
    try {
      lines = readFileSync(args.batch, 'utf8').split(/\r?\n/);
    } catch (err) {
      fail(`không đọc được tệp ${args.batch}: ${(err as Error).message}`);
    }
    if (lines.at(-1) === '') lines.pop();
    const out = lines.map((question) => JSON.stringify({ question, ...one(question) }));
    process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
    return;
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(one(args.question))}\n`);
    return;
  }
  process.stdout.write(`${asText(answer(args.question).reply)}\n`);
}

main();
