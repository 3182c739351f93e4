import { recordAudit } from '../../../lib/audit/record-audit';
import { grantRole, revokeRole } from '../../../lib/auth/grant-role';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { openCommandDb } from '../open-command-db';

const readArguments = (positionals: string[], team: unknown) => {
  const [subject, role] = positionals;
  if (!subject || !role) throw usageError('expected <subject> <role>: the user\'s `sub` from the identity provider, and owner, platform or admin');
  return { subject, role, team: typeof team === 'string' ? team : null };
};

export const roleGrantCommand = defineCommand({
  usage: 'waymark role grant <subject> <owner|platform|admin> [--team <team>]',
  help: 'For providers without a groups claim (Google) or exceptions. <subject> is the ID token\'s `sub`; an owner grant names the team.\n\nExample:\n  waymark role grant 1094… owner --team payments',
  options: { team: { type: 'string' } },
  run: async ({ positionals, values, stdout }) => {
    const input = readArguments(positionals, values.team);
    const { db } = await openCommandDb('role grant');
    const grant = await grantRole({ db, ...input, grantedBy: 'cli' });
    await recordAudit(db, { actor: 'cli', actorRole: 'admin', action: 'role.grant', target: input.subject, detail: { id: grant.id, role: input.role, team: input.team } });
    stdout.write(`Granted ${input.role}${input.team ? ` of team ${input.team}` : ''} to ${input.subject} (from their next sign-in).\n`);
  },
});

export const roleRevokeCommand = defineCommand({
  usage: 'waymark role revoke <subject> <owner|platform|admin> [--team <team>]',
  help: 'Ends the grant; the user keeps the session they have until it ends or they sign in again.',
  options: { team: { type: 'string' } },
  run: async ({ positionals, values, stdout }) => {
    const input = readArguments(positionals, values.team);
    const { db } = await openCommandDb('role revoke');
    await revokeRole({ db, ...input });
    await recordAudit(db, { actor: 'cli', actorRole: 'admin', action: 'role.revoke', target: input.subject, detail: { role: input.role, team: input.team } });
    stdout.write(`Revoked ${input.role}${input.team ? ` of team ${input.team}` : ''} from ${input.subject}.\n`);
  },
});
