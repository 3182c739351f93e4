import { asc } from 'drizzle-orm';
import { apiTokens } from '../db/schema';
import type { Executor } from '../db/client';

/** Tokens without their secrets: name, id, when created, last used and revoked. */
export const listApiTokens = (db: Executor) =>
  db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .orderBy(asc(apiTokens.createdAt));
