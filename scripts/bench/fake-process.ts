import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Starts scripts/bench/fake-platform-process.ts and reads the address it prints. */
export function startFakeProcess(
  platform: 'telegram' | 'zalo',
): Promise<{ url: string; token: string; pid: number; stop: () => void }> {
  const child = spawn(
    join('node_modules', '.bin', 'tsx'),
    ['scripts/bench/fake-platform-process.ts', platform],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        const { url, token } = JSON.parse(line) as { url: string; token: string };
        resolve({ url, token, pid: child.pid ?? 0, stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => reject(new Error(`fake ${platform} process exited (${code})`)));
  });
}
