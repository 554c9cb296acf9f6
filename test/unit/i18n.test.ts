import { describe, expect, it } from 'vitest';
import { loadI18n } from '../../src/i18n';

describe('locales', () => {
  const i18n = loadI18n('locales');

  it('Vietnamese and English have exactly the same keys', () => {
    expect(i18n.keys('en')).toEqual(i18n.keys('vi'));
    expect(i18n.keys('vi').length).toBeGreaterThan(10);
  });

  it('formats arguments without invisible isolation marks', () => {
    const text = i18n.t('vi', 'unknown-reply', { phone: '0269 123' });
    expect(text).toContain('0269 123');
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });

  it('falls back to the key for an unknown message, never crashing', () => {
    expect(i18n.t('en', 'no-such-key')).toBe('no-such-key');
  });
});
