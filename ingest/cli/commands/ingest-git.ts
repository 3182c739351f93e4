import { getConfig } from '../../../lib/config/load-config';
import { ingestGitRepository } from '../../sources/git/ingest-git-repository';
import { DEFAULT_DEPLOY_TAGS, inspectGitRepository } from '../../sources/git/inspect-git-repository';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { formatDuration, plural } from '../format';
import { openCommandDb } from '../open-command-db';
import { createProgress } from '../progress';

export const ingestGitCommand = defineCommand({
  name: 'ingest git',
  summary: 'Read deployments, commits and facts from a local git repository',
  usage: 'waymark ingest git <path> [--service NAME] [--deploy-tags GLOB | --deploy-branch BRANCH]',
  help: [
    'Reads a local clone (bare or not) with the git binary; nothing goes over the network.',
    'Deployments: each tag matching --deploy-tags is a production deployment at its tag time (tagger date of an',
    'annotated tag, else the commit date); with --deploy-branch, each first-parent commit of that branch is one.',
    'A deployment carries the commits `git rev-list previous..this` lists; the first one only those committed within',
    'git.backfillHorizonDays (default 30) before it. Facts for the scorecard come from the tree at HEAD of the default',
    'branch. Running it again reads only new tags or commits.',
    '',
    'Arguments:',
    '  <path>                  the repository folder (a clone\'s top folder, or a bare repository)',
    'Options:',
    '  --service NAME          service name (default: catalog-info.yaml metadata.name, else the folder name)',
    `  --deploy-tags GLOB      tags that are deployments (default: ${DEFAULT_DEPLOY_TAGS}), e.g. 'release-*'`,
    '  --deploy-branch BRANCH  every first-parent commit of BRANCH is a deployment (trunk-based deploys)',
    '',
    'Examples:',
    '  waymark ingest git .',
    '  waymark ingest git ../payments --deploy-branch main',
  ].join('\n'),
  options: { service: { type: 'string' }, 'deploy-tags': { type: 'string' }, 'deploy-branch': { type: 'string' } },
  run: async ({ values, positionals, stdout }) => {
    const [path, extra] = positionals;
    if (!path) throw usageError('missing <path>: the git repository to read, e.g. `.`');
    if (extra) throw usageError(`unexpected argument "${extra}"`);
    const service = values.service as string | undefined;
    if (service !== undefined && service.trim() === '') throw usageError('--service: must not be empty');
    const deployTags = values['deploy-tags'] as string | undefined;
    const deployBranch = values['deploy-branch'] as string | undefined;
    if (deployTags !== undefined && deployBranch !== undefined) throw usageError('--deploy-tags and --deploy-branch exclude each other');
    if (deployTags?.trim() === '' || deployBranch?.trim() === '') throw usageError('--deploy-tags and --deploy-branch must not be empty');

    const config = getConfig();
    // Bad input is refused from git alone, before the database is opened.
    const inspection = await inspectGitRepository({ path, service: service?.trim(), deployTags, deployBranch });
    const handle = await openCommandDb('ingest git');
    const progress = createProgress({ label: `Reading ${path}`, unit: 'deployments' });
    const started = Date.now();
    try {
      const result = await ingestGitRepository({
        db: handle.db,
        path,
        inspection,
        horizonDays: config.git.backfillHorizonDays,
        onPlan: ({ deployments }) => progress.setTotal(deployments),
        onProgress: ({ deployments }) => progress.update(deployments),
      });
      progress.finish();
      const { written, facts } = result;
      const catalog = facts.catalog === 'error' ? `catalog-info.yaml unreadable (${facts.catalogError})` : facts.catalog === 'ok' ? 'catalog-info.yaml read' : 'no catalog-info.yaml';
      const skipped = result.skippedTags.length ? `, ${plural(result.skippedTags.length, 'tag')} skipped (not on a commit)` : '';
      const seen = result.mode === 'tag' ? `${plural(result.deploymentsSeen, 'tag')} match ${result.ref}` : `${plural(result.deploymentsSeen, 'new commit')} on ${result.ref}`;
      stdout.write(
        `Ingested ${result.service} from ${path} in ${formatDuration(Date.now() - started)}: ${seen}; ` +
          `${plural(written.deployments, 'deployment')} read (${written.inserted} new, ${written.updated} updated) carrying ${plural(written.commits, 'commit')}${skipped}; ` +
          `facts: ${plural(facts.paths, 'path')}, ${plural(facts.files, 'file')}, ${catalog}.\n`,
      );
    } finally {
      progress.finish();
    }
  },
});
