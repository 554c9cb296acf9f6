import { describe, expect, it } from 'vitest';
import { mentionNames, stripMention } from '../../../src/channels/zalo/mention';

/** What getMe gives the fake (test/helpers/fake-zalo-api.ts) and a display name as Bot Creator shows it. */
const fakeNames = mentionNames({ id: '1', account_name: 'bot.TroLyDvc' });
const displayNames = mentionNames({ id: '1', account_name: 'bot.x1', display_name: 'Bot Trợ lý DVC' });

describe('Zalo: the bot mentioned in a group', () => {
  it('knows every name getMe gives, with and without the «Bot» bot names start with', () => {
    expect(fakeNames).toEqual(['bot.TroLyDvc', 'TroLyDvc']);
    expect(displayNames).toEqual(['Bot Trợ lý DVC', 'Trợ lý DVC', 'bot.x1', 'x1']);
    expect(mentionNames({ id: '1', account_name: 'Botanist' })).toEqual(['Botanist']);
    expect(mentionNames({ id: '1' })).toEqual([]);
  });

  it('strips a leading mention, with or without diacritics, in any case', () => {
    for (const names of [fakeNames, displayNames]) {
      expect(stripMention('@Trợ lý DVC 2', names)).toBe('2');
      expect(stripMention('@tro ly dvc khai sinh', names)).toBe('khai sinh');
      expect(stripMention('@TRỢ LÝ DVC: làm giấy khai sinh', names)).toBe('làm giấy khai sinh');
      expect(stripMention('  @TroLyDvc, số 2', names)).toBe('số 2');
    }
    expect(stripMention('@Bot Trợ lý DVC lệ phí', displayNames)).toBe('lệ phí');
    expect(stripMention('@bot.TroLyDvc menu', fakeNames)).toBe('menu');
  });

  it('strips a trailing mention', () => {
    expect(stripMention('khai sinh @Trợ lý DVC', fakeNames)).toBe('khai sinh');
    expect(stripMention('cho hỏi lệ phí @tro ly dvc?', displayNames)).toBe('cho hỏi lệ phí');
  });

  it('leaves other text alone: other people, e-mail addresses, the name as a plain word', () => {
    expect(stripMention('@Nguyễn Văn A 2', fakeNames)).toBe('@Nguyễn Văn A 2');
    expect(stripMention('@Trợ lý DVCX 2', fakeNames)).toBe('@Trợ lý DVCX 2');
    expect(stripMention('gửi về abc@troly.vn', fakeNames)).toBe('gửi về abc@troly.vn');
    expect(stripMention('trợ lý dvc ơi', fakeNames)).toBe('trợ lý dvc ơi');
    expect(stripMention('@Trợ lý DVC 2', [])).toBe('@Trợ lý DVC 2');
  });

  it('gives an empty text when the message is only the mention', () => {
    expect(stripMention('@Trợ lý DVC', fakeNames)).toBe('');
  });
});
