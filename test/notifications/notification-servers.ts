import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../lib/config/load-config';

export const SLACK_TOKEN = 'xoxb-test-token-0000';

export type NotificationServers = {
  posted: { channel: string; text: string; authorization: string | undefined }[];
  mails: { to: string; subject: string; text: string }[];
  /** A configuration that sends to both, Slack #payments for payments and #platform for the rest. */
  configure: () => ReturnType<typeof loadConfig>['config'];
  close: () => Promise<void>;
};

/**
 * Slack's Web API as documented for chat.postMessage (a form post with a bearer token, answered `{ ok }`), and a
 * real SMTP server (smtp-server from npm) that keeps each message, parsed with mailparser.
 */
export const startNotificationServers = async (): Promise<NotificationServers> => {
  const posted: NotificationServers['posted'] = [];
  const mails: NotificationServers['mails'] = [];
  const slack = createServer((request, response) => {
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
  const slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/api/`;
  const smtp = new SMTPServer({
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
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const configure = () => {
    const env = {
      WAYMARK_SLACK_TOKEN: SLACK_TOKEN,
      WAYMARK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      WAYMARK_PUBLIC_URL: 'https://waymark.example.com',
    };
    const { config } = loadConfig({ env, cwd: '/nonexistent' });
    const channels = { payments: '#payments', '*': '#platform' };
    config.notifications.slack = { ...config.notifications.slack, apiUrl: slackUrl, channels };
    config.notifications.email.to = { payments: ['payments@example.com'] };
    return config;
  };
  const close = async () => {
    await new Promise((resolve) => slack.close(resolve));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  };
  return { posted, mails, configure, close };
};

/** Starts the servers for a test file, empties what they received before each test, and stops them after. */
export const setUpNotificationServers = () => {
  let servers: NotificationServers;
  beforeAll(async () => (servers = await startNotificationServers()));
  afterAll(() => servers.close());
  beforeEach(() => {
    servers.posted.length = 0;
    servers.mails.length = 0;
  });
  return () => servers;
};
