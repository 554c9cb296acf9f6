import type { Commune } from './schema';

/** Names that answers may use in braces, filled from commune.yaml. */
export const PLACEHOLDER_NAMES = [
  'commune',
  'province',
  'office',
  'address',
  'hours',
  'phone',
  'police',
  'post',
  'portal',
] as const;
type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

const PLACEHOLDER = /\{([a-z_]+)\}/g;

export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDER_NAMES);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name));
}

const WEEKDAYS = [
  ['monday', 'Thứ Hai'],
  ['tuesday', 'Thứ Ba'],
  ['wednesday', 'Thứ Tư'],
  ['thursday', 'Thứ Năm'],
  ['friday', 'Thứ Sáu'],
  ['saturday', 'Thứ Bảy'],
  ['sunday', 'Chủ nhật'],
] as const;

/** Opening hours in one short Vietnamese paragraph, days with the same hours grouped. */
export function describeHours(commune: Commune): string {
  const lines: string[] = [];
  let run: { first: string; last: string; text: string } | undefined;
  for (const [day, label] of WEEKDAYS) {
    const slots = commune.hours[day];
    const text = slots.length === 0 ? 'nghỉ' : slots.map((s) => `${s.from}–${s.to}`).join(', ');
    if (run && run.text === text) run.last = label;
    else {
      if (run) lines.push(formatRun(run));
      run = { first: label, last: label, text };
    }
  }
  if (run) lines.push(formatRun(run));
  const note = commune.hours.note ? `\n${commune.hours.note}` : '';
  return lines.join('; ') + note;
}

function formatRun(run: { first: string; last: string; text: string }): string {
  const days = run.first === run.last ? run.first : `${run.first} đến ${run.last}`;
  return `${days}: ${run.text}`;
}

export function placeholderValues(commune: Commune): Record<PlaceholderName, string> {
  return {
    commune: commune.name,
    province: commune.province,
    office: commune.office.name,
    address: commune.office.address,
    hours: describeHours(commune),
    phone: commune.office.phones.join(', '),
    police: `${commune.police.name}, ĐT ${commune.police.phone}`,
    post: `${commune.post_office.name}, ĐT ${commune.post_office.phone}`,
    portal: commune.portals.provincial,
  };
}

/** Fills {phone}, {hours}… from the commune profile; unknown names are left as written. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
