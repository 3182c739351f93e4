import type { Config } from '../../lib/config/config-schema';
import type { DbHandle } from '../../lib/db/client';
import { getDemoStartupAction } from '../../lib/demo/get-demo-startup-action';
import { describeError } from '../../lib/errors';
import { log } from '../../lib/observability/log';
import { loadDemoOrganization } from './load-demo-organization';

/**
 * What `npm start` does about the demo: loads it into an empty embedded database when nothing is configured (see
 * getDemoStartupAction). A failure is logged and the server starts anyway: the demo is a convenience.
 */
export const autoLoadDemo = async ({ handle, config, stdout, now = new Date() }: { handle: DbHandle; config: Config; stdout: NodeJS.WritableStream; now?: Date }) => {
  try {
    const decision = await getDemoStartupAction({ db: handle.db, backend: handle.backend, config, today: now.toISOString().slice(0, 10) });
    if (decision.action === 'skip') {
      log.debug('demo organization not loaded', { reason: decision.reason });
      return decision;
    }
    const started = Date.now();
    const result = await loadDemoOrganization({ db: handle.db, seed: decision.seed ?? undefined, now });
    stdout.write(
      `Loaded the demo organization (acme: ${result.services} services, 180 days to ${result.through}, seed ${result.seed}) in ${((Date.now() - started) / 1000).toFixed(1)}s. ` +
        'Connect real sources (see README), then remove it with `npx waymark demo --reset`; WAYMARK_DEMO=off stops this.\n',
    );
    return decision;
  } catch (error) {
    log.warn('the demo organization could not be loaded', { error: describeError(error) });
    return { action: 'skip' as const, reason: describeError(error) };
  }
};
