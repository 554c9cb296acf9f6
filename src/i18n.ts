import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

import { LOCALES, type Locale } from './core/user';

export { LOCALES, type Locale } from './core/user';

export type Translate = (locale: Locale, key: string, args?: Record<string, FluentVariable>) => string;

export interface I18n {
  readonly t: Translate;
  /** message ids of one locale, for the test that both locales say the same things */
  keys(locale: Locale): string[];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Loads locales/<locale>.ftl; a missing key falls back to Vietnamese, then to the key itself. */
export function loadI18n(dir: string): I18n {
  const bundles = new Map<Locale, FluentBundle>();
  for (const locale of LOCALES) {
    // No Unicode isolation marks: they show up as garbage in some Zalo and SMS clients.
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const errors = bundle.addResource(new FluentResource(readFileSync(join(dir, `${locale}.ftl`), 'utf8')));
    if (errors.length > 0)
      throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join('; ')}`);
    bundles.set(locale, bundle);
  }
  const format = (locale: Locale, key: string, args?: Record<string, FluentVariable>): string | undefined => {
    const bundle = bundles.get(locale);
    const message = bundle?.getMessage(key);
    if (!bundle || !message?.value) return undefined;
    return bundle.formatPattern(message.value, args ?? null);
  };
  return {
    t: (locale, key, args) => format(locale, key, args) ?? format('vi', key, args) ?? key,
    keys: (locale) => {
      const source = readFileSync(join(dir, `${locale}.ftl`), 'utf8');
      return [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1]!).sort();
    },
  };
}
