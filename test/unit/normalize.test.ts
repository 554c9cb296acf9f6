import { describe, expect, it } from 'vitest';
import { canonicalize, fold, hasDiacritics, syllables } from '../../src/language/normalize';

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
