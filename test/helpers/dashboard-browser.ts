import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openVisitor, type VisitorPage } from './browser';

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

/**
 * Fresh browsers (no cookies) on the dashboard that also fail on Content-Security-Policy violations;
 * `closeAll` (after each test) closes them and fails the test on any error their pages met.
 */
export function strictVisitors(browser: () => Browser, baseURL: () => string) {
  const open: VisitorPage[] = [];
  return {
    async visitor(viewport = { width: 1280, height: 900 }): Promise<VisitorPage> {
      const v = await openVisitor(browser(), { baseURL: baseURL(), viewport });
      v.page.on('console', (m) => {
        if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) v.pageErrors.push(m.text());
      });
      open.push(v);
      return v;
    },
    async closeAll(): Promise<void> {
      for (const visitor of open.splice(0)) {
        const errors = [...visitor.pageErrors];
        await visitor.close();
        expect(errors, 'uncaught JavaScript errors or CSP violations on the page').toEqual([]);
      }
    },
  };
}
