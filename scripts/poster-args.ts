import { parseArgs } from 'node:util';

export const POSTER_USAGE = 'Cách dùng: npm run poster -- --village <mã thôn> | --all [--out THƯ_MỤC]';

export interface PosterArgs {
  /** a village id, or undefined for --all */
  readonly village: string | undefined;
  readonly out: string;
}

/** The poster command's arguments, or what is wrong with them. */
export function parsePosterArgs(argv: string[]): PosterArgs | { error: string } {
  let values: { village?: string; all?: boolean; out?: string };
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: { village: { type: 'string' }, all: { type: 'boolean' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  if ((values.village === undefined) === (values.all !== true)) {
    return { error: 'Chọn một: --village <mã thôn> (một thôn) hoặc --all (mọi thôn).' };
  }
  return { village: values.village, out: values.out ?? 'posters' };
}
