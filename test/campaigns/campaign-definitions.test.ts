import { describe, expect, it } from 'vitest';
import { projectCompletion } from '../../lib/campaigns/project-completion';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { STANDARDS_YAML, standards } from './campaign-fixtures';
import { problemsOf } from '../helpers/standards-problems';

const HEAD = `version: 1
levels: [bronze, silver]
checks:
  - { id: readme, level: bronze, rule: { fileExists: README.md } }
campaigns:
`;

describe('campaigns in the standards file', () => {
  it('reads a campaign with its goal, scope, dates, owner and link', () => {
    expect(standards.campaigns[0]).toEqual({
      name: 'otel-tier-1',
      title: 'OpenTelemetry on tier 1',
      goal: { checks: ['tracing'] },
      scope: { tier: ['1'] },
      start: '2026-09-01',
      deadline: '2026-10-31',
      owner: 'platform',
      description: 'Traces everywhere.',
      link: 'https://example.com/otel',
    });
    expect(standards.campaigns[1]).toMatchObject({ name: 'silver-everywhere', goal: { level: 'silver' }, scope: {} });
    expect(parseStandards(STANDARDS_YAML.replace('Traces everywhere.', 'Traces.'), 'x').revision).not.toBe(standards.revision);
  });

  it('refuses a bad campaign naming its line, name and field', () => {
    const problems = problemsOf(
      `${HEAD}  - { name: a, goal: { checks: [nope] }, start: 2026-09-01, deadline: 2026-08-01, owner: x }
  - { name: a, goal: { level: gold }, start: 2026-09-01, deadline: 2026-10-01, owner: x, link: "javascript:alert(1)" }
  - { name: c, goal: { level: bronze, checks: readme }, start: 2026-09-01, deadline: 2026-10-01, owner: x, scope: { squad: y } }
`,
    );
    expect(problems).toEqual([
      'golden-path.yaml line 6: campaign "a" (campaigns[0]): deadline: must be after start (2026-09-01)',
      'golden-path.yaml line 7: campaign "a" (campaigns[1]): link: expected an http(s) URL',
      'golden-path.yaml line 8: campaign "c" (campaigns[2]): goal: needs exactly one of checks, level',
      'golden-path.yaml line 8: campaign "c" (campaigns[2]): scope.squad: unknown key "squad"',
    ]);
    expect(problemsOf(`${HEAD}  - { name: a, goal: { level: gold }, start: 2026-09-01, deadline: 2026-10-01, owner: x }
  - { name: a, goal: { checks: [readme, nope] }, start: 2026-09-01, deadline: 2026-10-01, owner: x }
`)).toEqual([
      'golden-path.yaml line 6: campaign "a" (campaigns[0]): goal.level: "gold" is not one of the levels (bronze, silver)',
      'golden-path.yaml line 7: campaign "a" (campaigns[1]): name: duplicate name; campaigns[0] already uses it',
      'golden-path.yaml line 7: campaign "a" (campaigns[1]): goal.checks[1]: no check has the id "nope"',
    ]);
  });
});

describe('projectCompletion', () => {
  const points = (...done: number[]) => done.map((count, index) => ({ day: `2026-09-${String(index + 1).padStart(2, '0')}`, done: count }));

  it('dates completion from the pace since the start when the campaign is younger than the pace window', () => {
    // 2 more in 4 days: 0.5 a day; 3 left: 6 days after 09-05.
    expect(projectCompletion({ points: points(1, 1, 2, 2, 3), total: 6, deadline: '2026-09-10' })).toEqual({ kind: 'projected', on: '2026-09-11', perWeek: 3.5, onTrack: false });
  });

  it('says stalled without progress, complete from the first day of the last complete run', () => {
    expect(projectCompletion({ points: points(2, 2, 2), total: 3, deadline: '2026-10-01' })).toEqual({ kind: 'stalled', paceDays: 2 });
    expect(projectCompletion({ points: points(2, 3, 2, 3, 3), total: 3, deadline: '2026-10-01' })).toEqual({ kind: 'complete', on: '2026-09-04' });
    expect(projectCompletion({ points: [], total: 3, deadline: '2026-10-01' })).toEqual({ kind: 'not-started' });
  });
});
