import { getAdoptionImpact } from '../../../lib/impact/get-adoption-impact';
import { IMPACT_METRICS } from '../../../lib/impact/impact-types';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { formatCount } from '../../../lib/format/format-count';
import { openCommandDb } from '../open-command-db';

const LABELS = { leadTimeP50Seconds: 'lead time', deploymentsPerServiceDay: 'deploy frequency', changeFailureRate: 'change failure', recoveryTimeP50Seconds: 'recovery time' };

const wholeNumber = (name: string, value: unknown) => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw usageError(`--${name}: expected a whole number of days, got "${String(value)}"`);
  return number;
};

export const impactCommand = defineCommand({
  usage: 'waymark impact [--check ID] [--window-days N] [--history-days N] [--json]',
  help: [
    'For each check and level: a cohort comparison (passing vs failing services now) and a before/after comparison',
    '(services that adopted, minus the change in services that never moved: a difference in differences), each for',
    'lead time, deployment frequency, change failure rate and recovery time, with 95 % bootstrap intervals.',
    'Only intervals that exclude zero count as an effect. Observational data: association, not proof of cause.',
    '',
    'Options:',
    '  --check ID           one check instead of all checks and levels',
    '  --window-days N      days before and after an adoption (default 30)',
    '  --history-days N     how far back to look for adoptions (default 180)',
    '  --json               print the whole analysis as JSON',
  ].join('\n'),
  options: { check: { type: 'string' }, 'window-days': { type: 'string' }, 'history-days': { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values, positionals, stdout }) => {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    const { db } = await openCommandDb('impact');
    const impact = await getAdoptionImpact({
      db,
      check: values.check as string | undefined,
      windowDays: wholeNumber('window-days', values['window-days']),
      historyDays: wholeNumber('history-days', values['history-days']),
    });
    if (values.json) {
      stdout.write(`${JSON.stringify(impact)}\n`);
      return;
    }
    for (const { subject, cohort, adoption } of impact.subjects) {
      const name = subject.kind === 'check' ? `${subject.id} (${subject.level})` : `level ${subject.level} or above`;
      stdout.write(`\n${name}\n  now: ${cohort.passing.length} passing, ${cohort.failing.length} failing; adopted: ${adoption.adopters.length}, unchanged for comparison: ${adoption.controls}\n`);
      for (const metric of IMPACT_METRICS) stdout.write(`  ${LABELS[metric].padEnd(17)} ${adoption.effects[metric].summary}\n`);
    }
    for (const { check, reason } of impact.skipped) stdout.write(`\n${check}: not analysed, ${reason}.\n`);
    stdout.write(`\nAnalysed ${formatCount(impact.subjects.length, 'check or level', 'checks and levels')} over ${impact.history.from} to ${impact.history.to}. ${impact.method}\n`);
  },
});
