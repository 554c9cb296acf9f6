import { wordsAt } from './words-at';

/** Words that end the name of a paper asked about and make it a question: «cần giấy kết hôn không», «… hay chỉ căn cước». */
const ASKS_AFTER_PAPER = new Set(['khong', 'ko', 'k', 'hong', 'hok', 'hay', 'hoac', 'chua', 'or']);
/** Words that end it as a statement: «cần giấy xác nhận cư trú để lĩnh lương hưu» needs that paper itself. */
const TELLS_AFTER_PAPER = new Set(['thi', 'de', 'ma', 'va', 'voi', 'nua', 'to', 'and']);
/** Words after «cần giấy» that ask which papers, not about one paper: tờ (giấy tờ), gì, nào, không… */
export const NOT_A_PAPER = new Set(['to', 'gi', 'nao', 'khong', 'ko', 'k', 'chi', 'j']);
/** A paper's name is a few words: «xác nhận tình trạng hôn nhân» is the longest we use. */
const MAX_PAPER_WORDS = 6;

/**
 * Where a question names a paper it asks whether it needs («đăng ký kết hôn có cần giấy xác nhận độc thân
 * không»; not «cần giấy xác nhận cư trú để…», which needs that paper itself): the words of that paper, as
 * [start, end) in `folded` (the question's syllables without diacritics). The procedure asked about is
 * the one the rest of the question names, not the paper's own procedure. `cues` are
 * content/language.yaml's `conversation.papers` («cần giấy», «mang sổ»…), folded syllables.
 */
export function neededPaperSpan(
  folded: readonly string[],
  cues: readonly (readonly string[])[],
): readonly [number, number] | undefined {
  for (let i = 0; i < folded.length; i++) {
    const cue = wordsAt(folded, i, cues);
    if (!cue) continue;
    const start = i + cue.length;
    if (start >= folded.length || NOT_A_PAPER.has(folded[start]!)) continue;
    let end = start;
    while (end < folded.length && end - start < MAX_PAPER_WORDS && !ASKS_AFTER_PAPER.has(folded[end]!)) {
      if (TELLS_AFTER_PAPER.has(folded[end]!)) break;
      end++;
    }
    if (end > start && ASKS_AFTER_PAPER.has(folded[end] ?? '')) return [start, end];
  }
  return undefined;
}
