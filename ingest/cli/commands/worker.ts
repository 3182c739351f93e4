import { getConfig } from '../../../lib/config/load-config';
import { AppError } from '../../../lib/errors';
import { createPgBossQueue } from '../../../lib/jobs/create-pg-boss-queue';
import { startWorker } from '../../worker/start-worker';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { openCommandDb } from '../open-command-db';

export const workerCommand = defineCommand({
  usage: 'waymark worker [--concurrency N]',
  help: [
    'Takes jobs from the Postgres-backed queue (pg-boss, in the database of DATABASE_URL): one sync job per repository,',
    'the scheduled syncs of github.schedule (cron, UTC), and the normalization of stored webhook deliveries. Start as',
    'many workers as you like, on one machine or many: a repository is never synced by two of them at once.',
    'With the embedded database there is nothing to start: `npm start` runs the same jobs in its own process.',
    '',
    'Options:',
    '  --concurrency N   repository syncs this process runs at once (default 2)',
  ].join('\n'),
  options: { concurrency: { type: 'string' } },
  run: async ({ values, stdout }) => {
    const config = getConfig();
    const concurrency = values.concurrency ? Number(values.concurrency) : 2;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw usageError('--concurrency must be a positive whole number');
    if (!config.database.url) {
      throw new AppError('USAGE', 'the worker needs a Postgres server (DATABASE_URL); with the embedded database `npm start` runs the jobs itself');
    }
    const handle = await openCommandDb('worker');
    const queue = await createPgBossQueue({ url: handle.url! });
    await startWorker(queue, { db: handle.db, config, roles: { webhooks: true, syncs: true, syncConcurrency: concurrency } });
    stdout.write(`Worker running (${concurrency} repository syncs at once${config.github.schedule ? `, schedule "${config.github.schedule}"` : ''}); Ctrl-C stops it.\n`);
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    stdout.write(`Stopping (${signal}): finishing running jobs…\n`);
    await queue.stop();
    stdout.write('Worker stopped.\n');
  },
});
