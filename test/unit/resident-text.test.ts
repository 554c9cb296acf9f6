import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAnswerEngine } from '../../src/answer-engine';
import {
  describeHours,
  fillPlaceholders,
  missingEssentials,
  placeholderValues,
} from '../../src/knowledge/placeholders';
import { answerText, sectionsOf, sectionText } from '../../src/knowledge/render';
import { type Commune, communeSchema } from '../../src/knowledge/schema';

/** What residents read never shows a note meant for staff, and shows every value once it is filled in. */

const engine = createAnswerEngine('content', 'locales');
const sample = engine.kb.commune;

function everything(commune: Commune): string[] {
  return (['vi', 'en'] as const).flatMap((locale) => {
    const values = placeholderValues(commune, locale);
    return engine.kb.topics.flatMap((topic) => [
      answerText(topic, values, locale),
      ...sectionsOf(topic).map((key) => sectionText(topic, key, values, locale) ?? ''),
    ]);
  });
}

const filled: Commune = communeSchema.parse({
  ...parse(readFileSync('content/commune.yaml', 'utf8')),
  office: {
    name: 'Trung tâm Phục vụ hành chính công xã Ia Dom',
    address: 'Thôn Đồng Tâm, xã Ia Dom, tỉnh Gia Lai',
    phones: ['0269 3 888 777'],
  },
  police: { name: 'Công an xã Ia Dom', address: 'Thôn Đồng Tâm', phone: '0269 3 111 222' },
  post_office: { name: 'Bưu điện văn hóa xã Ia Dom', address: 'Thôn Đồng Tâm', phone: '0269 3 333 444' },
  portals: { national: 'https://dichvucong.gov.vn', provincial: 'https://dichvucong.gialai.gov.vn' },
});

describe('text residents read', () => {
  it('never shows «cần cập nhật» with the sample commune.yaml (unfilled values are worded around)', () => {
    const leaks = everything(sample).filter((t) => t.includes('cần cập nhật'));
    expect(leaks).toEqual([]);
    for (const locale of ['vi', 'en'] as const)
      for (const v of Object.values(placeholderValues(sample, locale)))
        expect(v).not.toContain('cần cập nhật');
    for (const v of sample.villages) expect(v.name).not.toContain('cần cập nhật');
  });

  it('words an unfilled phone so the sentence still sends the resident somewhere', () => {
    const phone = placeholderValues(sample).phone;
    expect(fillPlaceholders('Cần giúp, gọi {phone}.', { phone })).toBe(
      'Cần giúp, gọi số điện thoại của xã (hỏi trưởng thôn).',
    );
  });

  it('shows every value once the commune has filled them in', () => {
    const text = everything(filled).join('\n');
    for (const value of [
      '0269 3 888 777',
      'Thôn Đồng Tâm, xã Ia Dom',
      '0269 3 111 222',
      'https://dichvucong.gialai.gov.vn',
    ])
      expect(text, value).toContain(value);
    // the words an unfilled phone becomes (above): never once the phone is filled in
    expect(text).not.toContain('số điện thoại của xã (hỏi trưởng thôn)');
  });

  it('names what production needs before it serves residents', () => {
    expect(missingEssentials(sample)).toEqual([
      'commune.yaml: office.address (địa chỉ trụ sở)',
      'commune.yaml: office.phones (số điện thoại Bộ phận Một cửa)',
    ]);
    expect(missingEssentials(filled)).toEqual([]);
  });
});

describe('hours residents are told', () => {
  const now = Date.UTC(2026, 11, 28, 3, 0); // 28/12/2026, 10:00 in Vietnam
  const withHoliday: Commune = {
    ...sample,
    hours: {
      ...sample.hours,
      exceptions: [
        { date: '2027-01-01', hours: [], note: 'Tết Dương lịch' },
        { date: '2027-03-01', hours: [], note: 'too far ahead' },
        { date: '2026-12-20', hours: [], note: 'already past' },
      ],
    },
  };

  it('include the dated exceptions of the next two weeks, and only those', () => {
    const text = describeHours(withHoliday, now);
    expect(text).toContain('Thứ Hai đến Thứ Sáu');
    expect(text).toContain('Ngày 01/01: nghỉ (Tết Dương lịch)');
    expect(text).not.toContain('too far ahead');
    expect(text).not.toContain('already past');
  });

  it('write an exception with the month by name in English', () => {
    const text = describeHours(withHoliday, now, 'en');
    expect(text).toContain('Monday to Friday');
    expect(text).toContain('Coming up: 1 January: closed (Tết Dương lịch)');
  });

  it('give Công an xã its own hours, with Saturday morning', () => {
    expect(placeholderValues(sample).police_hours).toContain('Thứ Bảy: 07:00–11:00');
  });
});
