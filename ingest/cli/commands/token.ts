import { createApiToken } from '../../../lib/auth/create-api-token';
import { listApiTokens } from '../../../lib/auth/list-api-tokens';
import { revokeApiToken } from '../../../lib/auth/revoke-api-token';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { openCommandDb } from '../open-command-db';

export const tokenCreateCommand = defineCommand({
  name: 'token create',
  summary: 'Create an API token for the write endpoints',
  usage: 'waymark token create <name>',
  help: 'Creates a token and prints it once; only a hash is stored. Send it as `Authorization: Bearer <token>`.\n\nExample:\n  waymark token create jenkins',
  run: async ({ positionals, stdout, stderr }) => {
    const name = positionals.join(' ').trim();
    if (!name) throw usageError('missing <name>: what the token is for, e.g. jenkins');
    const { db } = await openCommandDb('token create');
    const { token } = await createApiToken(db, name);
    stderr.write(`Created token "${name}". It is shown only this once; store it in your CI's secrets:\n`);
    stdout.write(`${token}\n`);
  },
});

export const tokenListCommand = defineCommand({
  name: 'token list',
  summary: 'List API tokens (never their secrets)',
  usage: 'waymark token list',
  help: 'Lists every token with its id, creation time, last use and whether it is revoked.',
  run: async ({ stdout }) => {
    const { db } = await openCommandDb('token list');
    const tokens = await listApiTokens(db);
    if (tokens.length === 0) {
      stdout.write('No tokens. Create one with `waymark token create <name>`.\n');
      return;
    }
    for (const token of tokens) {
      const state = token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : 'active';
      stdout.write(`${token.id}  ${token.name.padEnd(24)}  created ${token.createdAt.toISOString()}  last used ${token.lastUsedAt?.toISOString() ?? 'never'}  ${state}\n`);
    }
    stdout.write(`${tokens.length} token${tokens.length === 1 ? '' : 's'}.\n`);
  },
});

export const tokenRevokeCommand = defineCommand({
  name: 'token revoke',
  summary: 'Revoke an API token',
  usage: 'waymark token revoke <name|id>',
  help: 'Revokes a token by its name or id; requests using it are refused from then on.',
  run: async ({ positionals, stdout }) => {
    const target = positionals.join(' ').trim();
    if (!target) throw usageError('missing <name|id>: the token to revoke');
    const { db } = await openCommandDb('token revoke');
    const revoked = await revokeApiToken(db, target);
    stdout.write(`Revoked token "${revoked.name}" (${revoked.id}).\n`);
  },
});
