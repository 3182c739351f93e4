import { DEFAULT_DEMO_SEED } from '../../../lib/demo/demo-setting';
import { getDemoStatus } from '../../../lib/demo/get-demo-status';
import { recordDemoSetting } from '../../../lib/demo/record-demo-setting';
import { removeDemoData } from '../../../lib/demo/remove-demo-data';
import { loadDemoOrganization } from '../../demo/load-demo-organization';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { formatCount, formatNumberOf } from '../../../lib/format/format-count';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';
import { createProgress } from '../progress';

export const demoCommand = defineCommand({
  usage: 'waymark demo [--seed N] [--reset]',
  help: [
    'Loads "acme", a generated organization of 40 services in 6 teams over the 180 days before today, through the',
    'events-v1 import (source "demo"): deployments, commits, incidents, rollbacks, hotfixes, pipeline runs and weekly',
    'repository facts. The same seed gives the same organization. A demo loaded before is replaced. It is never loaded',
    'into a database that holds real data.',
    '',
    'Options:',
    `  --seed N    the generator's seed (default: ${DEFAULT_DEMO_SEED})`,
    '  --reset     remove the demo data (and keep `npm start` from loading it again)',
    '',
    'Examples:',
    '  waymark demo',
    '  waymark demo --reset',
  ].join('\n'),
  options: { seed: { type: 'string' }, reset: { type: 'boolean' } },
  run: async ({ values, positionals, stdout }) => {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    const seedText = values.seed as string | undefined;
    if (values.reset && seedText !== undefined) throw usageError('--seed and --reset exclude each other');
    const seed = seedText === undefined ? DEFAULT_DEMO_SEED : Number(seedText);
    if (!Number.isSafeInteger(seed) || seed < 0) throw usageError(`--seed: "${seedText}" is not a whole number of 0 or more`);
    const { db } = await openCommandDb('demo');
    const started = Date.now();

    if (values.reset) {
      const wasLoaded = (await getDemoStatus({ db })).loaded;
      const removed = await removeDemoData({ db });
      await recordDemoSetting(db, { state: 'removed', removedAt: new Date().toISOString() });
      const total = Object.values(removed).reduce((sum, count) => sum + count, 0);
      stdout.write(
        total === 0 && !wasLoaded
          ? 'No demo data to remove; `npm start` will not load the demo into this database.\n'
          : `Removed the demo organization in ${formatDuration(Date.now() - started)}: ${formatNumberOf(removed.deployments ?? 0)} deployments, ${formatNumberOf(removed.services ?? 0)} services, ${formatCount(total, 'row')} in all. \`npm start\` will not load it again; \`waymark demo\` does.\n`,
      );
      return;
    }

    const progress = createProgress({ label: 'Loading the demo organization', unit: 'records' });
    try {
      const result = await loadDemoOrganization({ db, seed, onProgress: ({ records }) => progress.update(records) });
      progress.finish();
      const records = (kind: keyof typeof result.counts.byKind) => {
        const { inserted, updated, unchanged } = result.counts.byKind[kind];
        return formatNumberOf(inserted + updated + unchanged);
      };
      stdout.write(
        `Loaded the demo organization (acme, seed ${result.seed}, 180 days to ${result.through}) in ${formatDuration(Date.now() - started)}: ` +
          `${result.services} services, ${records('deployment')} deployments, ${records('incident')} incidents, ${records('pipeline_run')} pipeline runs, ` +
          `${records('facts')} weekly facts. Remove it with \`waymark demo --reset\`.\n`,
      );
    } finally {
      progress.finish();
    }
  },
});
