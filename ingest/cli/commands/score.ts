import { asc, eq } from 'drizzle-orm';
import { services } from '../../../lib/db/schema';
import { AppError } from '../../../lib/errors';
import { DEFAULT_STANDARDS_YAML } from '../../../lib/scorecard/default-standards';
import { evaluateScorecards } from '../../../lib/scorecard/evaluate-scorecards';
import { getStandards } from '../../../lib/scorecard/get-standards';
import { listServiceScorecards, type ServiceScorecard } from '../../../lib/scorecard/list-service-scorecards';
import { rebuildScorecardHistory } from '../../../lib/scorecard/rebuild-scorecard-history';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { formatCount } from '../../../lib/format/format-count';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';

const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
};

const formatScore = (score: number | null) => (score === null ? '-' : score.toFixed(2));
const formatCounts = (card: ServiceScorecard) => Object.entries(card.counts).map(([status, count]) => `${count} ${status}`).join(', ');

const describeService = (card: ServiceScorecard) => {
  const lines = [`${card.service}${card.team ? ` (team ${card.team})` : ''}: ${card.level}, score ${formatScore(card.score)} (${formatCounts(card)})`, ''];
  lines.push(table([['LEVEL', 'STATUS', 'CHECK', 'EVIDENCE'], ...card.checks.map((check) => [check.level, check.status, check.id, check.evidence.summary])]));
  const toFix = card.checks.filter((check) => check.status === 'fail' && check.fix);
  if (toFix.length > 0) lines.push('', 'To fix:', ...toFix.map((check) => `  ${check.id}: ${check.fix}`));
  return lines.join('\n');
};

const describeMany = (cards: ServiceScorecard[]) =>
  table([
    ['SERVICE', 'TEAM', 'LEVEL', 'SCORE', 'PASS', 'FAIL', 'EXEMPT', 'SKIP', 'UNKNOWN'],
    ...cards.map((card) => [card.service, card.team ?? '-', card.level, formatScore(card.score), ...Object.values(card.counts).map(String)]),
  ]);

export const scoreCommand = defineCommand({
  usage: 'waymark score [--service NAME | --team TEAM] [--json] [--standards FILE] [--dry-run]',
  help: [
    'Evaluates the services against the standards (golden-path.yaml, WAYMARK_STANDARDS, or the built-in set), stores',
    'what changed in the history, and prints each service\'s level, score and checks with evidence and how to fix them.',
    '',
    'Options:',
    '  --service NAME             one service (with --json: one object)',
    '  --team TEAM                one team\'s services (with --json: an array)',
    '  --json                     machine-readable output on stdout',
    '  --standards FILE           another standards file, to try a change before committing it (implies --dry-run)',
    '  --dry-run                  evaluate and print, but record nothing in the history',
    '  --print-default-standards  print the built-in standards as YAML (a starting point for golden-path.yaml) and exit',
    '',
    'Examples:',
    '  waymark score --service payments',
    '  waymark score --team core --json',
  ].join('\n'),
  options: { service: { type: 'string' }, team: { type: 'string' }, json: { type: 'boolean' }, standards: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'print-default-standards': { type: 'boolean' } },
  run: async ({ values, positionals, stdout, stderr }) => {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    if (values['print-default-standards']) {
      stdout.write(DEFAULT_STANDARDS_YAML);
      return;
    }
    const service = values.service as string | undefined;
    const team = values.team as string | undefined;
    if (service && team) throw usageError('give --service or --team, not both');
    const standards = getStandards({ path: values.standards as string | undefined });
    const { db } = await openCommandDb('score');
    const started = Date.now();
    const names = service
      ? [service]
      : team !== undefined
        ? (await db.select({ name: services.name }).from(services).where(eq(services.team, team)).orderBy(asc(services.name))).map((row) => row.name)
        : undefined;
    if (service && (await db.select({ name: services.name }).from(services).where(eq(services.name, service))).length === 0) {
      throw new AppError('NOT_FOUND', `No service named "${service}"`);
    }
    // Another standards file is a trial: evaluated in a transaction that is rolled back, so history keeps only the real file's results.
    const dryRun = Boolean(values['dry-run']) || values.standards !== undefined;
    const rollback = new Error('dry run');
    let evaluation: Awaited<ReturnType<typeof evaluateScorecards>> | undefined;
    let cards: ServiceScorecard[] = [];
    await db
      .transaction(async (tx) => {
        evaluation = await evaluateScorecards({ db: tx, standards, services: names });
        cards = names && names.length === 0 ? [] : await listServiceScorecards({ db: tx, standards, services: names });
        if (dryRun) throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    if (values.json) stdout.write(`${JSON.stringify(service ? cards[0] : cards, null, 2)}\n`);
    else if (service) stdout.write(`${describeService(cards[0]!)}\n`);
    else if (cards.length > 0) stdout.write(`${describeMany(cards)}\n`);
    const recorded = dryRun ? 'nothing recorded (dry run)' : `${formatCount(evaluation!.written, 'changed result')} recorded`;
    const summary = `Scored ${formatCount(cards.length, 'service')} against ${standards.origin} (${formatCount(standards.checks.length, 'check')}) in ${formatDuration(Date.now() - started)}; ${recorded}.\n`;
    (values.json ? stderr : stdout).write(summary);
  },
});

export const scoreRebuildCommand = defineCommand({
  usage: 'waymark score rebuild --from YYYY-MM-DD [--to YYYY-MM-DD] [--standards FILE]',
  help: [
    'Evaluates every UTC day from --from to --to (default today) with the facts, deployments, exemptions and pushed',
    'results as they were that day, and replaces those days\' check results and snapshots. Use it after importing past',
    'facts (e.g. weekly snapshots of the last six months) so trends start where the data starts. Every day is judged',
    'by today\'s standards. Running it twice gives the same history.',
    '',
    'Example:',
    '  waymark score rebuild --from 2026-05-01',
  ].join('\n'),
  options: { from: { type: 'string' }, to: { type: 'string' }, standards: { type: 'string' } },
  run: async ({ values, stdout }) => {
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const from = values.from as string | undefined;
    const to = values.to as string | undefined;
    if (!from || !day.test(from)) throw usageError('--from YYYY-MM-DD is required');
    if (to !== undefined && !day.test(to)) throw usageError('--to must be a day, YYYY-MM-DD');
    const standards = getStandards({ path: values.standards as string | undefined });
    const { db } = await openCommandDb('score rebuild');
    const started = Date.now();
    const result = await rebuildScorecardHistory({ db, standards, from, to });
    stdout.write(
      `Rebuilt ${formatCount(result.days, 'day')} (${result.from} to ${result.to}) in ${formatDuration(Date.now() - started)}: ${formatCount(result.snapshots, 'snapshot')}, ${formatCount(result.written, 'changed result')}.\n`,
    );
  },
});
