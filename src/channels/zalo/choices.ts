import type { Button } from '../../core/reply';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const NUMBER_WORDS = ['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi'];

/**
 * Which numbered option a typed answer picks: "1", "số 1", "chọn số 2", "so hai", or the option's own
 * words ("lệ phí", "le phi"). Undefined when it is not a choice (then it is a new question).
 */
export function pickOption(text: string, options: readonly Button[]): Button | undefined {
  if (options.length === 0) return undefined;
  const said = fold(text);
  if (said.length === 0 || said.length > 60) return undefined;
  const number = /^(?:chon\s+)?(?:so\s+)?(\d{1,2}|[a-z]+)$/.exec(said)?.[1];
  if (number) {
    const n = /^\d+$/.test(number) ? Number(number) : NUMBER_WORDS.indexOf(number) + 1;
    if (n >= 1 && n <= options.length) return options[n - 1];
  }
  const label = (o: Button) => fold(o.label.replace(/^\d+\.\s*/, ''));
  const exact = options.find((o) => label(o) === said);
  if (exact) return exact;
  // A few words of one option only ("le phi" for "Lệ phí"), when no other option has them.
  if (said.length >= 4) {
    const containing = options.filter((o) => ` ${label(o)} `.includes(` ${said} `));
    if (containing.length === 1) return containing[0];
  }
  return undefined;
}
