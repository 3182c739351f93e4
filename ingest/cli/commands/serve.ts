import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from '../../../lib/config/load-config';
import { closeDb, getDbHandle } from '../../../lib/db/client';
import { migrateDatabase } from '../../../lib/db/migrate';
import { AppError } from '../../../lib/errors';
import { createInProcessQueue } from '../../../lib/jobs/create-in-process-queue';
import { createPgBossQueue } from '../../../lib/jobs/create-pg-boss-queue';
import { setJobQueue } from '../../../lib/jobs/get-job-queue';
import { hasMalformedPath } from '../../../lib/http/has-malformed-path';
import { log } from '../../../lib/observability/log';
import { closeInterruptedRuns } from '../../../lib/runs/close-interrupted-runs';
import { autoLoadDemo } from '../../demo/auto-load-demo';
import { startScorecardRefresh } from '../../../lib/scorecard/start-scorecard-refresh';
import { startStatisticsUpkeep } from '../../../lib/db/start-statistics-upkeep';
import { startAnalysisRefresh } from '../../../lib/impact/start-analysis-refresh';
import { startWorker } from '../../worker/start-worker';
import { defineCommand } from '../command';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const buildApp = () =>
  new Promise<void>((resolveBuild, reject) => {
    const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
    const child = spawn(process.execPath, [nextBin, 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveBuild() : reject(new AppError('USAGE', `next build failed with exit code ${code}`))));
  });

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Apply migrations and serve the dashboard (what `npm start` runs)',
  usage: 'waymark serve',
  help: [
    'Builds the app when no production build exists, applies migrations, and serves the dashboard and API on PORT (default 3000).',
    'With no DATABASE_URL the server owns the embedded database for as long as it runs: other waymark commands against',
    'the same data folder are refused until it stops (PGlite allows one process).',
  ].join('\n'),
  run: async ({ stdout }) => {
    const config = getConfig();
    const port = config.server.port;
    if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) {
      stdout.write('No production build found; running `next build` first (once).\n');
      await buildApp();
    }
    const handle = await getDbHandle({ role: 'server', port });
    await migrateDatabase(handle);
    await closeInterruptedRuns(handle);
    await autoLoadDemo({ handle, config, stdout });
    // Jobs: pg-boss on Postgres (shared with any `waymark worker`), in-process on the embedded database (nothing else
    // may open it). The server runs its share unless server.worker says otherwise, so `npm start` alone is complete.
    const worker = config.server.worker;
    const queue = handle.backend === 'postgres' ? await createPgBossQueue({ url: handle.url!, schedule: worker === 'all' }) : createInProcessQueue();
    setJobQueue(queue);
    if (worker !== 'off') await startWorker(queue, { db: handle.db, config, roles: { webhooks: true, syncs: worker === 'all', syncConcurrency: 1 } });

    const { default: next } = await import('next');
    const app = next({ dev: false, dir: ROOT, port });
    await app.prepare();
    const handler = app.getRequestHandler();
    const server = createServer((request, response) => {
      if (hasMalformedPath(request.url ?? '/')) {
        response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request: the address has malformed percent-encoding\n');
        return;
      }
      handler(request, response).catch((error: unknown) => {
        log.error('unhandled request error', { error });
        response.statusCode = 500;
        response.end('Internal error');
      });
    });
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new AppError('USAGE', `port ${port} is already in use; set PORT to another port`) : error),
      );
      server.listen(port, () => resolveListen());
    });
    stdout.write(`Waymark is serving http://localhost:${port} (database: ${handle.backend}, ${handle.location}; jobs: ${queue.kind}, ${worker === 'off' ? 'run elsewhere' : worker === 'all' ? 'run here' : 'webhooks run here'})\n`);
    // Statistics first: on a fresh embedded database the demo or an import has just filled the tables the scorecards read.
    const stopStatisticsUpkeep = startStatisticsUpkeep({ db: handle.db });
    const stopScorecardRefresh = startScorecardRefresh({ db: handle.db });
    const stopAnalysisRefresh = startAnalysisRefresh({ db: handle.db });

    await new Promise<void>((resolveStop) => {
      const stop = (signal: string) => {
        stdout.write(`\nStopping (${signal})…\n`);
        server.close(() => resolveStop());
        server.closeAllConnections();
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    await stopAnalysisRefresh();
    await stopScorecardRefresh();
    await stopStatisticsUpkeep();
    await queue.stop();
    setJobQueue(null);
    await closeDb();
  },
});
