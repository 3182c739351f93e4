import { describe, expect, it } from 'vitest';
import { describeEvidence } from '../../app/_components/scorecard/describe-evidence';

describe('describeEvidence', () => {
  it('puts a metric in words with its unit and the threshold', () => {
    const evidence = { summary: 'leadTimeP50Hours over the last 30 days is 24.9347 (not below 24)', value: 24.9347, metric: 'leadTimeP50Hours', windowDays: 30, below: 24 };
    expect(describeEvidence(evidence)).toEqual({ summary: 'Median lead time over the last 30 days is 25 h (needs under 24 h)', details: [] });
    const rate = { summary: 'changeFailureRate over the last 30 days is 0.1875 (not below 0.15)', value: 0.1875, metric: 'changeFailureRate', windowDays: 30, below: 0.15 };
    expect(describeEvidence(rate).summary).toBe('Change failure rate over the last 30 days is 18.8 % (needs under 15 %)');
  });

  it('shows times as dates and branch protection as a short list', () => {
    const deployed = describeEvidence({ summary: 'Last production deployment finished 2026-11-20T10:04:00.000Z', deploymentId: 'demo:deployment:1', environment: 'production', finishedAt: '2026-11-20T10:04:00.000Z' });
    expect(deployed.summary).toBe('Last production deployment finished 20 Nov 2026, 10:04 UTC');
    expect(deployed.details).toContainEqual({ label: 'Finished', text: '20 Nov 2026, 10:04 UTC' });
    const protection = describeEvidence({
      summary: 'main: allowForcePushes is true (needs false)',
      branch: 'main',
      unmet: ['allowForcePushes is true (needs false)'],
      settings: { enabled: true, requiredReviews: 1, requireCodeOwnerReviews: false, requiredStatusChecks: [], enforceAdmins: false, allowForcePushes: true, allowDeletions: false },
    });
    expect(protection.summary).toBe('main: force pushes allowed (needs force pushes blocked)');
    expect(protection.details).toEqual([
      { label: 'Branch', text: 'main' },
      { label: 'Branch protection', text: 'protected · 1 required review · code-owner review not required · no required status checks · admins exempt from the rules · force pushes allowed · deletion blocked' },
    ]);
  });

  it('lists paths and leaves reason codes out', () => {
    expect(describeEvidence({ summary: 'None of CODEOWNERS exists', lookedFor: ['CODEOWNERS', '.github/CODEOWNERS'], reason: 'x' }).details).toEqual([{ label: 'Looked for', text: 'CODEOWNERS, .github/CODEOWNERS' }]);
  });
});
