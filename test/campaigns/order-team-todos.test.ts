import { expect, it } from 'vitest';
import type { ServiceTodoListing } from '../../lib/campaigns/list-service-todos';
import { orderTeamTodos } from '../../lib/campaigns/order-team-todos';
import type { TodoItem } from '../../lib/campaigns/plan-service-todo';

const check = (id: string, deadline?: string) =>
  ({ id, status: 'fail', campaign: deadline ? { name: `c-${deadline}`, title: 'C', deadline } : null }) as unknown as TodoItem;
const listing = (service: string, blocking: TodoItem[], nextLevel: string | null = 'silver') =>
  ({
    scorecard: { service, team: 'payments', level: 'bronze' },
    todo: { level: 'bronze', nextLevel, blocking, later: [], settled: [] },
  }) as unknown as ServiceTodoListing;

it('puts services a campaign waits on first, then those closest to their next level, and drops the rest', () => {
  const rows = orderTeamTodos([
    listing('alpha', [check('a'), check('b')]),
    listing('beta', [check('a')]),
    listing('gamma', [check('a'), check('b', '2027-03-01')]),
    listing('delta', [check('a', '2027-01-15')]),
    listing('done', []),
    listing('top', [check('a')], null),
  ]);
  expect(rows.map((row) => [row.service, row.firstDeadline, row.blocking.length])).toEqual([
    ['delta', '2027-01-15', 1],
    ['gamma', '2027-03-01', 2],
    ['beta', null, 1],
    ['alpha', null, 2],
  ]);
});
