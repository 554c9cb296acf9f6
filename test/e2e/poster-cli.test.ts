// npm run poster as the commune staff run it: a child process that prints with the system Chromium.
// What the PDF shows (the codes read back from its pixels) is checked in poster.browser.test.ts.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runScriptAsync } from '../helpers/run-script';

const PUBLIC_URL = 'https://troly.iadom.gialai.gov.vn';
const VILLAGE_IDS = ['thon-1', 'thon-2', 'thon-3', 'thon-4', 'thon-5', 'thon-6', 'thon-7'];

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A one-page PDF: Chromium writes one /Type /Page object per page and the page count in /Count. */
function expectOnePagePdf(file: string): void {
  const bytes = readFileSync(file).toString('latin1');
  expect(bytes.startsWith('%PDF-')).toBe(true);
  expect(bytes.match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
  expect(bytes).toMatch(/\/Type\s*\/Pages\b[\s\S]*?\/Count 1\b|\/Count 1\b[\s\S]*?\/Type\s*\/Pages\b/);
}

describe('npm run poster', () => {
  it('refuses an unknown village with exit 2 and lists the valid ids', async () => {
    const out = tempDir('dvc-posters-');
    const r = await runScriptAsync('poster.ts', ['--village', 'thon-99', '--out', out], { PUBLIC_URL });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('thon-99');
    expect(r.stderr).toContain(VILLAGE_IDS.join(', '));
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses to run without --village or --all', async () => {
    const r = await runScriptAsync('poster.ts', [], { PUBLIC_URL });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--village');
  });

  it('exits 2 naming what to fill in when no link is configured', async () => {
    const out = tempDir('dvc-posters-');
    const r = await runScriptAsync('poster.ts', ['--all', '--out', out]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('chat.zalo');
    expect(r.stderr).toContain('chat.telegram');
    expect(r.stderr).toContain('PUBLIC_URL');
    expect(readdirSync(out)).toEqual([]);
  });

  it('--all writes one single-page PDF per village and warns about the links left off', async () => {
    const out = join(tempDir('dvc-posters-'), 'in', 'here');
    const r = await runScriptAsync('poster.ts', ['--all', '--out', out], { PUBLIC_URL });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(VILLAGE_IDS.map((id) => `poster-${id}.pdf`));
    for (const id of VILLAGE_IDS) expectOnePagePdf(join(out, `poster-${id}.pdf`));
    expect(r.stdout.trim().split('\n')).toEqual(VILLAGE_IDS.map((id) => join(out, `poster-${id}.pdf`)));
    expect(r.stderr).toMatch(/Zalo.*chat\.zalo/);
    expect(r.stderr).toMatch(/Telegram.*chat\.telegram/);
    expect(r.stderr).not.toContain('PUBLIC_URL');
  });

  it('--village prints that village only, and warns about nothing once every link is configured', async () => {
    const content = tempDir('dvc-content-');
    cpSync('content', content, { recursive: true });
    const communeFile = join(content, 'commune.yaml');
    writeFileSync(
      communeFile,
      `${readFileSync(communeFile, 'utf8')}\nchat:\n  zalo: https://zalo.me/4318902273116913711\n  telegram: https://t.me/IaDomTroLyBot\n`,
    );
    const out = tempDir('dvc-posters-');
    const r = await runScriptAsync('poster.ts', ['--', '--village', 'thon-3', '--out', out], {
      PUBLIC_URL,
      CONTENT_DIR: content,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['poster-thon-3.pdf']);
    expectOnePagePdf(join(out, 'poster-thon-3.pdf'));
    expect(r.stderr).not.toMatch(/mã QR/);
    expect(existsSync(join(out, 'poster-thon-1.pdf'))).toBe(false);
  });
});
