import type { GitFixture } from './git-fixture';

/**
 * A history shaped like a real library's (express has the same shapes): two release lines tagged interleaved, pre-
 * releases, a maintenance release of the old line, a late tag of a commit already shipped, a real rollback and a
 * re-tag. Every date is set, so each carried commit's lead time is exact.
 *
 *  a1 [1.0.0] ─ a2 [1.1.0-rc1, 1.1.0] ─ b1 [2.0.0-beta.1] ─ b2 [v2.0.0] ─ b2b [2.0.1 late] ─ b3 ─ mg [2.1.0, 2.2.1, 2.2.2] ─ c1 [2.2.0] ─ c2 [2.3.0-rc.1, v2.3.0, latest]
 *                  └── 1.x: m1 [1.1.1] ────────────────────────────────────────────────┘ (merged forward)
 */
export const buildReleaseLinesHistory = (repo: GitFixture) => {
  const at = (day: number, hour: number) => `2025-01-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
  const commit = (message: string, day: number, hour: number) => repo.commit(message, { authored: at(day, hour), files: { [`${message.replace(/\W+/g, '-')}.txt`]: `${message}\n` } });
  const a1 = commit('initial', 10, 8);
  repo.tag('1.0.0', a1, at(10, 10));
  const a2 = commit('feature one', 12, 8);
  repo.tag('1.1.0-rc1', a2, at(12, 9));
  repo.tag('1.1.0', a2, at(13, 8));
  repo.git(['branch', '1.x', a2]);
  const b1 = commit('v2 api', 20, 8);
  repo.tag('2.0.0-beta.1', b1, at(20, 9));
  const b2 = commit('v2 docs', 21, 8);
  repo.tag('v2.0.0', b2, at(22, 8));
  repo.git(['checkout', '-q', '1.x']);
  const m1 = commit('fix 1.x security', 23, 8);
  repo.tag('1.1.1', m1, at(24, 8));
  repo.git(['checkout', '-q', 'main']);
  const b2b = commit('v2 fix', 24, 12);
  const b3 = commit('v2 feature', 25, 8);
  repo.git(['merge', '-q', '--no-ff', '-m', 'Merge 1.x', '1.x'], { authored: at(26, 8), committed: at(26, 8) });
  const mg = repo.sha('HEAD');
  repo.tag('2.1.0', mg, at(27, 8));
  // Released from b2b long ago, tagged only now (as express tagged v5.0.1 after v5.1.0): a lower version, not a step back.
  repo.tag('2.0.1', b2b, at(28, 8));
  const c1 = commit('risky change', 29, 8);
  repo.tag('2.2.0', c1, at(29, 10));
  // The real rollback: a higher version pointing back at the commit before 2.2.0.
  repo.tag('2.2.1', mg, at(29, 14));
  // A re-tag of the commit just deployed: neither a failure nor a rollback.
  repo.tag('2.2.2', mg, at(30, 8));
  const c2 = commit('safe change', 31, 8);
  repo.tag('2.3.0-rc.1', c2, at(31, 8));
  repo.tag('v2.3.0', c2, at(31, 9));
  repo.tag('latest', c2);
  return { a1, a2, b1, b2, m1, b2b, b3, mg, c1, c2 };
};
