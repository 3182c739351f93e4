import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../lib/campaigns/campaign-schema';
import { planServiceTodo } from '../../lib/campaigns/plan-service-todo';
import type { ScorecardCheck } from '../../lib/scorecard/list-service-scorecards';
import type { CheckStatus } from '../../lib/scorecard/scorecard-types';

const LEVELS = ['bronze', 'silver', 'gold'];
const check = (id: string, level: string, status: CheckStatus): ScorecardCheck => ({
  id,
  title: id,
  level,
  category: 'general',
  description: null,
  status,
  evidence: { summary: '' },
  fix: null,
  exemption: null,
  since: null,
  checkHash: id,
  commitSha: null,
  facts: null,
});
const campaign = (name: string, deadline: string, goal: Campaign['goal']): Campaign => ({ name, title: name, goal, scope: {}, start: '2026-01-01', deadline, owner: 'platform', origin: 'standards' });

const CHECKS = [
  check('readme', 'bronze', 'pass'),
  check('codeowners', 'bronze', 'fail'),
  check('owner', 'bronze', 'unknown'),
  check('deploy-workflow', 'silver', 'fail'),
  check('protected', 'silver', 'exempt'),
  check('dependabot', 'silver', 'fail'),
  check('tracing', 'gold', 'fail'),
  check('lead-time', 'gold', 'skip'),
];

describe('planServiceTodo', () => {
  it('puts the open checks of the next level first, then later levels, and folds the rest', () => {
    const todo = planServiceTodo({ level: 'unranked', checks: CHECKS, levels: LEVELS, campaigns: [] });
    expect(todo.nextLevel).toBe('bronze');
    expect(todo.blocking.map((item) => item.id)).toEqual(['codeowners', 'owner']);
    expect(todo.later.map((item) => item.id)).toEqual(['deploy-workflow', 'dependabot', 'tracing']);
    expect(todo.settled.map((item) => item.id)).toEqual(['readme', 'protected', 'lead-time']);
  });

  it('orders by level, then by the nearest campaign deadline asking for the check', () => {
    const checks = CHECKS.map((item) => (item.level === 'bronze' ? { ...item, status: 'pass' as const } : item));
    const campaigns = [campaign('deps', '2026-12-01', { checks: ['dependabot'] }), campaign('silver', '2027-03-01', { level: 'silver' }), campaign('otel', '2026-11-01', { checks: ['tracing'] })];
    const todo = planServiceTodo({ level: 'bronze', checks, levels: LEVELS, campaigns });
    expect(todo.nextLevel).toBe('silver');
    // dependabot's campaign is due before deploy-workflow's (the level goal); tracing's earlier one does not lift it above silver.
    expect(todo.blocking.map((item) => [item.id, item.campaign?.name ?? null])).toEqual([
      ['dependabot', 'deps'],
      ['deploy-workflow', 'silver'],
    ]);
    expect(todo.later.map((item) => [item.id, item.campaign?.name ?? null])).toEqual([['tracing', 'otel']]);
  });

  it('has no next level at the top', () => {
    const todo = planServiceTodo({ level: 'gold', checks: [check('readme', 'bronze', 'pass')], levels: LEVELS, campaigns: [] });
    expect([todo.nextLevel, todo.blocking.length, todo.later.length]).toEqual([null, 0, 0]);
  });
});
