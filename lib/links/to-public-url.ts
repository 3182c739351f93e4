/** A page's full address for messages read outside Waymark (Slack, e-mail), or null when server.publicUrl is unset. */
export const toPublicUrl = (publicUrl: string | null, path: string) =>
  publicUrl ? `${publicUrl.replace(/\/$/, '')}${path}` : null;
