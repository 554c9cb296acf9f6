import type { ZaloBotInfo } from './schemas';

/** One character without diacritics, đ → d, lower case (may become '' for a lone combining mark). */
const foldChar = (c: string): string =>
  c.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** The folded text, and for each of its UTF-16 units the index in `text` of the character it came from. */
function foldWithMap(text: string): { folded: string; starts: number[] } {
  let folded = '';
  const starts: number[] = [];
  let at = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) starts.push(at);
    folded += f;
    at += ch.length;
  }
  starts.push(text.length);
  return { folded, starts };
}

/** Between two letters of a name: nothing, a space or a dot ("Trợ lý DVC", "TroLyDvc", "bot.TroLyDvc"). */
const GAP = '[^\\p{L}\\p{N}@]{0,2}';

/** A name as a pattern over folded text: its letters and digits, any small gap between them. */
function namePattern(name: string): string | undefined {
  const letters = [
    ...[...name]
      .map(foldChar)
      .join('')
      .replace(/[^\p{L}\p{N}]/gu, ''),
  ];
  if (letters.length < 2) return undefined;
  return letters.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(GAP);
}

/**
 * The names a member may write after "@" to mention the bot. How Zalo writes a mention in a group's text
 * is not documented, so every name getMe gives counts, and each without the «Bot» Zalo makes bot names
 * start with («Bot Trợ lý DVC» → «Trợ lý DVC»; «bot.TroLyDvc» → «TroLyDvc»).
 */
export function mentionNames(info: ZaloBotInfo): string[] {
  const given = [info.display_name, info.name, info.account_name].filter(
    (n): n is string => typeof n === 'string' && n.trim() !== '',
  );
  const names = given.flatMap((n) => [n, n.replace(/^[Bb][Oo][Tt](?:[\s._-]+|(?=\p{Lu}))/u, '')]);
  return [...new Set(names.map((n) => n.trim()))].filter((n) => n.length >= 2);
}

/**
 * The text without a leading or trailing "@<bot name>" (case and diacritics ignored: «@tro ly dvc» is
 * «@Trợ lý DVC»), so that «@Trợ lý DVC 2» is read as «2». Anything else is left as it is.
 */
export function stripMention(text: string, names: readonly string[]): string {
  const patterns = names
    .map(namePattern)
    .filter((p): p is string => p !== undefined)
    .sort((a, b) => b.length - a.length);
  if (patterns.length === 0 || !text.includes('@')) return text;
  const source = text.normalize('NFC');
  const { folded, starts } = foldWithMap(source);
  const name = `(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`;
  let from = 0;
  let to = source.length;
  const lead = new RegExp(`^\\s*@\\s?${name}[\\s,:;.!?\\-–—]*`, 'u').exec(folded);
  if (lead) from = starts[lead[0].length] ?? source.length;
  const trail = new RegExp(`(?:^|\\s)@\\s?${name}[\\s,:;.!?]*$`, 'u').exec(folded);
  if (trail && trail.index >= (lead?.[0].length ?? 0)) to = starts[trail.index] ?? source.length;
  if (!lead && !trail) return text;
  return source.slice(from, Math.max(from, to)).trim();
}
