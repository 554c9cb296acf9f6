/**
 * Phrases indexed by their first word, then by their second: a message's word is compared only with the
 * phrases that go on with its next word. `oneWord`: the phrases of that one word.
 */
export interface FirstTwoWords<T> {
  readonly bySecondWord: ReadonlyMap<string, readonly T[]>;
  readonly oneWord: readonly T[];
}

/** The index of these items by the first two of their words (`wordsOf`), each list in the items' order. */
export function byFirstTwoWords<T>(
  items: readonly T[],
  wordsOf: (item: T) => readonly string[],
): Map<string, FirstTwoWords<T>> {
  const index = new Map<string, { bySecondWord: Map<string, T[]>; oneWord: T[] }>();
  for (const item of items) {
    const [first = '', second] = wordsOf(item);
    let from = index.get(first);
    if (!from) {
      from = { bySecondWord: new Map(), oneWord: [] };
      index.set(first, from);
    }
    if (second === undefined) from.oneWord.push(item);
    else {
      const same = from.bySecondWord.get(second);
      if (same) same.push(item);
      else from.bySecondWord.set(second, [item]);
    }
  }
  return index;
}
