import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { expect, it } from 'vitest';
import { loadConfig } from '../../lib/config/load-config';
import type { Db } from '../../lib/db/client';
import { checkDefinitions, checkResults, notifications, services } from '../../lib/db/schema';
import { createChannels } from '../../lib/notifications/deliver-notification';
import { refreshNotifications } from '../../lib/notifications/refresh-notifications';
import { describeEachBackend } from '../helpers/test-db';
import { SLACK_TOKEN, setUpNotificationServers } from './notification-servers';

const servers = setUpNotificationServers();

/** Check changes alone: the weekly digest has its own test. */
const configure = () => {
  const config = servers().configure();
  config.notifications.digestHourUtc = null;
  return config;
};

let evaluated = Date.parse('2026-11-01T00:00:00Z');
/** A result as the scorecard records it: appended, with the definition's hash. */
const record = async (db: Db, service: string, status: string, hash = 'h-readme') => {
  evaluated += 60_000;
  await db
    .insert(checkResults)
    .values({ service, checkId: 'readme', checkHash: hash, status, evaluatedAt: new Date(evaluated) });
};

describeEachBackend('notifications of check changes (Slack and e-mail)', ({ db }) => {
  it('announces a regression and a recovery once each, routed by team, and never again after a restart', async () => {
    const config = configure();
    const channels = createChannels(config.notifications)!;
    const run = () => refreshNotifications({ db: db(), config, channels });
    await db()
      .insert(services)
      .values([
        { name: 'payments-api', team: 'payments', source: 'events', sourceId: 'payments-api' },
        { name: 'search', team: 'discovery', source: 'events', sourceId: 'search' },
      ]);
    const definition = { id: 'readme', title: 'The repository has a README', level: 'bronze' };
    await db()
      .insert(checkDefinitions)
      .values([
        { hash: 'h-readme', checkId: 'readme', definition, firstSeenAt: new Date(evaluated) },
        { hash: 'h-readme-2', checkId: 'readme', definition, firstSeenAt: new Date(evaluated) },
      ]);
    await record(db(), 'payments-api', 'fail');
    await record(db(), 'payments-api', 'pass');
    // The first run marks where it starts: the failure before it is history, not news.
    expect(await run()).toEqual({ created: 0, sent: 0, failed: 0 });

    await record(db(), 'payments-api', 'fail');
    await record(db(), 'search', 'pass');
    await record(db(), 'search', 'fail');
    expect(await run()).toEqual({ created: 2, sent: 2, failed: 0 });
    expect(
      servers()
        .posted.map((post) => [post.channel, post.text.split('\n')[0]])
        .sort(),
    ).toEqual([
      ['#payments', '*payments-api now fails "The repository has a README" (bronze)*'],
      ['#platform', '*search now fails "The repository has a README" (bronze)*'],
    ]);
    expect(servers().posted[0]!.authorization).toBe(`Bearer ${SLACK_TOKEN}`);
    expect(servers().posted.find((post) => post.channel === '#payments')!.text).toContain(
      'https://waymark.example.com/services/payments-api',
    );
    // Only payments has addresses: one e-mail.
    expect(servers().mails).toEqual([
      expect.objectContaining({
        to: 'payments@example.com',
        subject: 'payments-api now fails "The repository has a README" (bronze)',
      }),
    ]);

    // A restart (a new run, as a second server would) sends nothing again.
    expect(await run()).toEqual({ created: 0, sent: 0, failed: 0 });
    expect([servers().posted.length, servers().mails.length]).toEqual([2, 1]);

    // Recovery: one message each; a changed rule (new hash) is not the service's change.
    await record(db(), 'payments-api', 'pass');
    await record(db(), 'search', 'pass', 'h-readme-2');
    expect(await run()).toEqual({ created: 1, sent: 1, failed: 0 });
    expect(servers().posted.at(-1)!.text.split('\n')[0]).toBe(
      '*payments-api passes "The repository has a README" (bronze) again*',
    );
    expect(servers().mails.at(-1)!.subject).toBe('payments-api passes "The repository has a README" (bronze) again');
    const rows = await db().select().from(notifications);
    expect(rows.map((row) => row.deliveries)).toContainEqual({
      'slack #payments': 'sent',
      'email payments@example.com': 'sent',
    });
  });

  it('two servers running at once send each message once', async () => {
    const config = configure();
    const channels = createChannels(config.notifications)!;
    const run = () => refreshNotifications({ db: db(), config, channels });
    await db()
      .insert(services)
      .values({ name: 'payments-api', team: 'payments', source: 'events', sourceId: 'payments-api' });
    await record(db(), 'payments-api', 'pass');
    await run();
    await record(db(), 'payments-api', 'fail');
    const outcomes = await Promise.all([run(), run()]);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.sent, 0)).toBe(1);
    expect(servers().posted).toHaveLength(1);
    expect(servers().mails).toHaveLength(1);
  });
});

describeEachBackend('notifications to a signed webhook (Standard Webhooks)', ({ db }) => {
  it('posts each message as JSON that verifies with the secret, and not once the body is changed', async () => {
    const received: { headers: Record<string, string>; body: string }[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers as Record<string, string>, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const secret = `whsec_${Buffer.from('a-secret-of-thirty-two-bytes-len').toString('base64')}`;
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/waymark`;
      const { config } = loadConfig({
        env: { WAYMARK_NOTIFY_WEBHOOK_URL: url, WAYMARK_NOTIFY_WEBHOOK_SECRET: secret },
        cwd: '/nonexistent',
      });
      config.notifications.digestHourUtc = null;
      const channels = createChannels(config.notifications)!;
      await db().insert(services).values({ name: 'search', team: 'discovery', source: 'events', sourceId: 'search' });
      await record(db(), 'search', 'pass');
      await refreshNotifications({ db: db(), config, channels });
      await record(db(), 'search', 'fail');
      expect(await refreshNotifications({ db: db(), config, channels })).toEqual({ created: 1, sent: 1, failed: 0 });

      expect(received).toHaveLength(1);
      const [delivery] = received;
      const verified = new Webhook(secret).verify(delivery!.body, delivery!.headers) as {
        type: string;
        data: { team: string; id: string };
      };
      expect(verified).toMatchObject({ type: 'waymark.check-regression', data: { team: 'discovery' } });
      expect(delivery!.headers['webhook-id']).toBe(verified.data.id);
      expect(() =>
        new Webhook(secret).verify(delivery!.body.replace('discovery', 'payments'), delivery!.headers),
      ).toThrow();
      // The secret is not in what was sent.
      expect(JSON.stringify(delivery)).not.toContain(secret.slice(6));
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
