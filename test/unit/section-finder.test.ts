import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/knowledge/load';
import { compileLexicon } from '../../src/language/lexicon';
import { ANSWER, buildSectionFinder } from '../../src/language/section-finder';

const lexicon = compileLexicon(loadContent('content').lexicon);
const finder = buildSectionFinder(
  [
    {
      id: 'the-can-cuoc',
      names: ['Thẻ căn cước'],
      answer: 'Bà con mang thẻ cũ.\nLàm ở Công an xã.\nNgười không ký được thì điểm chỉ (lăn tay).',
      sections: {
        'giay-to': ['- Thẻ cũ.\nKhi nào phải đổi:\n- Bắt buộc khi đủ 14, 25, 40 và 60 tuổi.'],
        'le-phi': [
          'Miễn phí:\n- Trẻ em.\n- Trường hợp khác: hỏi Công an xã.\n- Miễn cho người thường trú ở xã.',
        ],
        'thoi-gian': ['7 ngày làm việc.'],
        'luu-y': ['- Đổi thẻ trễ hạn có thể bị phạt.'],
      },
    },
  ],
  lexicon,
);

describe('the section of an answer a follow-up is about, by its own words', () => {
  it('finds the section with a line that holds the words, with or without marks', () => {
    expect(finder.find('the-can-cuoc', 'toi 60 tuoi co phai doi ko')).toBe('giay-to');
    expect(finder.find('the-can-cuoc', 'tôi 60 tuổi có phải đổi không')).toBe('giay-to');
    expect(finder.find('the-can-cuoc', 'tre han thi sao')).toBe('luu-y');
  });

  it('does not guess from words scattered over lines, little-word pairs or the topic’s own name', () => {
    // «người» and «khác» are in two lines of the fees; «cho người» pairs a little word
    expect(finder.find('the-can-cuoc', 'lam cho nguoi khac duoc khong')).toBeUndefined();
    expect(finder.find('the-can-cuoc', 'the can cuoc')).toBeUndefined();
    expect(finder.find('unknown-topic', 'toi 60 tuoi')).toBeUndefined();
  });

  it('keeps the section a cue word asked for unless another holds the other words plainly more', () => {
    expect(finder.find('the-can-cuoc', 'mien', 'le-phi')).toBe('le-phi');
    expect(finder.find('the-can-cuoc', '60 tuoi', 'le-phi')).toBe('giay-to');
  });

  it('points at the line asked about, in a section or in the short answer', () => {
    expect(finder.line('the-can-cuoc', 'giay-to', 'toi 60 tuoi co phai doi ko')).toBe(2);
    expect(finder.line('the-can-cuoc', ANSWER, 'khong ky duoc thi diem chi o dau')).toBe(2);
    // the short answer is never a section of its own
    expect(finder.find('the-can-cuoc', 'khong ky duoc thi diem chi o dau')).toBeUndefined();
  });
});
