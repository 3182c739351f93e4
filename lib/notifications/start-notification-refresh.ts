import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { describeError } from '../errors';
import { runEvery } from '../jobs/run-every';
import { log } from '../observability/log';
import { createChannels } from './deliver-notification';
import { refreshNotifications } from './refresh-notifications';

/**
 * Announces check changes from the server every `notifications.intervalSeconds`, when Slack or e-mail is configured
 * (else it does nothing, not even mark a start). Several servers may run it: each message is claimed by one.
 * Returns a function that stops it.
 */
export const startNotificationRefresh = ({ db, config }: { db: Executor; config: Config }) => {
  const channels = createChannels(config.notifications);
  if (!channels) return async () => {};
  let lastProblem: string | null = null;
  return runEvery(config.notifications.intervalSeconds * 1000, async () => {
    try {
      const outcome = await refreshNotifications({ db, config, channels });
      if (outcome.sent + outcome.failed > 0) log.info('notifications sent', outcome);
      lastProblem = null;
    } catch (error) {
      const problem = describeError(error);
      if (problem !== lastProblem) log.warn('notifications could not be sent', { error: problem });
      lastProblem = problem;
    }
  });
};
