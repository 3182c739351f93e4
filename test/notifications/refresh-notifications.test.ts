import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config/load-config';
import type { Db } from '../../lib/db/client';
import { checkDefinitions, checkResults, notifications, services } from '../../lib/db/schema';
import { createChannels } from '../../lib/notifications/deliver-notification';
import { refreshNotifications } from '../../lib/notifications/refresh-notifications';
import { describeEachBackend } from '../helpers/test-db';

const SLACK_TOKEN = 'xoxb-test-token-0000';

/** Slack's Web API as documented for chat.postMessage: a form post with a bearer token, answered { ok }. */
let slack: Server;
let slackUrl: string;
const posted: { channel: string; text: string; authorization: string | undefined }[] = [];
/** A real SMTP server (smtp-server from npm) that keeps each message, parsed. */
let smtp: SMTPServer;
let smtpPort: number;
const mails: { to: string; subject: string; text: string }[] = [];

beforeAll(async () => {
  slack = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      const ok = request.url?.endsWith('/chat.postMessage') ?? false;
      if (ok)
        posted.push({
          channel: form.get('channel')!,
          text: form.get('text')!,
          authorization: request.headers.authorization,
        });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          ok ? { ok: true, channel: form.get('channel'), ts: '1.0' } : { ok: false, error: 'unknown_method' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/api/`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, _session, callback) => {
      simpleParser(stream).then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to.map((entry) => entry.text).join(', ') : (mail.to?.text ?? '');
        mails.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => slack.close(resolve));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});
beforeEach(() => {
  posted.length = 0;
  mails.length = 0;
});

const configure = () => {
  const { config } = loadConfig({
    env: {
      WAYMARK_SLACK_TOKEN: SLACK_TOKEN,
      WAYMARK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      WAYMARK_PUBLIC_URL: 'https://waymark.example.com',
    },
    cwd: '/nonexistent',
  });
  config.notifications.slack = {
    ...config.notifications.slack,
    apiUrl: slackUrl,
    channels: { payments: '#payments', '*': '#platform' },
  };
  config.notifications.email.to = { payments: ['payments@example.com'] };
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
    expect(posted.map((post) => [post.channel, post.text.split('\n')[0]]).sort()).toEqual([
      ['#payments', '*payments-api now fails "The repository has a README" (bronze)*'],
      ['#platform', '*search now fails "The repository has a README" (bronze)*'],
    ]);
    expect(posted[0]!.authorization).toBe(`Bearer ${SLACK_TOKEN}`);
    expect(posted.find((post) => post.channel === '#payments')!.text).toContain(
      'https://waymark.example.com/services/payments-api',
    );
    // Only payments has addresses: one e-mail.
    expect(mails).toEqual([
      expect.objectContaining({
        to: 'payments@example.com',
        subject: 'payments-api now fails "The repository has a README" (bronze)',
      }),
    ]);

    // A restart (a new run, as a second server would) sends nothing again.
    expect(await run()).toEqual({ created: 0, sent: 0, failed: 0 });
    expect([posted.length, mails.length]).toEqual([2, 1]);

    // Recovery: one message each; a changed rule (new hash) is not the service's change.
    await record(db(), 'payments-api', 'pass');
    await record(db(), 'search', 'pass', 'h-readme-2');
    expect(await run()).toEqual({ created: 1, sent: 1, failed: 0 });
    expect(posted.at(-1)!.text.split('\n')[0]).toBe(
      '*payments-api passes "The repository has a README" (bronze) again*',
    );
    expect(mails.at(-1)!.subject).toBe('payments-api passes "The repository has a README" (bronze) again');
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
    expect(posted).toHaveLength(1);
    expect(mails).toHaveLength(1);
  });
});
