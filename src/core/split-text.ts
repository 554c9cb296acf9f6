/**
 * Splits a message for a platform's length limit, preferring a blank line, then a line break, then a
 * sentence end, then a space. `measure` is the length as the platform counts it (e.g. after escaping).
 */
export function splitText(
  text: string,
  limit: number,
  measure: (s: string) => number = (s) => s.length,
): string[] {
  const parts: string[] = [];
  let rest = text.trim() === '' ? '…' : text;
  while (measure(rest) > limit) {
    let cut = Math.min(rest.length, limit);
    for (
      let excess = measure(rest.slice(0, cut)) - limit;
      excess > 0;
      excess = measure(rest.slice(0, cut)) - limit
    ) {
      cut -= excess;
    }
    const window = rest.slice(0, cut);
    const at = bestBreak(window);
    const head = rest.slice(0, at).trimEnd();
    parts.push(head.length > 0 ? head : window);
    rest = rest.slice(head.length > 0 ? at : cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

function bestBreak(window: string): number {
  const min = Math.floor(window.length / 2);
  for (const pattern of [/\n\s*\n/g, /\n/g, /[.!?…](?=\s)/g, /\s/g]) {
    let last = -1;
    for (const m of window.matchAll(pattern))
      if (m.index !== undefined && m.index >= min) last = m.index + m[0].length;
    if (last > 0) return last;
  }
  return window.length;
}
