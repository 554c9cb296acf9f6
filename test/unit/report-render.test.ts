import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { UsageReport } from '../../src/core/usage-report';
import type { Locale } from '../../src/core/user';
import { loadI18n } from '../../src/i18n';
import { renderCsv } from '../../src/stats/render-csv';
import { renderDocx } from '../../src/stats/render-docx';
import { renderMarkdown } from '../../src/stats/render-markdown';
import { formatCount, formatShare } from '../../src/stats/report-format';
import type { ReportLabels } from '../../src/stats/report-labels';
import { parseCsv } from '../helpers/csv';

const i18n = loadI18n('locales');
const VILLAGES: Record<string, string> = { 'thon-1': 'Thôn Plei Ốp', 'thon-2': 'Làng Đê Ktu' };
const TOPICS: Record<string, string> = { 'khai-sinh': 'Đăng ký khai sinh', vneid: 'Tài khoản VNeID' };

const labels = (locale: Locale): ReportLabels => ({
  locale,
  t: i18n.t,
  commune: 'Xã Thử Nghiệm',
  topic: (id) => TOPICS[id] ?? id,
  village: (id) => VILLAGES[id] ?? id,
});

const INJECTION = '=HYPERLINK("http://x.example","bấm")';
const TRICKY = 'giấy | tờ `ls` **đậm** <script>alert(1)</script>';
const QUOTED = 'hỏi "cái này", rồi\ncái kia';

const report: UsageReport = {
  from: '2026-01-01',
  to: '2026-03-31',
  residents: {
    unique: 12345,
    new: 230,
    byChannel: { telegram: 8000, zalo: 4000, web: 345 },
    byVillage: { 'thon-1': 120, 'thon-2': 45 },
  },
  messages: { received: 54321, byChannel: { telegram: 30000, zalo: 20000, web: 4321 } },
  questions: { asked: 40, answered: 30, clarified: 4, unanswered: 5, outOfScope: 1 },
  topics: [
    { topic: 'khai-sinh', count: 17 },
    { topic: 'vneid', count: 9 },
  ],
  feedback: { up: 33, down: 7 },
  reminders: { created: 6, sent: 4, failed: 1, cancelled: 1 },
  announcements: { count: 2, recipients: 200, sent: 180, failed: 15, blocked: 5 },
  helpSessions: {
    count: 11,
    filedOnline: 7,
    postalReturn: 3,
    vneidActivated: 5,
    byVillage: { 'thon-2': 11 },
  },
  unanswered: [
    { text: TRICKY, count: 3 },
    { text: '# tiêu đề giả', count: 2 },
    { text: INJECTION, count: 2 },
    { text: QUOTED, count: 1 },
    { text: '-1+2', count: 1 },
  ],
  daily: [
    { date: '2026-01-01', messages: 10, residents: 4 },
    { date: '2026-01-02', messages: 0, residents: 0 },
  ],
  interest: { online: { topics: 9, sections: 4 }, postal: { topics: 2, sections: 1 } },
  outOfScope: [{ text: '@giá vàng hôm nay', count: 1 }],
  postalRequests: { created: 6, accepted: 5, posted: 4, delivered: 3, refused: 1, lookups: 7 },
  handoffs: { opened: 9, staffReplies: 14, closedByResident: 5, closedByStaff: 2, timedOut: 1 },
  monthly: [
    {
      month: '2026-01',
      messages: 1500,
      residents: 300,
      newResidents: 120,
      asked: 40,
      answered: 30,
      feedbackUp: 33,
      feedbackDown: 7,
      helpSessions: 11,
    },
  ],
};

describe('report numbers as people read them', () => {
  it('writes Vietnamese thousands with a dot and shares with a comma', () => {
    expect(formatCount(1234567, 'vi')).toBe('1.234.567');
    expect(formatCount(999, 'vi')).toBe('999');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatShare(0.825, 'vi')).toBe('82,5 %');
    expect(formatShare(0.75, 'vi')).toBe('75 %');
    expect(formatShare(1, 'vi')).toBe('100 %');
    expect(formatShare(0.825, 'en')).toBe('82.5%');
  });
});

describe('Markdown report', () => {
  const md = renderMarkdown(report, labels('vi'));

  it('has the title, the commune, the period and the share answered computed from the numbers', () => {
    expect(md.startsWith('# Báo cáo sử dụng Trợ lý DVC\n')).toBe(true);
    expect(md).toContain('Xã Thử Nghiệm');
    expect(md).toContain('01/01/2026');
    expect(md).toContain('31/03/2026');
    expect(md).toMatch(/\| Tỉ lệ trả lời được \| 75 % \|/);
    expect(md).toContain('82,5 %');
    expect(md).toContain('| 12.345 |');
    expect(md).toContain('| 54.321 |');
  });

  it('names villages and topics, never their ids, and keeps the sections in order', () => {
    expect(md).toContain('| Thôn Plei Ốp | 120 |');
    expect(md).toContain('| Làng Đê Ktu | 11 |');
    expect(md).toContain('| Đăng ký khai sinh | 17 |');
    expect(md).not.toMatch(/thon-1|khai-sinh/);
    const order = ['Người dân đã dùng', 'Câu hỏi của bà con', 'Thủ tục được hỏi', 'nộp hồ sơ trực tuyến'];
    order.push(
      'bưu điện',
      'gặp cán bộ',
      'Nhắc lịch',
      'Thông báo',
      'Tổ công nghệ số',
      'hài lòng',
      'chưa trả lời được',
    );
    order.push('theo tháng');
    const at = order.map((h) => md.search(new RegExp(`^## .*${h}`, 'm')));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).not.toContain('2026-01-02');
  });

  it('counts the postal requests and the talks with staff', () => {
    expect(md).toContain('| Yêu cầu nhận kết quả qua bưu điện đăng ký qua Trợ lý | 6 |');
    expect(md).toContain('| … bưu điện đã giao | 3 |');
    expect(md).toContain('| Số lần bà con xin gặp cán bộ | 9 |');
    expect(md).toContain('| Số câu trả lời của cán bộ | 14 |');
  });

  it("escapes residents' text: one table cell, no HTML, no heading", () => {
    const row = md.split('\n').find((l) => l.includes('alert(1)'))!;
    expect(row).toBeDefined();
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(3);
    expect(row).toContain('&lt;script&gt;');
    expect(row).toContain('\\`ls\\`');
    expect(row).toContain('\\*\\*đậm\\*\\*');
    expect(md).not.toContain('<script>');
    expect(md).toContain('| \\# tiêu đề giả | 2 |');
    expect(md).not.toMatch(/^# tiêu đề/m);
    const quotedRow = md.split('\n').find((l) => l.includes('cái này'))!;
    expect(quotedRow).toContain('cái kia');
  });

  it('says «chưa có ý kiến» when nobody rated an answer', () => {
    const none = renderMarkdown({ ...report, feedback: { up: 0, down: 0 } }, labels('vi'));
    expect(none).toMatch(/Tỉ lệ hài lòng \(👍\) \| chưa có ý kiến \|/);
  });

  it('speaks English with the English locale', () => {
    const en = renderMarkdown(report, labels('en'));
    expect(en.startsWith('# Trợ lý DVC usage report\n')).toBe(true);
    expect(en).toContain('## Residents reached');
    expect(en).toContain('## Month by month');
    expect(en).toContain('| Share answered | 75% |');
    expect(en).toContain('| 12,345 |');
    expect(en).not.toContain('Người dân');
  });
});

describe('CSV report', () => {
  const csv = renderCsv(report, labels('vi'));
  const rows = parseCsv(csv.slice(1));
  const find = (item: string) => rows.filter((r) => r[1] === item);

  it('starts with a BOM and a header, every row four cells', () => {
    expect(csv.startsWith('\uFEFFMục,Dòng,Cột,Giá trị\r\n')).toBe(true);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(rows).toContainEqual(['Báo cáo sử dụng Trợ lý DVC', 'Xã', '', 'Xã Thử Nghiệm']);
    expect(rows).toContainEqual(['Báo cáo sử dụng Trợ lý DVC', 'Từ ngày', '', '2026-01-01']);
  });

  it('keeps plain numbers, ISO days, and the daily and monthly rows', () => {
    expect(rows).toContainEqual([
      'Người dân đã dùng Trợ lý',
      'Số người dân đã dùng (mỗi người tính một lần)',
      'Số liệu',
      '12345',
    ]);
    expect(rows).toContainEqual(['Câu hỏi của bà con', 'Tỉ lệ trả lời được', 'Số liệu', '75%']);
    expect(rows).toContainEqual([
      'Người dân đã dùng Trợ lý – Theo thôn, làng',
      'Thôn Plei Ốp',
      'Số người',
      '120',
    ]);
    expect(rows).toContainEqual(['Thủ tục được hỏi nhiều nhất', 'Đăng ký khai sinh', 'Số lần trả lời', '17']);
    expect(rows).toContainEqual(['Số liệu theo ngày', '2026-01-02', 'Số tin nhắn', '0']);
    expect(rows).toContainEqual(['Số liệu theo ngày', '2026-01-01', 'Số người', '4']);
    expect(rows).toContainEqual(['Số liệu theo tháng', '2026-01', 'Lượt hỗ trợ', '11']);
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(find(QUOTED)).toHaveLength(1);
    expect(find(`'${INJECTION}`)).toHaveLength(1);
    expect(find("'-1+2")).toHaveLength(1);
    expect(find("'@giá vàng hôm nay")).toHaveLength(1);
    expect(rows.some((r) => r.some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
  });
});

describe('Word report', () => {
  it('is a .docx whose document holds the title, the commune, the numbers and real tables', async () => {
    const withBell = { ...report, unanswered: [...report.unanswered, { text: 'chuông\u0007kêu', count: 1 }] };
    const zip = await JSZip.loadAsync(await renderDocx(withBell, labels('vi')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Báo cáo sử dụng Trợ lý DVC');
    expect(xml).toContain('Xã Thử Nghiệm');
    expect(xml).toContain('12.345');
    expect(xml).toContain('75 %');
    expect(xml).toContain('Thôn Plei Ốp');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).toContain('chuôngkêu');
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(10);
    expect(xml).toContain('w:val="Title"');
  });

  it('uses English headings with the English locale', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(report, labels('en')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Trợ lý DVC usage report');
    expect(xml).toContain('Residents reached');
    expect(xml).toContain('12,345');
    expect(xml).not.toContain('Người dân đã dùng');
  });
});
