import { eq } from 'drizzle-orm';
import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { sessions } from '../db/schema';
import { generateCookieValue, hashCookieValue } from './session-cookie';
import { HOUR_MS } from '../format/time-units';

export type SessionUser = { subject: string; name: string; email: string | null; groups: string[]; roles: string[]; teams: string[] };

/**
 * A new session with a new id (the cookie value is never reused, so a session id planted before sign-in is worth
 * nothing after it); the session the browser had before, if any, ends.
 */
export const createSession = async ({ db, config, user, previous, now = new Date() }: { db: Executor; config: Config; user: SessionUser; previous: string | null; now?: Date }) => {
  if (previous) await db.update(sessions).set({ endedAt: now }).where(eq(sessions.id, hashCookieValue(previous)));
  const value = generateCookieValue();
  const expiresAt = new Date(now.getTime() + config.auth.session.absoluteHours * HOUR_MS);
  await db.insert(sessions).values({ id: hashCookieValue(value), ...user, createdAt: now, lastSeenAt: now, expiresAt });
  return { value, expiresAt };
};
