import { WebClient } from '@slack/web-api';
import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../config/config-schema';
import { describeError } from '../errors';
import { signStandardWebhook } from '../webhooks/verify-standard-webhook';
import type { NotificationMessage } from './compose-check-notification';

type Settings = Config['notifications'];

/** Where a team's messages go: its own entry, else `*`, else nowhere. */
const routeOf = <T>(routes: Record<string, T>, team: string | null) => (team && routes[team]) || routes['*'] || null;

export type Channels = {
  slack: { client: WebClient; channels: Record<string, string> } | null;
  email: { transport: Transporter; from: string; to: Record<string, string[]> } | null;
  webhook: { url: string; secret: string } | null;
};

/** The configured channels, or null when none is: then nothing is announced at all. */
export const createChannels = (settings: Settings): Channels | null => {
  const slack = settings.slack.token
    ? {
        client: new WebClient(settings.slack.token, {
          slackApiUrl: settings.slack.apiUrl,
          retryConfig: { retries: 2 },
        }),
        channels: settings.slack.channels,
      }
    : null;
  const email = settings.email.smtpUrl
    ? { transport: createTransport(settings.email.smtpUrl), from: settings.email.from, to: settings.email.to }
    : null;
  const { url, secret } = settings.webhook;
  const webhook = url && secret ? { url, secret } : null;
  return slack || email || webhook ? { slack, email, webhook } : null;
};

/**
 * One message as JSON to the webhook, signed with the `standardwebhooks` library: `webhook-id` is the notification's
 * id (receivers de-duplicate on it), `webhook-timestamp` now, `webhook-signature` the HMAC of both and the body.
 */
const postSignedWebhook = async (webhook: { url: string; secret: string }, message: NotificationMessage) => {
  const sentAt = new Date();
  const { silent: _silent, ...fields } = message;
  const body = JSON.stringify({ type: `waymark.${message.kind}`, timestamp: sentAt.toISOString(), data: fields });
  const headers = {
    'content-type': 'application/json',
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': signStandardWebhook(webhook.secret, message.id, sentAt, body),
  };
  try {
    const response = await fetch(webhook.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    return response.ok ? 'sent' : `answered ${response.status}`;
  } catch (error) {
    return describeError(error);
  }
};

/** Whether a team's messages go anywhere (its own route or `*`), so nothing is composed for nobody. */
export const isRouted = (channels: Channels, team: string | null) =>
  channels.webhook !== null ||
  Boolean(channels.slack && routeOf(channels.slack.channels, team)) ||
  Boolean(channels.email && (routeOf(channels.email.to, team)?.length ?? 0) > 0);

/**
 * Sends one message on every channel routed for its team; returns each channel's outcome ('sent', or the error in
 * words: Slack's error code or the SMTP reply, never a token or password).
 */
export const deliverNotification = async (channels: Channels, message: NotificationMessage) => {
  const outcome: Record<string, string> = {};
  const channel = channels.slack ? routeOf(channels.slack.channels, message.team) : null;
  if (channels.slack && channel) {
    try {
      await channels.slack.client.chat.postMessage({ channel, text: `*${message.subject}*\n${message.body}` });
      outcome[`slack ${channel}`] = 'sent';
    } catch (error) {
      outcome[`slack ${channel}`] = describeError(error);
    }
  }
  const to = channels.email ? routeOf(channels.email.to, message.team) : null;
  if (channels.email && to && to.length > 0) {
    try {
      await channels.email.transport.sendMail({
        from: channels.email.from,
        to,
        subject: message.subject,
        text: message.body,
      });
      outcome[`email ${to.join(', ')}`] = 'sent';
    } catch (error) {
      outcome[`email ${to.join(', ')}`] = describeError(error);
    }
  }
  if (channels.webhook) outcome.webhook = await postSignedWebhook(channels.webhook, message);
  return outcome;
};
