/** npm run kb:check — validates content/; exits 1 on errors, 0 with warnings listed. */
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { formatProblem, readContent } from '../src/knowledge/load';

function contentDir(): string {
  try {
    return loadConfig().contentDir;
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    process.exit(1);
  }
}

const dir = resolve(process.argv[2] ?? contentDir());
const { kb, problems } = readContent(dir);
for (const p of problems) console.log(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
if (errors > 0) {
  console.log(`\n✗ ${errors} lỗi, ${warnings} cảnh báo.`);
  process.exit(1);
}
console.log(
  `\n✓ Nội dung hợp lệ: ${kb?.topics.length ?? 0} chủ đề (${kb?.topics.map((t) => t.id).join(', ')}). ${warnings} cảnh báo.`,
);
