import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { LOCALES } from '../core/user';
import { glossarySchema, type LexiconData, lexiconSchema } from '../language/lexicon';
import { placeholdersIn, placeholderValues, unknownPlaceholders } from './placeholders';
import { answerText, sectionsOf } from './render';
import {
  ANSWER_MAX,
  type Commune,
  communeSchema,
  type Group,
  groupsSchema,
  type KnowledgeBase,
  outOfScopeSchema,
  PLACEHOLDER_MARK,
  REQUIRED_TOPIC_IDS,
  SECTION_KEYS,
  type Topic,
  topicSchema,
} from './schema';
import { topicVoiceProblems } from './voice';
import { type ParsedFile, type Problem, parseYamlFile } from './yaml-file';

export type { Problem } from './yaml-file';

export interface LoadedContent {
  readonly kb: KnowledgeBase | undefined;
  readonly lexicon: LexiconData | undefined;
  readonly problems: Problem[];
}

/** Reads and checks the whole content folder. Nothing is thrown: every problem is listed with its line. */
export function readContent(dir: string): LoadedContent {
  const problems: Problem[] = [];
  const commune = parseYamlFile(join(dir, 'commune.yaml'), communeSchema);
  const groups = parseYamlFile(join(dir, 'groups.yaml'), groupsSchema);
  const language = parseYamlFile(join(dir, 'language.yaml'), lexiconSchema);
  const glossary = existsSync(join(dir, 'glossary.yaml'))
    ? parseYamlFile(join(dir, 'glossary.yaml'), glossarySchema)
    : undefined;
  const outOfScope = parseYamlFile(join(dir, 'out-of-scope.yaml'), outOfScopeSchema);
  problems.push(...commune.problems, ...groups.problems, ...language.problems, ...outOfScope.problems);
  problems.push(...(glossary?.problems ?? []));
  problems.push(...glossaryWarnings(join(dir, 'glossary.yaml'), glossary, language.value));
  problems.push(...placeholderWarnings(join(dir, 'commune.yaml')));

  const topicsDir = join(dir, 'topics');
  let files: string[] = [];
  try {
    files = readdirSync(topicsDir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort();
  } catch {
    problems.push({ file: rel(topicsDir), line: 1, severity: 'error', message: 'không có thư mục topics' });
  }
  const groupIds = new Set((groups.value?.groups ?? []).map((g: Group) => g.id));
  // Answers are measured as residents read them: with {office}, {hours}… filled from commune.yaml.
  const filledIn = commune.value
    ? { vi: placeholderValues(commune.value), en: placeholderValues(commune.value, 'en') }
    : undefined;
  const topics: Topic[] = [];
  const seenQuestions = new Map<string, string>();
  const unreadable = new Set<string>();
  for (const f of files) {
    const path = join(topicsDir, f);
    const parsed = parseYamlFile(path, topicSchema);
    problems.push(...parsed.problems, ...placeholderWarnings(path));
    const topic = parsed.value;
    if (!topic) {
      unreadable.add(f);
      continue;
    }
    const at = (p: (string | number)[], severity: Problem['severity'], message: string): void => {
      problems.push({ file: rel(path), line: parsed.lineOf(p), severity, message });
    };
    const expected = basename(f).replace(/\.ya?ml$/, '');
    if (topic.id !== expected) at(['id'], 'error', `id "${topic.id}" phải trùng tên tệp "${expected}"`);
    if (topics.some((t) => t.id === topic.id)) at(['id'], 'error', `id "${topic.id}" bị trùng`);
    if (groups.value && !groupIds.has(topic.group))
      at(['group'], 'error', `nhóm "${topic.group}" không có trong groups.yaml`);
    // What residents read, in the order they read it: the answer, then the sections.
    const texts: [(string | number)[], string][] = [
      [['answer'], topic.answer],
      ...sectionsOf(topic).map((k): [(string | number)[], string] => [
        ['sections', k],
        topic.sections[k] ?? '',
      ]),
    ];
    for (const [p, text] of texts) {
      for (const name of unknownPlaceholders(text)) at(p, 'error', `không biết chỗ trống {${name}}`);
    }
    for (const { index, message } of topicVoiceProblems(texts.map(([, text]) => text))) {
      at(texts[index]![0], 'error', `lời văn: ${message} (xem content/README.md, «Lời văn»)`);
    }
    englishProblems(topic, at);
    for (const locale of LOCALES) {
      const en = locale === 'en';
      if (!filledIn || (en && !topic.answer_en)) continue;
      const filled = answerText(topic, filledIn[locale], locale).length;
      if (filled > ANSWER_MAX)
        at(
          [en ? 'answer_en' : 'answer'],
          'error',
          `câu trả lời${en ? ' tiếng Anh' : ''} dài ${filled} ký tự khi đã điền thông tin của xã ({office}, {hours}… từ commune.yaml), quá ${ANSWER_MAX}: bà con đọc trên điện thoại nhỏ; để địa chỉ, giờ làm việc và chi tiết trong các mục (sections)`,
        );
    }
    topic.questions.forEach((q, i) => {
      const key = q.toLowerCase().normalize('NFC');
      const other = seenQuestions.get(key);
      if (other) at(['questions', i], 'warning', `câu hỏi mẫu trùng với chủ đề ${other}: "${q}"`);
      else seenQuestions.set(key, topic.id);
    });
    topics.push(topic);
  }
  for (const id of REQUIRED_TOPIC_IDS) {
    // A file that could not be read has its own error already; do not report it twice.
    if (!topics.some((t) => t.id === id) && !unreadable.has(`${id}.yaml`)) {
      problems.push({
        file: rel(topicsDir),
        line: 1,
        severity: 'error',
        message: `thiếu chủ đề bắt buộc "${id}"`,
      });
    }
  }
  const ok =
    commune.value && groups.value && outOfScope.value && !problems.some((p) => p.severity === 'error');
  return {
    kb: ok
      ? {
          commune: commune.value as Commune,
          groups: groups.value!.groups,
          topics,
          outOfScope: outOfScope.value!.topics,
        }
      : undefined,
    lexicon: language.value && {
      ...language.value,
      glossary: { ...glossary?.value?.everyday, ...glossary?.value?.english },
    },
    problems,
  };
}

/** Every "(cần cập nhật)" left in a file, so staff see what still has to be filled in. */
function placeholderWarnings(path: string): Problem[] {
  let lines: string[];
  try {
    lines = readFileSync(path, 'utf8').split('\n');
  } catch {
    return [];
  }
  return lines.flatMap((line, i) =>
    line.includes(PLACEHOLDER_MARK) && !line.trimStart().startsWith('#')
      ? [
          {
            file: rel(path),
            line: i + 1,
            severity: 'warning' as const,
            message: `còn chỗ cần cập nhật: ${line.trim()}`,
          },
        ]
      : [],
  );
}

const rel = (p: string): string => relative(process.cwd(), p) || p;

export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `Nội dung (content/) có lỗi:\n${problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n')}`,
    );
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.severity === 'error' ? 'lỗi' : 'cảnh báo'}: ${p.message}`;
}

/** Loads the content for the bot, or throws ContentError listing every error. */
export function loadContent(dir: string): { kb: KnowledgeBase; lexicon: LexiconData; problems: Problem[] } {
  const { kb, lexicon, problems } = readContent(dir);
  if (!kb || !lexicon) throw new ContentError(problems);
  return { kb, lexicon, problems };
}

/** A day/month date (1/7/2025) or month/year (7/2025), which English readers may read the other way. */
const NUMERIC_DATE = /\b\d{1,2}\/(\d{1,2}\/)?\d{4}\b/;

/**
 * The English answer says what the Vietnamese says: a section only where there is a Vietnamese one, the
 * same commune details ({office}, {phone}…). A topic without English is read in Vietnamese (a warning).
 */
function englishProblems(
  topic: Topic,
  at: (p: (string | number)[], severity: Problem['severity'], message: string) => void,
): void {
  if (!topic.answer_en) {
    at(
      ['answer'],
      'warning',
      'chưa có câu trả lời tiếng Anh (answer_en): người chọn tiếng Anh sẽ đọc tiếng Việt',
    );
    return;
  }
  const pairs: [(string | number)[], string, string | undefined][] = [
    [['answer_en'], topic.answer, topic.answer_en],
    ...SECTION_KEYS.filter((k) => topic.sections_en[k] !== undefined).map(
      (k): [(string | number)[], string, string | undefined] => [
        ['sections_en', k],
        topic.sections[k] ?? '',
        topic.sections_en[k],
      ],
    ),
  ];
  for (const [p, vietnamese, english = ''] of pairs) {
    if (vietnamese === '') {
      at(p, 'error', `mục tiếng Anh "${p[1]}" không có mục tiếng Việt tương ứng trong sections`);
      continue;
    }
    for (const name of unknownPlaceholders(english)) at(p, 'error', `không biết chỗ trống {${name}}`);
    const numericDate = english.match(NUMERIC_DATE)?.[0];
    if (numericDate)
      at(
        p,
        'error',
        `ngày "${numericDate}" trong bản tiếng Anh: người Mỹ đọc 1/7 là ngày 7 tháng 1; viết tên tháng (1 July 2025, July 2025)`,
      );
    const missing = placeholdersIn(vietnamese).filter((name) => !placeholdersIn(english).includes(name));
    if (missing.length > 0)
      at(
        p,
        'error',
        `bản tiếng Anh thiếu chỗ trống ${missing.map((m) => `{${m}}`).join(', ')} mà bản tiếng Việt có`,
      );
  }
  for (const k of sectionsOf(topic)) {
    if (topic.sections_en[k] === undefined)
      at(['sections', k], 'warning', `mục "${k}" chưa có bản tiếng Anh (sections_en)`);
  }
}

/** A glossary key that language.yaml already has, or that both of its parts have: keep one. */
function glossaryWarnings(
  path: string,
  glossary: ParsedFile<z.output<typeof glossarySchema>> | undefined,
  language: LexiconData | undefined,
): Problem[] {
  const parts = glossary?.value;
  if (!glossary || !parts) return [];
  const problems: Problem[] = [];
  for (const part of ['everyday', 'english'] as const) {
    for (const key of Object.keys(parts[part])) {
      const where =
        language && key in language.phrases
          ? 'language.yaml (phrases)'
          : part === 'english' && key in parts.everyday
            ? 'everyday'
            : undefined;
      if (where)
        problems.push({
          file: rel(path),
          line: glossary.lineOf([part, key]),
          severity: 'warning',
          message: `«${key}» đã có trong ${where}: giữ một chỗ`,
        });
    }
  }
  return problems;
}
