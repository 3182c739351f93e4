import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { sessions } from '../db/schema';
import type { Principal } from './roles';
import { hashCookieValue } from './session-cookie';

// last_seen_at is written at most this often, not on every request: the idle timeout does not need more precision.
const TOUCH_AFTER_MS = 60_000;

/**
 * The signed-in user of a session cookie, or null when the session is unknown (a tampered or made-up cookie), ended,
 * past its absolute expiry or idle for longer than auth.session.idleMinutes. Keeps last_seen_at current.
 */
export const verifySession = async ({ db, config, value, now = new Date() }: { db: Executor; config: Config; value: string | null; now?: Date }): Promise<Principal | null> => {
  if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  const id = hashCookieValue(value);
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt), gt(sessions.expiresAt, now)));
  if (!row) return null;
  const idleMs = config.auth.session.idleMinutes * 60_000;
  if (now.getTime() - row.lastSeenAt.getTime() > idleMs) {
    await db.update(sessions).set({ endedAt: now }).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  return { kind: 'session', sessionId: id, subject: row.subject, name: row.email ?? row.name ?? row.subject, roles: row.roles, teams: row.teams };
};
