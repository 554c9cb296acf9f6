/**
 * npm run bench [-- --only matcher] — prints one JSON line per figure; BENCHMARKS.md records them.
 * Run through `node --expose-gc` (the npm script does) so heap figures are measured after a GC.
 */
import { loadConfig } from '../src/config';
import { benchMatcher } from './bench/matcher';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const config = loadConfig();
const benches: Record<string, () => Promise<void> | void> = {
  matcher: () => benchMatcher(config.contentDir, config.localesDir),
};

for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
