import { WebClient } from '@slack/web-api';
import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../config/config-schema';
import { describeError } from '../errors';
import type { NotificationMessage } from './compose-check-notification';

type Settings = Config['notifications'];

/** Where a team's messages go: its own entry, else `*`, else nowhere. */
const routeOf = <T>(routes: Record<string, T>, team: string | null) => (team && routes[team]) || routes['*'] || null;

export type Channels = {
  slack: { client: WebClient; channels: Record<string, string> } | null;
  email: { transport: Transporter; from: string; to: Record<string, string[]> } | null;
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
  return slack || email ? { slack, email } : null;
};

/** Whether a team's messages go anywhere (its own route or `*`), so nothing is composed for nobody. */
export const isRouted = (channels: Channels, team: string | null) =>
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
  return outcome;
};
