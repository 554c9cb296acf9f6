import type { Button } from '../core/reply';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import { foldedWords } from '../language/normalize';
import type { StepInput } from './flow-engine';

/**
 * One answer of a form's step among `choices`: its button (payload `<prefix>:<choice>`), its number in
 * the list, or its id typed («thon 2» → thon-2). A button of another step is no answer.
 */
export function chooseOption(
  input: StepInput,
  prefix: string,
  choices: readonly string[],
): string | undefined {
  const mark = `${prefix}:`;
  if (input.payload !== undefined) {
    const pressed = input.payload.startsWith(mark) ? input.payload.slice(mark.length) : undefined;
    return pressed !== undefined && choices.includes(pressed) ? pressed : undefined;
  }
  const typed = (input.text ?? '').trim();
  if (/^\d{1,2}$/.test(typed)) return choices[Number(typed) - 1];
  const said = foldedWords(typed).replaceAll(' ', '-');
  return choices.find((c) => c === said);
}

/** «Hủy» under a form's question. */
export const cancelRow = (t: Translate, locale: Locale): Button[] => [
  { label: t(locale, 'button-cancel'), payload: 'cancel' },
];
