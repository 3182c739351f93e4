import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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
import { describeAccess } from '../../../lib/auth/describe-access';
import { gateRequest } from '../../../lib/auth/gate-request';
import { isLoopback, resolveListenHost } from '../../../lib/auth/get-auth-settings';
import { toWebRequest } from '../../../lib/auth/to-web-request';
import { PEER_ADDRESS_HEADER } from '../../../lib/http/handle-write-request';
import { buildContentSecurityPolicy } from '../../../lib/http/build-content-security-policy';
import { createPageAnswerCache } from '../../../lib/http/create-page-answer-cache';
import { getAnswerStamp } from '../../../lib/db/get-answer-stamp';
import { hasMalformedPath } from '../../../lib/http/has-malformed-path';
import { log } from '../../../lib/observability/log';
import { closeInterruptedRuns } from '../../../lib/runs/close-interrupted-runs';
import { autoLoadDemo } from '../../demo/auto-load-demo';
import { startScorecardRefresh } from '../../../lib/scorecard/start-scorecard-refresh';
import { startStorageUpkeep } from '../../../lib/db/start-storage-upkeep';
import { startAnalysisRefresh } from '../../../lib/impact/start-analysis-refresh';
import { startNotificationRefresh } from '../../../lib/notifications/start-notification-refresh';
import { startWorker } from '../../worker/start-worker';
import { defineCommand } from '../command';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const buildApp = () =>
  new Promise<void>((resolveBuild, reject) => {
    const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolveBuild() : reject(new AppError('USAGE', `next build failed with exit code ${code}`)),
    );
  });

export const serveCommand = defineCommand({
  usage: 'waymark serve',
  help: [
    'Builds the app when no production build exists, applies migrations, and serves the dashboard and API on PORT (default 3000).',
    'With no DATABASE_URL the server owns the embedded database for as long as it runs: other waymark commands against',
    'the same data folder are refused until it stops (PGlite allows one process).',
    'Without sign-in configured (auth.oidc) it listens on 127.0.0.1 only and the local user is admin; another',
    'server.host needs server.allowAnonymous: true. With sign-in, every page and API needs a session or a token.',
  ].join('\n'),
  run: async ({ stdout }) => {
    const config = getConfig();
    const port = config.server.port;
    const { host, open } = resolveListenHost(config);
    if (open && !config.server.allowAnonymous) {
      throw new AppError(
        'USAGE',
        `server.host ${host}: without sign-in configured (auth.oidc) the dashboard would be open to everyone there; set server.allowAnonymous: true (WAYMARK_ALLOW_ANONYMOUS=true) to mean it, or configure sign-in`,
      );
    }
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
    const queue =
      handle.backend === 'postgres'
        ? await createPgBossQueue({ url: handle.url!, schedule: worker === 'all' })
        : createInProcessQueue();
    setJobQueue(queue);
    if (worker !== 'off')
      await startWorker(queue, {
        db: handle.db,
        config,
        roles: { webhooks: true, syncs: worker === 'all', syncConcurrency: 1 },
      });

    const { default: next } = await import('next');
    const app = next({ dev: false, dir: ROOT, port });
    await app.prepare();
    const handler = app.getRequestHandler();
    const pageAnswers = createPageAnswerCache({ readStamp: () => getAnswerStamp(handle.db) });
    const serveRequest = async (request: IncomingMessage, response: ServerResponse) => {
      if (hasMalformedPath(request.url ?? '/')) {
        response
          .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Bad request: the address has malformed percent-encoding\n');
        return;
      }
      // The peer address for audit records comes from the socket, never from what the client sent.
      delete request.headers[PEER_ADDRESS_HEADER];
      if (request.socket.remoteAddress) request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress;
      const refused = await gateRequest({ db: handle.db, config, request: toWebRequest(request) });
      if (refused) {
        response.writeHead(refused.status, refused.headers).end(refused.body);
        return;
      }
      // A new nonce per answer; the request carries the policy too, which is where Next finds the nonce.
      const { header: policy, nonce } = buildContentSecurityPolicy();
      request.headers['content-security-policy'] = policy;
      response.setHeader('Content-Security-Policy', policy);
      await pageAnswers.serve(request, response, { nonce, render: () => handler(request, response) });
    };
    const server = createServer((request, response) => {
      serveRequest(request, response).catch((error: unknown) => {
        log.error('unhandled request error', { error });
        response.statusCode = 500;
        response.end('Internal error');
      });
    });
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new AppError('USAGE', `port ${port} is already in use; set PORT to another port`)
            : error,
        ),
      );
      server.listen(port, host, () => resolveListen());
    });
    stdout.write(`${describeAccess(config, host, open)}\n`);
    stdout.write(
      `Waymark is serving http://${isLoopback(host) ? 'localhost' : host}:${port} (database: ${handle.backend}, ${handle.location}; jobs: ${queue.kind}, ${worker === 'off' ? 'run elsewhere' : worker === 'all' ? 'run here' : 'webhooks run here'})\n`,
    );
    // Statistics first: on a fresh embedded database the demo or an import has just filled the tables the scorecards read.
    const stopStorageUpkeep = startStorageUpkeep({ db: handle.db });
    const stopScorecardRefresh = startScorecardRefresh({ db: handle.db });
    const stopAnalysisRefresh = startAnalysisRefresh({ db: handle.db });
    const stopNotifications = startNotificationRefresh({ db: handle.db, config });

    await new Promise<void>((resolveStop) => {
      const stop = (signal: string) => {
        stdout.write(`\nStopping (${signal})…\n`);
        server.close(() => resolveStop());
        server.closeAllConnections();
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    await stopNotifications();
    await stopAnalysisRefresh();
    await stopScorecardRefresh();
    await stopStorageUpkeep();
    await queue.stop();
    setJobQueue(null);
    await closeDb();
  },
});
