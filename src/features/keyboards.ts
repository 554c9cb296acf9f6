import type { Button } from '../core/reply';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import { payload } from './payloads';

/** Large buttons, a few per row; "Quay lại" and "Menu chính" close every screen. */
export function rows<T>(items: readonly T[], perRow: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) out.push(items.slice(i, i + perRow));
  return out;
}

export function navigationRow(t: Translate, locale: Locale, back?: string): Button[] {
  const home = { label: t(locale, 'button-main-menu'), payload: payload.menu };
  return back ? [{ label: t(locale, 'button-back'), payload: back }, home] : [home];
}
