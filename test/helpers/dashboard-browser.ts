import type { Page } from 'playwright-core';

/** What the checks read in the page (types only: these run in the browser). */
interface ChartLike {
  data: { labels: unknown[]; datasets: { label?: string; data: unknown[] }[] };
}
interface PageGlobals {
  Chart: { getChart(canvas: unknown): ChartLike | undefined };
  document: {
    getElementById(id: string): unknown;
    documentElement: { scrollWidth: number };
  };
}

export interface ChartNumbers {
  readonly labels: string[];
  readonly datasets: { label: string; data: number[] }[];
}

/** A chart's labels and datasets as Chart.js holds them (what is drawn). */
export function chartNumbers(page: Page, name: string): Promise<ChartNumbers> {
  return page.evaluate((id) => {
    const g = globalThis as unknown as PageGlobals;
    const chart = g.Chart.getChart(g.document.getElementById(`chart-${id}`));
    if (!chart) throw new Error(`no chart on #chart-${id}`);
    return {
      labels: chart.data.labels.map(String),
      datasets: chart.data.datasets.map((d) => ({ label: String(d.label ?? ''), data: d.data.map(Number) })),
    };
  }, name);
}

/** Waits until the page shows the period's figures. */
export async function waitForPeriod(page: Page, period: { from: string; to: string }): Promise<void> {
  await page
    .locator(`#dashboard[data-period="${period.from}..${period.to}"][aria-busy="false"]`)
    .waitFor({ state: 'attached' });
}

/** The summary cards' text, by name. */
export async function cards(page: Page): Promise<Record<string, string>> {
  const pairs = await page
    .locator('[data-card]')
    .evaluateAll((els) =>
      els.map((el) => [
        String((el as unknown as { dataset: { card: string } }).dataset.card),
        String((el as unknown as { textContent: string }).textContent),
      ]),
    );
  return Object.fromEntries(pairs);
}

export const scrollWidth = (page: Page): Promise<number> =>
  page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth);
