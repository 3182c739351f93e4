import type { Config } from '../config/config-schema';
import type { DbBackend, Executor } from '../db/client';
import { getDemoStatus } from './get-demo-status';
import { hasRealData } from './has-real-data';

export type DemoStartupAction = { action: 'load'; seed: number | null } | { action: 'skip'; reason: string };

/** A source is configured when the server would sync something: GitHub credentials or repositories. */
const configuredSource = (config: Config) => Boolean(config.github.token || config.github.appId || config.github.org || config.github.repos.length > 0);

/**
 * Whether `npm start` should load the demo organization: only into the embedded database, only with demo.mode auto and
 * no source configured, never next to real data, never after `waymark demo --reset`. A demo loaded on an earlier day
 * is loaded again so its 180 days end today (with the seed it had).
 */
export const getDemoStartupAction = async ({ db, backend, config, today }: { db: Executor; backend: DbBackend; config: Config; today: string }): Promise<DemoStartupAction> => {
  if (config.demo.mode === 'off') return { action: 'skip', reason: 'demo.mode is off' };
  if (backend !== 'pglite') return { action: 'skip', reason: 'the database is a Postgres server' };
  if (configuredSource(config)) return { action: 'skip', reason: 'a source is configured' };
  if (await hasRealData({ db })) return { action: 'skip', reason: 'the database holds real data' };
  const status = await getDemoStatus({ db });
  if (!status.loaded && status.removedAt) return { action: 'skip', reason: 'the demo was removed with `waymark demo --reset`' };
  if (status.loaded && status.through === today) return { action: 'skip', reason: 'the demo is loaded and current' };
  return { action: 'load', seed: status.loaded ? status.seed : null };
};
