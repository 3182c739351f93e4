/** viewer reads; owner acts on its teams' services; platform approves and manages; admin also grants roles. */
export const ROLES = ['viewer', 'owner', 'platform', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may do. */
export const TOKEN_SCOPES = ['read', 'events:write', 'checks:write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * Who is making a request: an API token, a signed-in user, or, with no sign-in configured, the local user
 * (admin while the server listens on loopback only, viewer when an open server was allowed).
 */
export type Principal =
  | { kind: 'token'; id: string; name: string; scopes: string[] }
  | { kind: 'session'; sessionId: string; subject: string; name: string; roles: string[]; teams: string[] }
  | { kind: 'local'; name: 'local'; roles: string[] };

const RANK: Record<Role, number> = { viewer: 0, owner: 1, platform: 2, admin: 3 };

/** A role's own rights and those of every role below it (owner's only on its teams' services: see canActOnService). */
export const hasRole = (principal: Principal, role: Role) => {
  if (principal.kind === 'token') return false;
  return principal.roles.some((held) => (RANK[held as Role] ?? -1) >= RANK[role]);
};

/** The highest role held, for audit records ("token" for API tokens). */
export const describeRole = (principal: Principal) => {
  if (principal.kind === 'token') return 'token';
  return [...ROLES].reverse().find((role) => principal.roles.includes(role)) ?? 'viewer';
};

/** Platform and admin act on every service; an owner on the services of its teams only. */
export const canActOnService = (principal: Principal, team: string | null) => {
  if (principal.kind === 'token') return principal.scopes.includes('admin');
  if (hasRole(principal, 'platform')) return true;
  return principal.kind === 'session' && hasRole(principal, 'owner') && team !== null && principal.teams.includes(team);
};

/** The name records show (created_by, audit actor): a token's name, a user's e-mail or subject, or `local`. */
export const describeActor = (principal: Principal) => principal.name;
