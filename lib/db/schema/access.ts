import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** API tokens. Only a SHA-256 of the secret is stored; the token itself is shown once, at creation. */
export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  /** What the token may do (lib/auth/roles.ts, TOKEN_SCOPES). Tokens from before scopes existed keep all of them. */
  scopes: jsonb('scopes').$type<string[]>().notNull().default(['read', 'events:write', 'checks:write', 'admin']),
  /** Who created it: a signed-in user's subject, or `cli` for `waymark token create`. */
  owner: text('owner'),
  expiresAt: at('expires_at'),
  createdAt: at('created_at').notNull().defaultNow(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

/**
 * A sign-in under way: what the callback must see again (state, nonce) and the PKCE verifier, found by the id in a
 * short-lived cookie. One use: the callback deletes it, so a replayed callback finds nothing.
 */
export const signInAttempts = pgTable('sign_in_attempts', {
  id: text('id').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * Signed-in sessions, in the database so several web processes share them. The id is the SHA-256 of the cookie's
 * value: a copy of this table does not let anyone sign in. Roles and teams are fixed at sign-in.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    subject: text('subject').notNull(),
    name: text('name'),
    email: text('email'),
    groups: jsonb('groups').$type<string[]>().notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    teams: jsonb('teams').$type<string[]>().notNull(),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    endedAt: at('ended_at'),
  },
  (t) => [index('sessions_subject_idx').on(t.subject)],
);

/** Roles granted in the app to one user (by the identity provider's subject), on top of those from groups. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: text('id').primaryKey(),
    subject: text('subject').notNull(),
    role: text('role').notNull(),
    /** For `owner`: the team whose services the user owns. */
    team: text('team'),
    grantedBy: text('granted_by').notNull(),
    grantedAt: at('granted_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('role_grants_subject_idx').on(t.subject)],
);

/** Every write: who (and in which role), what, on what, when, from where. Append-only (a trigger refuses changes). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull().defaultNow(),
    actor: text('actor').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    address: text('address'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
