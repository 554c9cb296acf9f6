import type { Button } from '../core/reply';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import type { SectionKey } from '../knowledge/schema';
import { buildPayload } from './feature';

/**
 * Buttons that several features put on their screens. The feature that handles each payload declares
 * its kind (prefix and parser) in its own file; these are only the builders they share.
 */
export const MENU = 'menu';
export const groupPayload = (id: string) => buildPayload('g', id);
export const topicPayload = (id: string) => buildPayload('topic', id);
/** the language button (Tiếng Việt / English) */
export const languagePayload = (locale: Locale) => buildPayload('lang', locale);
/** a topic chosen among «Ý bà con là…?» (counted apart from the menu's) */
export const pickPayload = (id: string) => buildPayload('pick', id);
/** a close runner-up offered under an answer («Hay là…»; counted apart: the answer was likely not it) */
export const alternativePayload = (id: string) => buildPayload('alt', id);
export const sectionPayload = (topic: string, key: SectionKey) => buildPayload('sec', topic, key);
export const sourcesPayload = (topic: string) => buildPayload('src', topic);
export const feedbackPayload = (topic: string, value: 'up' | 'down') => buildPayload('fb', topic, value);
export const NONE_OF_THESE = buildPayload('clarify', 'none');

/** Large buttons, a few per row; "Quay lại" and "Menu chính" close every screen. */
export function rows<T>(items: readonly T[], perRow: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) out.push(items.slice(i, i + perRow));
  return out;
}

export function navigationRow(t: Translate, locale: Locale, back?: string): Button[] {
  const home = { label: t(locale, 'button-main-menu'), payload: MENU };
  return back ? [{ label: t(locale, 'button-back'), payload: back }, home] : [home];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A topic, group or village id inside a payload: lowercase words joined by '-'. */
export const parseId = (args: string | undefined): string | undefined =>
  args !== undefined && ID.test(args) ? args : undefined;
