/**
 * The `when` command's work, apart from the process: reads the arguments, answers with JSON lines.
 * See scripts/when.ts for the contract.
 */
import { parseArgs } from 'node:util';
import { parseWhen, type WhenResult } from '../src/language/when';

export const USAGE = 'usage: npm run --silent when -- [--now ISO] [--json] (TEXT | --batch FILE)';

export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  /** 0 for answers, refusals included; 2 for bad usage */
  readonly code: 0 | 2;
}

export interface CliDeps {
  readonly readFile: (path: string) => string;
  readonly now: () => Date;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A strict ISO reading. Without an offset the time is Vietnam's (Date.parse would take the
 * machine's local zone, and the answer would depend on where the command runs).
 */
export function parseNow(text: string): Date | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, hh = '00', mi = '00', ss = '00', ms = '0', offset = '+07:00'] = m;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset === 'Z' ? '0000' : offset.slice(1).replace(':', '');
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss)] as const;
  const utc = Date.UTC(...fields, Number(ms.padEnd(3, '0')));
  const back = new Date(utc);
  const exists =
    back.getUTCFullYear() === fields[0] &&
    back.getUTCMonth() === fields[1] &&
    back.getUTCDate() === fields[2] &&
    back.getUTCHours() === fields[3] &&
    back.getUTCMinutes() === fields[4] &&
    back.getUTCSeconds() === fields[5];
  return exists && Math.abs(offsetMinutes) <= 14 * 60 ? new Date(utc - offsetMinutes * 60_000) : undefined;
}

/** Only the contract's keys, in the contract's order. */
function contract(result: WhenResult): Record<string, unknown> {
  return result.ok
    ? { ok: true, at: result.iso, words: result.words }
    : { ok: false, reason: result.reason, message: result.message };
}

const usageError = (message: string): CliRun => ({ stdout: '', stderr: `${message}\n${USAGE}\n`, code: 2 });

export function runWhenCli(argv: readonly string[], deps: CliDeps): CliRun {
  let values: { now?: string | undefined; batch?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: { now: { type: 'string' }, json: { type: 'boolean' }, batch: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  const now = values.now === undefined ? deps.now() : parseNow(values.now);
  if (!now)
    return usageError(`--now: cannot read "${values.now}" as a date-time like 2026-12-01T10:00:00+07:00`);
  const text = positionals.join(' ').trim();

  if (values.batch !== undefined) {
    if (text) return usageError('give either a text or --batch FILE, not both');
    let content: string;
    try {
      content = deps.readFile(values.batch);
    } catch (err) {
      return usageError(
        `--batch: cannot read ${values.batch}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const lines = content.split(/\r?\n/).filter((line) => line.trim().length > 0);
    const out = lines.map((line) => `${JSON.stringify({ text: line, ...contract(parseWhen(line, now)) })}\n`);
    return { stdout: out.join(''), stderr: '', code: 0 };
  }
  if (!text) return usageError('no text: say when, e.g. "thứ 6 tuần sau 8h"');
  return { stdout: `${JSON.stringify(contract(parseWhen(text, now)))}\n`, stderr: '', code: 0 };
}
