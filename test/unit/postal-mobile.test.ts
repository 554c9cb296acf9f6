import { describe, expect, it } from 'vitest';
import { normalizeMobile } from '../../src/core/postal';

describe('a mobile number as residents type it (the postal form)', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['0905.123.456', '0905123456'],
    // in a sentence: it was refused in a trial with residents
    ['Số điện thoại của tôi là 0905 123 456', '0905123456'],
    ['sdt: +84 905 123 456 nha', '0905123456'],
  ])('«%s» → %s', (typed, number) => {
    expect(normalizeMobile(typed)).toBe(number);
  });

  it.each(['0123 456', 'không có', '0905 123 456 hoặc 0912 345 678', '024 3825 1234'])(
    'refuses «%s»',
    (typed) => {
      expect(normalizeMobile(typed)).toBeUndefined();
    },
  );
});
