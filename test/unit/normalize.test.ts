import { describe, expect, it } from 'vitest';
import {
  CLAUSE,
  canonicalize,
  fold,
  hasDiacritics,
  SENTENCE,
  syllables,
  syllablesWithPauses,
} from '../../src/language/normalize';

describe('Vietnamese normalization', () => {
  it('treats precomposed and decomposed text as the same', () => {
    const nfd = 'Việt Nam'.normalize('NFD');
    expect(canonicalize(nfd)).toBe(canonicalize('Việt Nam'));
    expect(canonicalize(nfd)).toBe('việt nam');
  });

  it('puts the tone mark in one place whichever style was typed', () => {
    expect(canonicalize('hòa')).toBe(canonicalize('hoà'));
    expect(canonicalize('thủy')).toBe(canonicalize('thuỷ'));
    expect(canonicalize('khỏe')).toBe(canonicalize('khoẻ'));
    // but not inside longer syllables, where the tone position is fixed
    expect(canonicalize('hoàng')).toBe('hoàng');
  });

  it('folds diacritics including đ, which Unicode does not decompose', () => {
    expect(fold('Đăng ký khai sinh')).toBe('Dang ky khai sinh');
    expect(fold('đường dương')).toBe('duong duong');
    expect(hasDiacritics('khai sinh')).toBe(false);
    expect(hasDiacritics('khai sính')).toBe(true);
  });

  it('splits syllables and drops punctuation, emoji and control characters', () => {
    expect(syllables('Làm giấy khai sinh??? cho con!! 😀\u0007')).toEqual([
      'làm',
      'giấy',
      'khai',
      'sinh',
      'cho',
      'con',
    ]);
    expect(syllables('!!!...???')).toEqual([]);
    expect(syllables('')).toEqual([]);
  });
});

describe('pauses between syllables', () => {
  it('marks a comma as a clause and a full stop, «?» or «!» as a sentence, before the next word', () => {
    const { words, pauses } = syllablesWithPauses('Mẹ tôi vừa mất, giấy tờ? Xin chỉ giúp!');
    expect(words).toEqual(syllables('Mẹ tôi vừa mất, giấy tờ? Xin chỉ giúp!'));
    expect(pauses).toEqual([0, 0, 0, 0, CLAUSE, 0, SENTENCE, 0, 0]);
  });

  it('sees no pause inside an address, an abbreviation or a number', () => {
    for (const text of [
      'nộp trên dichvucong.gov.vn nhé',
      'ở TP.HCM mà',
      'lương 1.430.000 đồng',
      'mất 1,5 triệu',
    ]) {
      expect(syllablesWithPauses(text).pauses.every((p) => p === 0)).toBe(true);
    }
  });

  it('sees a pause after a comma typed without a space, and never before the first word', () => {
    expect(syllablesWithPauses('xe máy,nhưng giấy').pauses).toEqual([0, 0, CLAUSE, 0]);
    expect(syllablesWithPauses('... chào').pauses).toEqual([0]);
  });
});
