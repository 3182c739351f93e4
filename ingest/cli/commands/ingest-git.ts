import { getConfig } from '../../../lib/config/load-config';
import { ingestGitRepository } from '../../sources/git/ingest-git-repository';
import { countUnattributedCommits } from '../../sources/git/count-unattributed-commits';
import { discoverMonorepoServices } from '../../sources/git/discover-monorepo-services';
import { DEFAULT_DEPLOY_TAGS, inspectGitRepository } from '../../sources/git/inspect-git-repository';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { describeGitIngest } from '../describe-git-ingest';
import { formatCount, formatNumberOf } from '../../../lib/format/format-count';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';
import { createProgress } from '../progress';

export const ingestGitCommand = defineCommand({
  usage: 'waymark ingest git <path> [--service NAME] [--path GLOB …] [--deploy-tags GLOB | --deploy-branch BRANCH]',
  help: [
    'Reads a local clone (bare or not) with the git binary; nothing goes over the network.',
    'Deployments: each tag matching --deploy-tags is a production deployment at its tag time (tagger date of an',
    'annotated tag, else the commit date); with --deploy-branch, each first-parent commit of that branch is one.',
    'By default a tag is a deployment when its name reads as a release version (an optional v, then two or three',
    'numbers: 1.2, 4.17.1, v5.2.1); pre-releases (5.0.0-beta.3, 1.0.0rc) are not. A deployment carries the commits',
    'reachable from it and from no earlier deployment (`git rev-list this --not <earlier tags>`), so each commit ships',
    'once, at its first release; the first one only those committed within git.backfillHorizonDays (default 30)',
    'before it. Facts for the scorecard come from the tree at HEAD of the default branch. Running it again reads only',
    'new tags or commits.',
    '',
    'Arguments:',
    "  <path>                  the repository folder (a clone's top folder, or a bare repository)",
    'Options:',
    "  --service NAME          service name (default: catalog-info.yaml metadata.name, else the remote's repository",
    '                          name, else the folder name without .git)',
    `  --deploy-tags GLOB      tags that are deployments (default: ${DEFAULT_DEPLOY_TAGS}), e.g. 'release-*'`,
    '  --deploy-branch BRANCH  every first-parent commit of BRANCH is a deployment (trunk-based deploys)',
    '  --path GLOB             a service of a monorepo: the paths that are its own (repeatable); its deployments carry',
    '                          only commits changing them. Name: --service, else the catalog-info.yaml of the first',
    "                          path's folder; tags: NAME@<version> or NAME/<version> unless --deploy-tags says otherwise",
    '',
    'Examples:',
    '  waymark ingest git .',
    '  waymark ingest git ../payments --deploy-branch main',
    "  waymark ingest git ../shop --path 'services/checkout/**'",
    '',
    'A monorepo is found with no flags: when catalog-info.yaml files sit in sub-folders (none at the top) and the',
    'repository has NAME@<version> or NAME/<version> tags of their components, each is read as --path <folder>/**.',
  ].join('\n'),
  options: {
    service: { type: 'string' },
    path: { type: 'string', multiple: true },
    'deploy-tags': { type: 'string' },
    'deploy-branch': { type: 'string' },
  },
  run: async ({ values, positionals, stdout }) => {
    const [path, extra] = positionals;
    if (!path) throw usageError('missing <path>: the git repository to read, e.g. `.`');
    if (extra) throw usageError(`unexpected argument "${extra}"`);
    const service = values.service as string | undefined;
    if (service !== undefined && service.trim() === '') throw usageError('--service: must not be empty');
    const deployTags = values['deploy-tags'] as string | undefined;
    const deployBranch = values['deploy-branch'] as string | undefined;
    if (deployTags !== undefined && deployBranch !== undefined)
      throw usageError('--deploy-tags and --deploy-branch exclude each other');
    if (deployTags?.trim() === '' || deployBranch?.trim() === '')
      throw usageError('--deploy-tags and --deploy-branch must not be empty');

    const config = getConfig();
    const paths = (values.path as string[] | undefined) ?? [];
    const asGiven = { service: service?.trim(), deployTags, deployBranch, paths };
    // With no flags, a monorepo (components with tags of their own) is read service by service.
    const flagless =
      service === undefined && deployTags === undefined && deployBranch === undefined && paths.length === 0;
    const discovered = flagless ? await discoverMonorepoServices(path, config.git.services) : [];
    const runs =
      discovered.length > 0
        ? discovered.map((found) => ({ service: found.service, paths: found.paths, deployTags: found.deployTags }))
        : [asGiven];
    // Bad input is refused from git alone, before the database is opened.
    const inspections = [];
    for (const run of runs) inspections.push(await inspectGitRepository({ path, ...run }));
    if (discovered.length > 0) {
      const names = discovered.map((found) => found.service).join(', ');
      const how =
        discovered[0]!.origin === 'catalog' ? 'with tags of their own' : 'named by git.services in waymark.yaml';
      stdout.write(`${path} is a monorepo of ${formatCount(discovered.length, 'service')} ${how} (${names}).\n`);
      const { total, unattributed } = await countUnattributedCommits(
        path,
        discovered.flatMap((found) => found.paths),
      );
      if (unattributed > 0) {
        stdout.write(
          `Not attributed: ${formatCount(unattributed, 'commit')} of ${formatNumberOf(total)} on HEAD ` +
            `${unattributed === 1 ? 'changes' : 'change'} no ` +
            `service's files (root tooling); no service's lead time counts them.\n`,
        );
      }
    }
    const handle = await openCommandDb('ingest git');
    for (const inspection of inspections) {
      const progress = createProgress({ label: `Reading ${inspection.service}`, unit: 'deployments' });
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
        stdout.write(describeGitIngest(result, path, formatDuration(Date.now() - started)));
      } finally {
        progress.finish();
      }
    }
  },
});
