import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every variable config.ts reads is in .env.example and in the README's configuration table. */
describe('configuration is documented', () => {
  const config = readFileSync('src/config.ts', 'utf8');
  const block = config.slice(config.indexOf('const envSchema'), config.indexOf('.superRefine'));
  const variables = [...block.matchAll(/^\s{4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);

  it('finds the variables', () => {
    expect(variables).toContain('PORT');
    expect(variables).toContain('ZALO_API_BASE');
  });

  it('lists each in .env.example and in the README table', () => {
    const example = readFileSync('.env.example', 'utf8');
    const readme = readFileSync('README.md', 'utf8');
    for (const v of variables) {
      if (v !== 'NODE_ENV') expect(example, v).toMatch(new RegExp(`^${v}=`, 'm'));
      expect(readme, v).toContain(`| \`${v}\` |`);
    }
  });
});
