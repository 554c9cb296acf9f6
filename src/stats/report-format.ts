import type { Locale } from '../core/user';

/**
 * The cells of a report table, kept as data so each format writes them its own way: people read
 * «12.345», «82,5 %» and «01/02/2026»; a spreadsheet reads 12345, 82.5% and 2026-02-01.
 */
export type Label =
  | { readonly text: string }
  /** YYYY-MM-DD */
  | { readonly day: string }
  /** YYYY-MM */
  | { readonly month: string };

export type Value =
  | { readonly count: number }
  /** 0…1; undefined when there is nothing to divide by */
  | { readonly share: number | undefined; readonly none: string };

/** 12345 → «12.345» (Vietnamese) or «12,345» (English). */
export function formatCount(n: number, locale: Locale): string {
  const separator = locale === 'vi' ? '.' : ',';
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return n < 0 ? `-${grouped}` : grouped;
}

/** A percentage with at most one decimal: 0.825 → «82,5 %» (Vietnamese) or «82.5%» (English). */
export function formatShare(ratio: number, locale: Locale): string {
  const tenths = Math.round(ratio * 1000);
  const whole = formatCount(Math.trunc(tenths / 10), locale);
  const decimal = tenths % 10 === 0 ? '' : `${locale === 'vi' ? ',' : '.'}${Math.abs(tenths % 10)}`;
  return locale === 'vi' ? `${whole}${decimal} %` : `${whole}${decimal}%`;
}

/** YYYY-MM-DD → dd/mm/yyyy; YYYY-MM → mm/yyyy. */
export const formatDay = (iso: string): string => iso.split('-').reverse().join('/');

/** How people read a label (Markdown, Word). */
export function showLabel(label: Label): string {
  if ('day' in label) return formatDay(label.day);
  if ('month' in label) return formatDay(label.month);
  return label.text;
}

/** How people read a value (Markdown, Word). */
export function showValue(value: Value, locale: Locale): string {
  if ('count' in value) return formatCount(value.count, locale);
  return value.share === undefined ? value.none : formatShare(value.share, locale);
}

/** How a spreadsheet reads a label: ISO days and months, which sort and parse everywhere. */
export function plainLabel(label: Label): string {
  if ('day' in label) return label.day;
  if ('month' in label) return label.month;
  return label.text;
}

/** How a spreadsheet reads a value: digits only; a share as a percentage with a dot. */
export function plainValue(value: Value): string {
  if ('count' in value) return String(value.count);
  return value.share === undefined ? '' : `${Math.round(value.share * 1000) / 10}%`;
}
