import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

export interface ScriptRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one of scripts/*.ts the way npm does, with a clean environment plus `env`. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): ScriptRun {
  const r = spawnSync(TSX, [join('scripts', script), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'silent', ...env },
    input,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
