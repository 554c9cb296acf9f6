/**
 * The first of these word sequences that the words from position i say, compared word for word in a loop
 * (it runs at every word of every question: no callbacks made per call).
 */
export function wordsAt(
  words: readonly string[],
  i: number,
  sequences: readonly (readonly string[])[],
): readonly string[] | undefined {
  for (const sequence of sequences) {
    let k = 0;
    while (k < sequence.length && words[i + k] === sequence[k]) k++;
    if (k === sequence.length) return sequence;
  }
  return undefined;
}
