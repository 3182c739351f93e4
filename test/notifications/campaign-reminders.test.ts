import { expect, it } from 'vitest';
import { importEvents } from '../../ingest/sources/events/import-events';
import { createCampaign } from '../../lib/campaigns/create-campaign';
import { createChannels } from '../../lib/notifications/deliver-notification';
import { refreshNotifications } from '../../lib/notifications/refresh-notifications';
import { getStandards } from '../../lib/scorecard/get-standards';
import { asLines } from '../helpers/event-input';
import { describeEachBackend } from '../helpers/test-db';
import { setUpNotificationServers } from './notification-servers';

const servers = setUpNotificationServers();

describeEachBackend('campaign deadline reminders', ({ db }) => {
  it('reminds each team with services not done once per mark (7 days, then 1 day), naming the checks in the way', async () => {
    const config = servers().configure();
    config.notifications.digestHourUtc = null;
    const channels = createChannels(config.notifications)!;
    const run = (now: string) => refreshNotifications({ db: db(), config, channels, now: new Date(now) });
    await importEvents({
      db: db(),
      input: asLines([
        { kind: 'service', name: 'payments-api', team: 'payments' },
        { kind: 'service', name: 'ledger', team: 'payments' },
        { kind: 'service', name: 'search', team: 'discovery' },
      ]),
    });
    const definition = {
      name: 'readme-everywhere',
      title: 'A README in every repository',
      goal: { checks: ['readme'] },
      scope: { team: ['payments'] },
      start: '2026-11-01',
      deadline: '2026-12-15',
      owner: 'platform',
    };
    await createCampaign({ db: db(), standards: getStandards(), definition, actor: 'test' });
    await run('2026-12-01T09:00:00Z');
    // 14 days left: no mark reached.
    expect(await run('2026-12-01T09:05:00Z')).toEqual({ created: 0, sent: 0, failed: 0 });
    expect(await run('2026-12-08T09:00:00Z')).toEqual({ created: 1, sent: 1, failed: 0 });
    expect(await run('2026-12-09T09:00:00Z')).toEqual({ created: 0, sent: 0, failed: 0 });
    expect(servers().posted.map((post) => [post.channel, ...post.text.split('\n')])).toEqual([
      [
        '#payments',
        '*A README in every repository ends in 7 days (15 Dec 2026): payments has 2 services not done*',
        'A README in every repository ends in 7 days (15 Dec 2026): payments has 2 services not done. 0 of 2 services are done.',
        '- ledger: The repository has a README',
        '- payments-api: The repository has a README',
        'https://waymark.example.com/campaigns/readme-everywhere',
      ],
    ]);
    expect(servers().mails.map((mail) => mail.to)).toEqual(['payments@example.com']);
    expect(await run('2026-12-14T09:00:00Z')).toEqual({ created: 1, sent: 1, failed: 0 });
    expect(servers().posted.at(-1)!.text.split('\n')[0]).toBe(
      '*A README in every repository ends in 1 day (15 Dec 2026): payments has 2 services not done*',
    );
  });
});
