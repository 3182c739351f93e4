import { getConfig } from '../../../lib/config/load-config';
import { RENORMALIZERS } from '../../sources/renormalize-sources';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { formatCount } from '../../../lib/format/format-count';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';

export const renormalizeCommand = defineCommand({
  usage: 'waymark renormalize [--source SOURCE]',
  help: [
    'Reads every raw payload a source stored, runs its normalizers again and upserts what they give: after a',
    'normalizer change (an upgrade), rows ingested before it are brought up to date without asking the forge again.',
    'Rows that come out the same are left alone; the report says how many were inserted, updated and unchanged, so a',
    'second run reports no changes. GitLab deployments are re-linked to their commits from the stored comparisons.',
    'git keeps its deployments and commits raw; its facts are the repository at HEAD, read by `waymark ingest git`.',
    '',
    'Options:',
    `  --source SOURCE   one source (${Object.keys(RENORMALIZERS).join(', ')}); default: all of them`,
  ].join('\n'),
  options: { source: { type: 'string' } },
  run: async ({ values, stdout }) => {
    const source = values.source as string | undefined;
    if (source && !RENORMALIZERS[source])
      throw usageError(
        `--source ${source}: not a source that can be renormalized (${Object.keys(RENORMALIZERS).join(', ')})`,
      );
    const handle = await openCommandDb('renormalize');
    for (const [name, renormalizer] of Object.entries(RENORMALIZERS)) {
      if (source && name !== source) continue;
      const started = Date.now();
      const outcome = await renormalizer.run(handle.db, getConfig());
      const relinked = outcome.relinked;
      stdout.write(
        `Renormalized ${name} (${formatCount(outcome.scopes, renormalizer.unit)}) in ${formatDuration(Date.now() - started)}: ` +
          `${outcome.inserted} rows inserted, ${outcome.updated} updated, ${outcome.unchanged} unchanged` +
          (outcome.removed ? `, ${outcome.removed} removed` : '') +
          (outcome.invalid ? `; ${formatCount(outcome.invalid, 'stored payload')} the normalizers refuse` : '') +
          (relinked === undefined ? '' : `; ${formatCount(relinked, 'deployment')} re-linked to ${relinked === 1 ? 'its' : 'their'} commits`) +
          '.\n',
      );
    }
  },
});
