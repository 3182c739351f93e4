import type { Db } from '../../lib/db/client';
import { scorecardSnapshots, services } from '../../lib/db/schema';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { DAY_MS } from '../../lib/format/time-units';

export const STANDARDS_YAML = `version: 1
levels: [bronze, silver]
checks:
  - { id: readme, level: bronze, rule: { fileExists: README.md } }
  - { id: tracing, title: Sends traces, level: silver, rule: { dependency: { name: "@opentelemetry/api" } } }
exemptions:
  - { service: gamma, check: tracing, reason: "Rewritten in Q4", expires: 2026-12-31 }
  - { service: delta, check: tracing, reason: "Out of scope anyway", expires: 2026-12-31 }
campaigns:
  - name: otel-tier-1
    title: OpenTelemetry on tier 1
    goal: { checks: [tracing] }
    scope: { tier: 1 }
    start: 2026-09-01
    deadline: 2026-10-31
    owner: platform
    description: Traces everywhere.
    link: https://example.com/otel
  - name: silver-everywhere
    goal: { level: silver }
    start: 2026-09-01
    deadline: 2026-10-31
    owner: platform
`;

export const standards = parseStandards(STANDARDS_YAML, 'golden-path.yaml');
export const NOW = new Date('2026-09-29T12:00:00Z');

const day = (offset: number) => new Date(Date.parse('2026-09-01T00:00:00Z') + offset * DAY_MS).toISOString().slice(0, 10);

/**
 * Four services over 2026-09-01 .. 09-29 (day 0 .. 28). In tier 1: alpha passes tracing throughout; beta from
 * day 14 (09-15), with no snapshot on day 19 (carried over); gamma (another team) never. delta is tier 2 and passes.
 * Levels follow the statuses: bronze with readme, silver when tracing passes too.
 */
export const seedCampaignHistory = async (db: Db) => {
  await db.insert(services).values([
    { name: 'alpha', team: 'core', tier: '1', lifecycle: 'production', source: 'test', sourceId: 'alpha' },
    { name: 'beta', team: 'core', tier: '1', lifecycle: 'production', source: 'test', sourceId: 'beta' },
    { name: 'gamma', team: 'edge', tier: '1', lifecycle: 'production', source: 'test', sourceId: 'gamma' },
    { name: 'delta', team: 'edge', tier: '2', lifecycle: 'production', source: 'test', sourceId: 'delta' },
  ]);
  const passesFrom: Record<string, number> = { alpha: 0, beta: 14, gamma: Infinity, delta: 0 };
  const rows = [];
  for (let offset = 0; offset <= 28; offset++) {
    for (const [service, from] of Object.entries(passesFrom)) {
      if (service === 'beta' && offset === 19) continue;
      const tracing = offset >= from ? 'pass' : 'fail';
      rows.push({ service, day: day(offset), level: tracing === 'pass' ? 'silver' : 'bronze', score: tracing === 'pass' ? 1 : 0.5, statuses: { readme: 'pass', tracing }, standardsHash: standards.hash });
    }
  }
  await db.insert(scorecardSnapshots).values(rows);
};
