import { recordAudit } from '../../../lib/audit/record-audit';
import { createApiToken } from '../../../lib/auth/create-api-token';
import { listApiTokens } from '../../../lib/auth/list-api-tokens';
import { revokeApiToken } from '../../../lib/auth/revoke-api-token';
import { TOKEN_SCOPES } from '../../../lib/auth/roles';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { openCommandDb } from '../open-command-db';
import { DAY_MS } from '../../../lib/format/time-units';

export const tokenCreateCommand = defineCommand({
  usage: 'waymark token create <name> [--scopes read,events:write,checks:write,admin] [--expires-in-days N]',
  help: [
    'Creates a token and prints it once; only a hash is stored. Send it as `Authorization: Bearer <token>`.',
    `--scopes limits what it may do (default: all of ${TOKEN_SCOPES.join(', ')}); --expires-in-days ends it.`,
    '',
    'Example:\n  waymark token create jenkins --scopes events:write,checks:write --expires-in-days 365',
  ].join('\n'),
  options: { scopes: { type: 'string' }, 'expires-in-days': { type: 'string' } },
  run: async ({ positionals, values, stdout, stderr }) => {
    const name = positionals.join(' ').trim();
    if (!name) throw usageError('missing <name>: what the token is for, e.g. jenkins');
    const scopes = typeof values.scopes === 'string' ? values.scopes.split(',').map((scope) => scope.trim()).filter(Boolean) : undefined;
    const days = values['expires-in-days'] === undefined ? null : Number(values['expires-in-days']);
    if (days !== null && !(Number.isInteger(days) && days > 0)) throw usageError('--expires-in-days: expected a whole number of days above 0');
    const expiresAt = days === null ? null : new Date(Date.now() + days * DAY_MS);
    const { db } = await openCommandDb('token create');
    const { token, id } = await createApiToken(db, name, { scopes, owner: 'cli', expiresAt });
    await recordAudit(db, { actor: 'cli', actorRole: 'admin', action: 'token.create', target: name, detail: { id, scopes: scopes ?? TOKEN_SCOPES, expiresAt } });
    stderr.write(`Created token "${name}". It is shown only this once; store it in your CI's secrets:\n`);
    stdout.write(`${token}\n`);
  },
});

export const tokenListCommand = defineCommand({
  usage: 'waymark token list',
  help: 'Lists every token with its id, scopes, creation time, last use, expiry and whether it is revoked.',
  run: async ({ stdout }) => {
    const { db } = await openCommandDb('token list');
    const tokens = await listApiTokens(db);
    if (tokens.length === 0) {
      stdout.write('No tokens. Create one with `waymark token create <name>`.\n');
      return;
    }
    for (const token of tokens) {
      const state = token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : 'active';
      const expiry = token.expiresAt ? `expires ${token.expiresAt.toISOString()}` : 'no expiry';
      stdout.write(`${token.id}  ${token.name.padEnd(24)}  ${token.scopes.join(',')}  created ${token.createdAt.toISOString()}  last used ${token.lastUsedAt?.toISOString() ?? 'never'}  ${expiry}  ${state}\n`);
    }
    stdout.write(`${tokens.length} token${tokens.length === 1 ? '' : 's'}.\n`);
  },
});

export const tokenRevokeCommand = defineCommand({
  usage: 'waymark token revoke <name|id>',
  help: 'Revokes a token by its name or id; requests using it are refused from then on.',
  run: async ({ positionals, stdout }) => {
    const target = positionals.join(' ').trim();
    if (!target) throw usageError('missing <name|id>: the token to revoke');
    const { db } = await openCommandDb('token revoke');
    const revoked = await revokeApiToken(db, target);
    await recordAudit(db, { actor: 'cli', actorRole: 'admin', action: 'token.revoke', target: revoked.name, detail: { id: revoked.id } });
    stdout.write(`Revoked token "${revoked.name}" (${revoked.id}).\n`);
  },
});
