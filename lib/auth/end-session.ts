import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { sessions } from '../db/schema';
import { hashCookieValue } from './session-cookie';

/** Ends a session server-side: its cookie is refused from now on, wherever it is replayed. */
export const endSession = async ({ db, value, now = new Date() }: { db: Executor; value: string; now?: Date }) => {
  const [ended] = await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.id, hashCookieValue(value)), isNull(sessions.endedAt)))
    .returning({ subject: sessions.subject, email: sessions.email, roles: sessions.roles });
  return ended ?? null;
};
