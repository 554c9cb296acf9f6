import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readContent } from '../../src/knowledge/load';
import { ANSWER_MAX } from '../../src/knowledge/schema';
import { topicVoiceProblems, voiceProblems } from '../../src/knowledge/voice';
import { runScript } from '../helpers/run-script';

const dirs: string[] = [];
function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-content-'));
  cpSync('content', dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm run kb:check', () => {
  it('passes on the shipped content, listing every placeholder as a warning', () => {
    const r = runScript('kb-check.ts', []);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('khai-sinh');
    expect(r.stdout).toMatch(/commune\.yaml:\d+: cảnh báo: còn chỗ cần cập nhật/);
  });

  it('reports broken YAML with the file and line, and exits 1', () => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'khai-sinh.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(3, 0, 'title: [unclosed');
    writeFileSync(file, lines.join('\n'));
    const r = runScript('kb-check.ts', [dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/khai-sinh\.yaml:\d+: lỗi: YAML sai cú pháp/);
  });

  it('flags a glossary key that language.yaml already has, at its line', () => {
    const dir = copyOfContent();
    const file = join(dir, 'glossary.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}  birth registration: khai sinh\n`);
    const line = readFileSync(file, 'utf8').trimEnd().split('\n').length;
    const { problems, lexicon } = readContent(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        line,
        severity: 'warning',
        message: expect.stringContaining('birth registration'),
      }),
    );
    expect(lexicon?.glossary?.['police check']).toBe('lý lịch tư pháp');
    expect(lexicon?.glossary?.['hôn thú']).toBe('giấy kết hôn');
  });

  it('reports a glossary entry that is not a phrase, at its line', () => {
    const dir = copyOfContent();
    const file = join(dir, 'glossary.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}  work visa: [a, list]\n`);
    const line = readFileSync(file, 'utf8').trimEnd().split('\n').length;
    const { problems, kb } = readContent(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ line, severity: 'error', message: expect.stringContaining('work visa') }),
    );
    expect(kb).toBeUndefined();
  });

  it('reads the content without glossary.yaml (no glossary)', () => {
    const dir = copyOfContent();
    rmSync(join(dir, 'glossary.yaml'));
    const { problems, lexicon } = readContent(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(lexicon?.glossary).toEqual({});
  });

  it('reports a missing field at its line, and exits 1', () => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'ket-hon.yaml');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace(/^reviewed:.*$/m, ''));
    const r = runScript('kb-check.ts', [dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ket-hon\.yaml:1: lỗi: reviewed:/);
  });

  it('points at the line of a wrong value and at a topic whose id does not match its file', () => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'tam-tru.yaml');
    const source = readFileSync(file, 'utf8')
      .replace(/^id: tam-tru$/m, 'id: tam-tru-2')
      .replace(/^group: .*$/m, 'group: khong-co');
    writeFileSync(file, source);
    const { problems } = readContent(dir);
    const idLine = source.split('\n').findIndex((l) => l.startsWith('id:')) + 1;
    const groupLine = source.split('\n').findIndex((l) => l.startsWith('group:')) + 1;
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: idLine,
        severity: 'error',
        message: expect.stringContaining('tam-tru-2'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: groupLine,
        severity: 'error',
        message: expect.stringContaining('khong-co'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('thiếu chủ đề bắt buộc "tam-tru"') }),
    );
  });

  it(`rejects an answer over ${ANSWER_MAX} characters and an unknown placeholder`, () => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'lien-he.yaml');
    const topic = parse(readFileSync(file, 'utf8'));
    topic.answer = `${'a'.repeat(ANSWER_MAX + 1)}`;
    topic.sections = { 'luu-y': 'Gọi {so_dien_thoai}' };
    writeFileSync(file, stringify(topic));
    const messages = readContent(dir).problems.map((p) => p.message);
    expect(messages.some((m) => m.includes(`dài quá ${ANSWER_MAX}`))).toBe(true);
    writeFileSync(file, stringify({ ...topic, answer: 'ngắn' }));
    expect(readContent(dir).problems.map((p) => p.message)).toContain('không biết chỗ trống {so_dien_thoai}');
  });

  it('measures an answer with the commune profile filled in, and points at its line', () => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'lien-he.yaml');
    const topic = parse(readFileSync(file, 'utf8'));
    // Short as written (69 characters), far too long once {hours} is filled in eight times.
    topic.answer = 'Giờ: {hours} {hours} {hours} {hours} {hours} {hours} {hours} {hours}';
    const source = stringify(topic);
    writeFileSync(file, source);
    const { problems, kb } = readContent(dir);
    expect(kb).toBeUndefined();
    const answerLine = source.split('\n').findIndex((l) => l.startsWith('answer:')) + 1;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining('lien-he.yaml'),
        line: answerLine,
        severity: 'error',
        message: expect.stringMatching(new RegExp(`khi đã điền thông tin của xã.*quá ${ANSWER_MAX}`)),
      }),
    );
    const r = runScript('kb-check.ts', [dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/lien-he\.yaml:\d+: lỗi: câu trả lời dài \d+ ký tự khi đã điền/);
  });
});

describe('the English of a topic (answer_en, sections_en)', () => {
  const withEnglish = (change: (topic: Record<string, unknown>) => void) => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'khai-sinh.yaml');
    const topic = parse(readFileSync(file, 'utf8'));
    change(topic);
    writeFileSync(file, stringify(topic));
    return readContent(dir);
  };

  it('rejects an English text that drops a commune detail the Vietnamese has', () => {
    const { problems, kb } = withEnglish((t) => {
      (t.sections_en as Record<string, string>)['noi-nop'] = 'At the commune office.';
    });
    expect(kb).toBeUndefined();
    expect(problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/thiếu chỗ trống \{office\}/),
    );
  });

  it('rejects an English section the Vietnamese does not have', () => {
    const { problems } = withEnglish((t) => {
      (t.sections_en as Record<string, string>)['cac-buoc'] = 'Step 1.';
    });
    expect(problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining('"cac-buoc" không có mục tiếng Việt'),
    );
  });

  it('rejects an English answer over the limit once the details are filled in English', () => {
    const { problems } = withEnglish((t) => {
      t.answer_en = 'Hours: {hours} {hours} {hours} {hours} {hours} {hours} {hours} {hours}';
    });
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/tiếng Anh dài \d+ ký tự/));
  });

  it('rejects a day/month date in English (1/7/2025 reads as January 7 to an American), not a plain fraction', () => {
    const dated = withEnglish((t) => {
      t.answer_en = 'Since 1/7/2025, apply at the commune.';
      (t.sections_en as Record<string, string>)['luu-y'] = 'Since 7/2025, post office staff help.';
    });
    expect(dated.kb).toBeUndefined();
    const messages = dated.problems.map((p) => p.message);
    expect(messages).toContainEqual(expect.stringContaining('"1/7/2025"'));
    expect(messages).toContainEqual(expect.stringContaining('"7/2025"'));
    const spelled = withEnglish((t) => {
      t.answer_en = 'Since 1 July 2025, apply at the commune, open 24/7 online.';
    });
    expect(spelled.problems.map((p) => p.message).filter((m) => m.includes('ngày "'))).toEqual([]);
  });

  it('only warns when a topic has no English yet: residents who chose English read the Vietnamese', () => {
    const { problems, kb } = withEnglish((t) => {
      delete t.answer_en;
      t.sections_en = {};
    });
    expect(kb).toBeDefined();
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('answer_en') }),
    );
  });
});

describe('the voice rules (content/README.md, «Lời văn»)', () => {
  const flagged = (text: string): boolean => voiceProblems(text).length > 0;

  it('flags «bạn» and «mình» as whole words, whatever the case, but not «một mình» or words that contain them', () => {
    for (const bad of [
      'Bạn mang căn cước.',
      'hai bạn cùng đến',
      'BẠN nhớ nhé',
      'xã mình',
      'Mình sẽ chuyển câu hỏi',
      'của mình.',
    ])
      expect(flagged(bad), bad).toBe(true);
    for (const ok of ['Bà con mang căn cước.', 'ở nhà một mình', 'thông minh', 'Minh Hóa', 'bạc', 'mìn'])
      expect(flagged(ok), ok).toBe(false);
    // Decomposed (NFD) text is read as residents see it.
    expect(flagged('xã mình'.normalize('NFD'))).toBe(true);
  });

  it('flags legal citations but not everyday words', () => {
    for (const bad of [
      'Từ Nghị định 07/2025, không cần giấy này.',
      '(NĐ 120/2025)',
      'theo Quyết định 45/2016/QĐ-TTg',
      'Theo Thông tư 226/2016/TT-BTC:',
      'Luật Cư trú 2020',
      'Luật Hộ tịch, Điều 11',
      'mã 75/2022/TT-BTC',
      'Nghị quyết số 66',
    ])
      expect(flagged(bad), bad).toBe(true);
    for (const ok of [
      'trong thời hạn luật định',
      'điều kiện kết hôn',
      'tùy điều nào đến trước',
      'mẫu CT01',
      'Tổng đài 1900 54 54 81',
      'Từ 15/3/2026 có quy định mới',
      'theo quy định của Nhà nước',
    ])
      expect(flagged(ok), ok).toBe(false);
  });

  it('flags staff hedges', () => {
    for (const bad of [
      'CHƯA CHẮC CHẮN',
      '(số liệu cũ, chưa chắc chắn)',
      'có lẽ đã lạc hậu',
      'ngày áp dụng chưa kiểm chứng',
    ])
      expect(flagged(bad), bad).toBe(true);
    expect(flagged('Giá mỗi nơi một khác, bà con hỏi bưu điện trước khi gửi.')).toBe(false);
  });

  it('asks for a gloss next to the first passcode, OTP or trích lục of a topic', () => {
    expect(topicVoiceProblems(['Nhập mã passcode.'])).toHaveLength(1);
    expect(topicVoiceProblems(['Nhập mã số bảo vệ 6 số (passcode).'])).toEqual([]);
    expect(topicVoiceProblems(['Xin thêm bản sao.', 'Cán bộ không hỏi mã OTP.'])).toEqual([
      expect.objectContaining({ index: 1, message: expect.stringContaining('OTP') }),
    ]);
    expect(topicVoiceProblems(['Bản sao giấy khai sinh (trích lục).', 'Trích lục ở xã.'])).toEqual([]);
  });

  it('makes kb:check fail at the line of the breach', () => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'ket-hon.yaml');
    const topic = parse(readFileSync(file, 'utf8'));
    topic.sections['le-phi'] = 'Hai bạn được miễn lệ phí (Luật Hộ tịch, Điều 11).';
    const source = stringify(topic);
    writeFileSync(file, source);
    const line = source.split('\n').findIndex((l) => l.trimStart().startsWith('le-phi:')) + 1;
    const { problems, kb } = readContent(dir);
    expect(kb).toBeUndefined();
    const here = problems.filter(
      (p) => p.file.endsWith('ket-hon.yaml') && p.line === line && p.severity === 'error',
    );
    expect(here.map((p) => p.message)).toEqual([
      expect.stringMatching(/«bạn»/),
      expect.stringMatching(/«Điều 11»/),
    ]);
    const r = runScript('kb-check.ts', [dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ket-hon\.yaml:\d+: lỗi: lời văn: «bạn»/);
  });
});
