import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ASSETS } from './dashboard-html';

const OWN = join(import.meta.dirname, 'dashboard-public');

/** Chart.js's browser build, from the installed package (nothing is loaded from the internet). */
function chartJsPath(): string {
  // The package's exports name no dist file; its main entry sits beside the browser build.
  const main = createRequire(import.meta.url).resolve('chart.js');
  return join(dirname(main), 'chart.umd.js');
}

const FILES: Readonly<Record<string, { path: () => string; type: string }>> = {
  'chart.umd.js': { path: chartJsPath, type: 'text/javascript; charset=utf-8' },
  'dashboard-charts.js': {
    path: () => join(OWN, 'dashboard-charts.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'dashboard.js': { path: () => join(OWN, 'dashboard.js'), type: 'text/javascript; charset=utf-8' },
  'print.js': { path: () => join(OWN, 'print.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.css': { path: () => join(OWN, 'dashboard.css'), type: 'text/css; charset=utf-8' },
};

/** The dashboard's scripts and stylesheet, read once at start; public, like the chat page's. */
export function registerDashboardAssets(app: FastifyInstance): void {
  for (const [name, file] of Object.entries(FILES)) {
    const body = readFileSync(file.path());
    app.get(`${ASSETS}/${name}`, async (_request, reply) =>
      reply.type(file.type).header('cache-control', 'public, max-age=3600').send(body),
    );
  }
}
