import type { GitFixture } from './git-fixture';

export type PaymentsShas = Record<'c1' | 'c2' | 'c3' | 'f1' | 'f2' | 'm1' | 'c4' | 'r1' | 'r1Rebased' | 'c5', string>;

/**
 * The history most git tests read. Each step is a function so tests can stop part-way and continue later.
 *
 *  c1 (Jan 1) ─ c2 [v1.0.0] ─ c3 ─────────── m1 [v1.1.0 annotated, v1.2.1 annotated = rollback] ─ c4 ─ r1' [v1.2.0] ─ c5 [v1.3.0]
 *                   └─ f1 ─ f2 ─────────────┘ (merge --no-ff)              r1 rebased onto c4 ─┘
 */
export const buildPaymentsHistory = (repo: GitFixture) => {
  const shas = {} as PaymentsShas;
  const steps = {
    first: () => {
      shas.c1 = repo.commit('initial', { authored: '2026-01-01T09:00:00Z', files: { 'README.md': '# payments\n' } });
      shas.c2 = repo.commit('charge cards', { authored: '2026-02-20T09:00:00Z', committed: '2026-02-20T10:00:00Z', files: { 'src/charge.ts': 'export {}\n' } });
      repo.tag('v1.0.0');
      repo.tag('staging-1');
    },
    merge: () => {
      repo.git(['checkout', '-q', '-b', 'feature', shas.c2]);
      shas.f1 = repo.commit('refunds: model', { authored: '2026-02-21T08:00:00Z', files: { 'src/refund.ts': 'export {}\n' } });
      shas.f2 = repo.commit('refunds: api', { authored: '2026-02-22T08:00:00Z', files: { 'src/refund-api.ts': 'export {}\n' } });
      repo.git(['checkout', '-q', 'main']);
      shas.c3 = repo.commit('fix rounding', { authored: '2026-02-21T12:00:00Z', files: { 'src/round.ts': 'export {}\n' } });
      repo.git(['merge', '-q', '--no-ff', '-m', 'Merge feature: refunds', 'feature'], { authored: '2026-02-23T09:00:00Z', committed: '2026-02-23T09:00:00Z' });
      shas.m1 = repo.sha('HEAD');
      repo.tag('v1.1.0', 'HEAD', '2026-02-23T15:00:00Z');
    },
    rebase: () => {
      repo.git(['checkout', '-q', '-b', 'feature2']);
      shas.r1 = repo.commit('payouts', { authored: '2026-02-24T08:00:00Z', files: { 'src/payout.ts': 'export {}\n' } });
      repo.git(['checkout', '-q', 'main']);
      shas.c4 = repo.commit('bump limits', { authored: '2026-02-25T10:00:00Z', files: { 'src/limits.ts': 'export {}\n' } });
      repo.git(['checkout', '-q', 'feature2']);
      // A rebase keeps the author date and gives the commit a new committer date and sha.
      repo.git(['rebase', '-q', 'main'], { committed: '2026-02-26T09:00:00Z' });
      shas.r1Rebased = repo.sha('HEAD');
      repo.git(['checkout', '-q', 'main']);
      repo.git(['merge', '-q', '--ff-only', 'feature2']);
      repo.tag('v1.2.0');
    },
    rollbackAndNext: () => {
      repo.tag('v1.2.1', shas.m1, '2026-02-27T10:00:00Z');
      shas.c5 = repo.commit('retry payouts', { authored: '2026-02-28T08:00:00Z', committed: '2026-02-28T09:00:00Z', files: { 'src/retry.ts': 'export {}\n' } });
      repo.tag('v1.3.0');
    },
  };
  return {
    shas,
    steps,
    all: () => {
      Object.values(steps).forEach((step) => step());
      return shas;
    },
  };
};
