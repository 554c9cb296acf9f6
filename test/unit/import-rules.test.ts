import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layer rules of ARCHITECTURE §3, checked on every import in src/ and scripts/. */

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  readonly file: string;
  readonly spec: string;
  /** for relative imports: the imported path relative to the repo, without extension */
  readonly target: string | undefined;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function importsOf(file: string): Import[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    const target = spec.startsWith('.') ? relative('.', resolve(dirname(file), spec)) : undefined;
    return { file, spec, target };
  });
}

const all = [...files('src'), ...files('scripts')].flatMap(importsOf);
const packageOf = (spec: string): string =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
const layerOf = (path: string): string => {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1]! : path.replace(/\.ts$/, '');
};
const channelOf = (path: string): string | undefined =>
  path.startsWith('src/channels/') ? path.split('/')[2] : undefined;

function violations(pred: (i: Import) => boolean): string[] {
  return all.filter(pred).map((i) => `${i.file} imports ${i.spec}`);
}

describe('import rules (ARCHITECTURE §3)', () => {
  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all.some((i) => i.spec === 'minisearch')).toBe(true);
  });

  it('core imports nothing but zod and core', () => {
    expect(
      violations(
        (i) =>
          layerOf(i.file) === 'core' &&
          (i.target ? layerOf(i.target) !== 'core' : packageOf(i.spec) !== 'zod'),
      ),
    ).toEqual([]);
  });

  it('language is pure: its own files, core, zod and minisearch', () => {
    expect(
      violations(
        (i) =>
          layerOf(i.file) === 'language' &&
          (i.target
            ? !['language', 'core'].includes(layerOf(i.target))
            : !['zod', 'minisearch'].includes(packageOf(i.spec))),
      ),
    ).toEqual([]);
  });

  it('features reach I/O only through ports: no SDK, HTTP, queue, Redis or server imports', () => {
    const forbidden = ['grammy', 'axios', 'bullmq', 'ioredis', 'fastify', 'node:fs', 'node:net', 'node:http'];
    expect(
      violations(
        (i) =>
          layerOf(i.file) === 'features' &&
          (i.target
            ? ['channels', 'queues', 'storage', 'server', 'stats'].includes(layerOf(i.target))
            : forbidden.includes(packageOf(i.spec)) || packageOf(i.spec).startsWith('@grammyjs')),
      ),
    ).toEqual([]);
  });

  it('a channel never imports a feature or another channel', () => {
    expect(
      violations(
        (i) =>
          layerOf(i.file) === 'channels' &&
          i.target !== undefined &&
          (layerOf(i.target) === 'features' ||
            (layerOf(i.target) === 'channels' && channelOf(i.target) !== channelOf(i.file))),
      ),
    ).toEqual([]);
  });

  it('only src/queues imports bullmq; grammY only in the Telegram channel; axios only in the Zalo channel', () => {
    expect(violations((i) => packageOf(i.spec) === 'bullmq' && layerOf(i.file) !== 'queues')).toEqual([]);
    expect(
      violations(
        (i) =>
          (packageOf(i.spec) === 'grammy' || packageOf(i.spec).startsWith('@grammyjs')) &&
          channelOf(i.file) !== 'telegram' &&
          !i.file.startsWith('scripts/telegram'),
      ),
    ).toEqual([]);
    expect(
      violations(
        (i) =>
          packageOf(i.spec) === 'axios' && channelOf(i.file) !== 'zalo' && !i.file.startsWith('scripts/zalo'),
      ),
    ).toEqual([]);
  });

  it('posters build pages from content: no feature, channel, queue, storage or server imports', () => {
    expect(
      violations(
        (i) =>
          layerOf(i.file) === 'posters' &&
          i.target !== undefined &&
          ['features', 'channels', 'queues', 'storage', 'server', 'delivery'].includes(layerOf(i.target)),
      ),
    ).toEqual([]);
  });

  it('only scripts/ drive a browser (playwright-core)', () => {
    expect(
      violations((i) => packageOf(i.spec) === 'playwright-core' && !i.file.startsWith('scripts/')),
    ).toEqual([]);
  });

  it('only src/config.ts reads process.env', () => {
    const readers = [...files('src'), ...files('scripts')].filter(
      (f) => f !== 'src/config.ts' && /process\.env\b/.test(readFileSync(f, 'utf8')),
    );
    expect(readers).toEqual([]);
  });
});
