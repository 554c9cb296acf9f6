/**
 * npm run --silent when -- [--now ISO] [--json] "thứ 6 tuần sau 8h"
 *   → {"ok":true,"at":"2026-12-11T08:00:00+07:00","words":"Thứ Sáu, 11/12/2026 lúc 08:00"}
 *   or {"ok":false,"reason":"past|too-far|invalid|unclear","message":"…"}
 * npm run --silent when -- [--now ISO] --batch FILE → one such line per non-empty line, "text" first.
 * --now: an ISO date-time with its offset (2026-12-01T10:00:00+07:00); without one, Vietnam's time.
 * JSON is the only output (--json is accepted for the contract). Exit 0 for answers and refusals;
 * bad usage (no text, unreadable --now, missing batch file) prints a message on stderr and exits 2.
 */
import { readFileSync } from 'node:fs';
import { runWhenCli } from './when-cli';

const run = runWhenCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  now: () => new Date(),
});
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exitCode = run.code;
