import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/knowledge/load';
import { fillPlaceholders, placeholderValues } from '../../src/knowledge/placeholders';
import { REQUIRED_TOPIC_IDS, type Topic } from '../../src/knowledge/schema';

const { kb } = loadContent('content');
const topic = (id: string): Topic => {
  const t = kb.topics.find((x) => x.id === id);
  if (!t) throw new Error(`no topic ${id}`);
  return t;
};
const allText = (t: Topic): string => [t.answer, ...Object.values(t.sections)].join('\n');

describe('the knowledge base (content/)', () => {
  it('has every public topic id, each with sources, a reviewed date and varied sample questions', () => {
    // The required ids are a minimum: a new topic is one more YAML file.
    expect(kb.topics.map((t) => t.id)).toEqual(expect.arrayContaining([...REQUIRED_TOPIC_IDS]));
    for (const t of kb.topics) {
      expect(t.sources.length, t.id).toBeGreaterThan(0);
      expect(t.reviewed, t.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Set(t.questions).size, t.id).toBeGreaterThanOrEqual(8);
    }
  });

  it('ships Xã Ia Dom with visible placeholders instead of invented phone numbers and addresses', () => {
    expect(kb.commune.name).toBe('Xã Ia Dom');
    expect(kb.commune.office.phones.join(' ')).toContain('(cần cập nhật');
    expect(kb.commune.office.address).toContain('(cần cập nhật');
    expect(kb.commune.villages.length).toBeGreaterThan(0);
  });

  it('invents no phone numbers: the only number in the topics is the national VNPost hotline', () => {
    for (const t of kb.topics) {
      const numbers = allText(t).match(/\b\d[\d .]{7,}\d\b/g) ?? [];
      for (const n of numbers) expect(n.replace(/\D/g, ''), t.id).toBe('1900545481');
    }
  });

  it('follows NĐ 07/2025: no marital-status certificate to marry, no marriage certificate for a birth', () => {
    expect(allText(topic('ket-hon'))).toMatch(
      /KHÔNG cần nộp Giấy xác nhận tình trạng hôn nhân|không cần giấy xác nhận tình trạng hôn nhân/i,
    );
    expect(allText(topic('khai-sinh'))).toMatch(/không cần (nộp )?giấy (chứng nhận|đăng ký) kết hôn/i);
  });

  it('sends căn cước to Công an xã and logs in to the portal with VNeID', () => {
    expect(allText(topic('can-cuoc'))).toContain('Công an xã');
    expect(allText(topic('tai-khoan-dvc'))).toContain('VNeID');
  });

  it('warns about scams wherever accounts are involved: nobody official asks for a password or OTP', () => {
    for (const id of ['vneid', 'tai-khoan-dvc', 'thanh-toan-truc-tuyen']) {
      expect(topic(id).answer, id).toMatch(/OTP/);
    }
  });

  it('points to the office or the provincial portal where a fee varies by province', () => {
    for (const id of ['xac-nhan-hon-nhan', 'trich-luc-ho-tich']) {
      expect(topic(id).sections['le-phi'] ?? '', id).toMatch(/\{phone\}|\{portal\}|\{office\}/);
    }
    expect(allText(topic('buu-chinh'))).toMatch(/CHƯA CHẮC CHẮN|chưa chắc/i);
  });

  it('reads well once the commune profile is filled in', () => {
    const values = placeholderValues(kb.commune);
    for (const t of kb.topics) {
      const text = fillPlaceholders(allText(t), values);
      expect(text, t.id).not.toMatch(/\{[a-z_]+\}/);
    }
    expect(values.hours).toContain('Thứ Hai đến Thứ Sáu: 07:00–11:00, 13:30–17:00');
    expect(values.hours).toContain('Thứ Bảy đến Chủ nhật: nghỉ');
  });
});
