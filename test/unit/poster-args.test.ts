import { describe, expect, it } from 'vitest';
import { parsePosterArgs } from '../../scripts/poster-args';

describe('npm run poster arguments', () => {
  it('takes one village or all of them, into posters/ unless told', () => {
    expect(parsePosterArgs(['--', '--village', 'thon-1'])).toEqual({ village: 'thon-1', out: 'posters' });
    expect(parsePosterArgs(['--all', '--out', '/tmp/p'])).toEqual({ village: undefined, out: '/tmp/p' });
  });

  it('refuses neither, both, or anything unknown', () => {
    expect(parsePosterArgs([])).toHaveProperty('error');
    expect(parsePosterArgs(['--all', '--village', 'thon-1'])).toHaveProperty('error');
    expect(parsePosterArgs(['--all', '--color'])).toHaveProperty('error');
    expect(parsePosterArgs(['--village'])).toHaveProperty('error');
  });
});
