/**
 * npm run poster -- --village <id> | --all [--out DIR]
 * Writes DIR/poster-<village id>.pdf (default DIR: posters/): an A4 poster with the QR codes that open the
 * bot on Zalo, Telegram and the web chat for that village. Exits 2 when there is nothing to print.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { formatProblem, readContent } from '../src/knowledge/load';
import type { Commune } from '../src/knowledge/schema';
import { findVillage, type Village, villagePoster } from '../src/posters/poster-content';
import { POSTER_TEXT } from '../src/posters/poster-html';
import { renderPosterPdf } from '../src/posters/poster-pdf';
import { POSTER_USAGE, parsePosterArgs } from './poster-args';
import { chromiumPdf, launchChromium } from './poster-pdf';

const PRINT_AT_ONCE = 4;

const say = (line: string): boolean => process.stderr.write(`${line}\n`);

function villagesToPrint(commune: Commune, id: string | undefined): Village[] | undefined {
  if (id === undefined) return commune.villages;
  const village = findVillage(commune, id);
  return village ? [village] : undefined;
}

async function main(): Promise<number> {
  const args = parsePosterArgs(process.argv.slice(2));
  if ('error' in args) {
    say(`${args.error}\n${POSTER_USAGE}`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    say(err instanceof ConfigError ? err.message : String(err));
    return 1;
  }
  const { kb, problems } = readContent(config.contentDir);
  if (!kb) {
    for (const p of problems.filter((p) => p.severity === 'error')) say(formatProblem(p));
    return 1;
  }
  const commune = kb.commune;
  const villages = villagesToPrint(commune, args.village);
  if (!villages) {
    say(`Không có thôn/làng mã «${args.village}» trong commune.yaml (villages).`);
    say(`Các mã có: ${commune.villages.map((v) => v.id).join(', ')}`);
    return 2;
  }

  const posters = villages.map((village) => ({
    village,
    ...villagePoster(commune, village, config.publicUrl),
  }));
  const unset = new Map(posters.flatMap((p) => p.unset).map((u) => [u.channel, u.fillIn]));
  if (posters.some((p) => p.content.links.length === 0)) {
    say('Chưa có đường dẫn nào để in mã QR. Điền ít nhất một trong:');
    for (const fillIn of unset.values()) say(`  - ${fillIn}`);
    return 2;
  }
  for (const [channel, fillIn] of unset) {
    say(`Cảnh báo: poster không có mã QR ${POSTER_TEXT.labels[channel]}; muốn có thì điền ${fillIn}.`);
  }
  for (const { village, content } of posters) {
    if (content.villageName !== village.name) {
      const printed = content.villageName ? `in «${content.villageName}»` : 'không in tên thôn';
      say(`Cảnh báo: thôn ${village.id} chưa có tên thật (commune.yaml: villages); poster ${printed}.`);
    }
  }
  if (posters[0]?.content.phone === undefined) {
    say('Cảnh báo: chưa có số điện thoại (commune.yaml: office.phones); poster không in số điện thoại.');
  }

  mkdirSync(args.out, { recursive: true });
  const browser = await launchChromium();
  try {
    const toPdf = chromiumPdf(browser);
    // A few pages print at once (each in its own context): a commune's dozens of villages in seconds.
    for (let i = 0; i < posters.length; i += PRINT_AT_ONCE) {
      const batch = posters.slice(i, i + PRINT_AT_ONCE);
      const pdfs = await Promise.all(batch.map((p) => renderPosterPdf(toPdf, p.content)));
      batch.forEach(({ village }, j) => {
        const file = join(args.out, `poster-${village.id}.pdf`);
        writeFileSync(file, pdfs[j]!);
        process.stdout.write(`${file}\n`);
      });
    }
  } finally {
    await browser.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
