import { listServiceTodos, type ServiceTodoListing } from '../../../lib/campaigns/list-service-todos';
import type { TodoItem } from '../../../lib/campaigns/plan-service-todo';
import { AppError } from '../../../lib/errors';
import { ensureScorecardsFresh } from '../../../lib/scorecard/ensure-scorecards-fresh';
import { getStandards } from '../../../lib/scorecard/get-standards';
import { usageError } from '../cli-error';
import { defineCommand } from '../command';
import { openCommandDb } from '../open-command-db';

const describeItem = (item: TodoItem, index: number) =>
  [
    `  ${index + 1}. ${item.title} [${item.id}, ${item.level}, ${item.status}]${item.campaign ? ` (campaign ${item.campaign.name}, due ${item.campaign.deadline})` : ''}`,
    `     ${item.evidence.summary}`,
    ...(item.fix && item.status === 'fail' ? [`     How to fix: ${item.fix}`] : []),
  ].join('\n');

const describeTodo = ({ scorecard, todo }: ServiceTodoListing) => {
  const score = scorecard.score === null ? '-' : `${Math.round(scorecard.score * 100)} %`;
  const lines = [`${scorecard.service}${scorecard.team ? ` (team ${scorecard.team})` : ''}: ${scorecard.level}, score ${score}`];
  if (todo.nextLevel === null) lines.push('At the top level: nothing to do.');
  else if (todo.blocking.length === 0) lines.push(`Nothing failing stands between it and ${todo.nextLevel}.`);
  else lines.push(`Fix ${todo.blocking.length === 1 ? 'this check' : `these ${todo.blocking.length} checks`} to reach ${todo.nextLevel}:`, ...todo.blocking.map(describeItem));
  if (todo.later.length > 0) lines.push(`Then, for ${[...new Set(todo.later.map((item) => item.level))].join(' and ')}:`, ...todo.later.map(describeItem));
  return lines.join('\n');
};

export const todoCommand = defineCommand({
  usage: 'waymark todo (--service NAME | --team TEAM) [--json]',
  help: [
    'Brings the scorecards up to date, then prints, per service, the failing or unknown checks that block its next',
    'level (ordered by level, then by the nearest running campaign asking for the check), then those of later levels,',
    'each with its evidence and how to fix it: the list the service page leads with.',
    '',
    'Options:',
    '  --service NAME   one service',
    "  --team TEAM      each of the team's services",
    '  --json           [{ "scorecard", "todo": { level, nextLevel, blocking, later, settled } }] on stdout',
    '',
    'Examples:',
    '  waymark todo --service payments',
    '  waymark todo --team core --json',
  ].join('\n'),
  options: { service: { type: 'string' }, team: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values, positionals, stdout }) => {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    const service = values.service as string | undefined;
    const team = values.team as string | undefined;
    if ((service === undefined) === (team === undefined)) throw usageError('give --service or --team');
    const { db } = await openCommandDb('todo');
    const standards = getStandards();
    // The command is its own upkeep step: no server may be running to re-evaluate on a new day or changed standards.
    await ensureScorecardsFresh({ db, standards });
    const listings = await listServiceTodos({ db, services: service !== undefined ? [service] : undefined, team, standards });
    if (listings.length === 0) throw new AppError('NOT_FOUND', service !== undefined ? `No service named "${service}"` : `Team "${team}" owns no service`);
    stdout.write(values.json ? `${JSON.stringify(listings, null, 2)}\n` : `${listings.map(describeTodo).join('\n\n')}\n`);
  },
});
