/** npm run kb:check — validates content/; exits 1 on errors, 0 with warnings listed. */
import { resolve } from 'node:path';
import { formatProblem, readContent } from '../src/knowledge/load';

const dir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const { kb, problems } = readContent(dir);
for (const p of problems) console.log(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
if (errors > 0) {
  console.log(`\n✗ ${errors} lỗi, ${warnings} cảnh báo.`);
  process.exit(1);
}
console.log(`\n✓ Nội dung hợp lệ: ${kb?.topics.length ?? 0} chủ đề (${kb?.topics.map((t) => t.id).join(', ')}). ${warnings} cảnh báo.`);
