import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICES, DEMO_TEAMS } from '../../ingest/demo/demo-organization';
import { generateDemoOrganization, type DemoRecord } from '../../ingest/demo/generate-demo-organization';
import { validateEventRecord } from '../../ingest/sources/events/validate-event-record';

const NOW = new Date('2026-11-21T15:30:00Z');
const END = Date.parse('2026-11-21T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const START = END - 180 * DAY;
const GOLDEN = /uses: [\w.-]+\/platform\/\.github\/workflows\/deploy\.ya?ml@v[2-9]/;

type Deployment = DemoRecord & { service: string; status: string; reason: string; finishedAt: string; id: string; rollbackOf?: string; commits?: { authoredAt: string }[] };
type Facts = DemoRecord & { service: string; collectedAt: string; repository?: { paths: string[]; files: Record<string, string> }; errors?: Record<string, string> };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const dayOf = (time: string) => (Date.parse(time) - START) / DAY;

let records: DemoRecord[];
let deployments: Deployment[];
beforeAll(() => {
  records = [...generateDemoOrganization({ seed: 42, now: NOW })];
  deployments = records.filter((record): record is Deployment => record.kind === 'deployment');
});

/** Lead times (hours) of the commits of a service's planned successful deployments finished in [from, to) days. */
const leadTimes = (services: string[], from: number, to: number) =>
  deployments
    .filter((d) => services.includes(d.service) && d.status === 'success' && d.reason === 'planned' && dayOf(d.finishedAt) >= from && dayOf(d.finishedAt) < to)
    .flatMap((d) => d.commits!.map((commit) => (Date.parse(d.finishedAt) - Date.parse(commit.authoredAt)) / 3_600_000));

/** Pooled median lead time in the 30 days after each service's adoption day over the 30 days before it. */
const adoptionRatio = (adopters: [string, number][]) => {
  const before = adopters.flatMap(([service, day]) => leadTimes([service], day - 30, day));
  const after = adopters.flatMap(([service, day]) => leadTimes([service], day, day + 30));
  return median(after) / median(before);
};

const adoptersOf = (standard: 'goldenDeploy' | 'tracing' | 'dependencyUpdates') =>
  DEMO_SERVICES.filter((service) => typeof service.standards[standard] === 'number').map((service) => [service.name, service.standards[standard] as number] as [string, number]);

describe('generateDemoOrganization', () => {
  it('gives the same records for the same seed on the same day, and another organization for another seed', () => {
    const later = [...generateDemoOrganization({ seed: 42, now: new Date('2026-11-21T23:59:00Z') })];
    expect(later).toEqual(records);
    const other = generateDemoOrganization({ seed: 7, now: NOW });
    const firstDeployments = (iterable: Iterable<DemoRecord>) => {
      const out: DemoRecord[] = [];
      for (const record of iterable) if (record.kind === 'deployment' && out.push(record) >= 20) break;
      return out;
    };
    expect(firstDeployments(other)).not.toEqual(firstDeployments(records));
  });

  it('produces only valid events-v1 records, about 40 services in 6 teams, all inside the 180 days before today', () => {
    const invalid = records.map((record) => validateEventRecord(record)).filter((result) => !result.ok);
    expect(invalid).toEqual([]);
    const services = records.filter((record) => record.kind === 'service');
    expect(services).toHaveLength(40);
    expect(new Set(services.map((service) => service.team))).toEqual(new Set(DEMO_TEAMS));
    const times = records.flatMap((record) => ['finishedAt', 'openedAt', 'resolvedAt', 'collectedAt'].map((field) => record[field]).filter((value): value is string => typeof value === 'string'));
    expect(Math.min(...times.map(Date.parse))).toBeGreaterThanOrEqual(START - 60 * DAY);
    expect(Math.max(...times.map(Date.parse))).toBeLessThan(END);
    expect(Math.min(...deployments.map((d) => Date.parse(d.finishedAt)))).toBeGreaterThanOrEqual(START);
  });

  it('has elite services deploying several times a day with lead times of hours, and a legacy service releasing monthly', () => {
    const eliteServices = DEMO_SERVICES.filter((service) => service.profile === 'elite' && !service.pace).map((service) => service.name);
    for (const service of eliteServices) {
      const planned = deployments.filter((d) => d.service === service && d.reason === 'planned' && d.status === 'success');
      expect(planned.length / 128).toBeGreaterThan(1.5); // 128 weekdays in 180 days
    }
    expect(median(leadTimes(eliteServices, 0, 180))).toBeLessThan(8);
    const erp = deployments.filter((d) => d.service === 'erp-connector' && d.reason === 'planned' && d.status === 'success');
    expect(erp.length).toBeGreaterThanOrEqual(4);
    expect(erp.length).toBeLessThanOrEqual(8);
    expect(median(leadTimes(['erp-connector'], 0, 180))).toBeGreaterThan(10 * 24);
    // Frequent incidents: besides failed releases, its own trouble every 10 to 18 days, in any 90-day window.
    const erpIncidents = records.filter((record) => record.kind === 'incident' && record.service === 'erp-connector');
    expect(erpIncidents.filter((incident) => dayOf(incident.openedAt as string) >= 90).length).toBeGreaterThanOrEqual(5);
  });

  it('halves lead time after adopting the golden deploy workflow, while tracing and dependency updates change nothing beyond the trend', () => {
    expect(adoptersOf('goldenDeploy')).toHaveLength(6);
    expect(adoptionRatio(adoptersOf('goldenDeploy'))).toBeLessThan(0.65);
    for (const standard of ['tracing', 'dependencyUpdates'] as const) {
      const ratio = adoptionRatio(adoptersOf(standard));
      expect(ratio).toBeGreaterThan(0.75);
      expect(ratio).toBeLessThan(1.25);
    }
    // The org-wide trend (lead time 10 % shorter at the end than at the start): elite services adopt nothing and
    // deploy thousands of commits a month, enough for the pooled median to show it (expected ratio about 0.91).
    const elite = DEMO_SERVICES.filter((service) => service.profile === 'elite').map((service) => service.name);
    const trend = median(leadTimes(elite, 150, 180)) / median(leadTimes(elite, 0, 30));
    expect(trend).toBeGreaterThan(0.85);
    expect(trend).toBeLessThan(0.97);
  });

  it('lowers the change failure rate after golden adoption', () => {
    const failureShare = (inAfter: boolean) => {
      let planned = 0;
      let failed = 0;
      for (const [service, day] of adoptersOf('goldenDeploy')) {
        const mine = deployments.filter((d) => d.service === service && d.status === 'success' && dayOf(d.finishedAt) >= day === inAfter);
        planned += mine.filter((d) => d.reason === 'planned').length;
        failed += mine.filter((d) => d.reason === 'rollback' || d.reason === 'hotfix').length;
        failed += records.filter((r) => r.kind === 'incident' && r.service === service && r.causedBy && dayOf(r.openedAt as string) >= day === inAfter).length;
      }
      return failed / planned;
    };
    expect(failureShare(true)).toBeLessThan(failureShare(false) * 0.75);
  });

  it('includes incidents with and without a named cause, rollbacks of real deployments, hotfixes, failed deployment runs and re-run CI', () => {
    const ids = new Set(deployments.map((d) => d.id));
    const incidents = records.filter((record) => record.kind === 'incident');
    expect(incidents.some((incident) => incident.causedBy && ids.has(incident.causedBy as string))).toBe(true);
    expect(incidents.some((incident) => !incident.causedBy)).toBe(true);
    expect(incidents.some((incident) => incident.resolvedAt === null)).toBe(true);
    const rollbacks = deployments.filter((d) => d.reason === 'rollback');
    expect(rollbacks.length).toBeGreaterThan(20);
    expect(rollbacks.every((d) => ids.has(d.rollbackOf!) && d.rollbackOf!.startsWith(`${d.service}-`))).toBe(true);
    expect(deployments.filter((d) => d.reason === 'hotfix').length).toBeGreaterThan(20);
    expect(deployments.some((d) => d.status === 'failure')).toBe(true);
    const runs = records.filter((record) => record.kind === 'pipeline_run');
    expect(runs.some((run) => run.status === 'failure')).toBe(true);
    expect(runs.some((run) => run.attempt === 2 && run.status === 'success')).toBe(true);
  });

  it('collects weekly facts whose files show each adoption from its week on, a broken catalog and a failed collection', () => {
    const facts = records.filter((record): record is Facts => record.kind === 'facts');
    for (const service of DEMO_SERVICES) expect(facts.filter((fact) => fact.service === service.name)).toHaveLength(25);
    const deployYaml = (fact: Facts) => fact.repository?.files['.github/workflows/deploy.yml'] ?? '';
    for (const [service, day] of adoptersOf('goldenDeploy')) {
      const mine = facts.filter((fact) => fact.service === service);
      expect(mine.filter((fact) => dayOf(fact.collectedAt) < day).every((fact) => !GOLDEN.test(deployYaml(fact)))).toBe(true);
      expect(mine.filter((fact) => dayOf(fact.collectedAt) >= day).every((fact) => GOLDEN.test(deployYaml(fact)))).toBe(true);
    }
    expect(facts.filter((fact) => fact.service === 'tracking-api').every((fact) => !GOLDEN.test(deployYaml(fact)) && deployYaml(fact).includes('deploy.yml@v1'))).toBe(true);
    const tracing = facts.find((fact) => fact.service === 'catalog-api' && dayOf(fact.collectedAt) >= 60)!;
    expect(JSON.parse(tracing.repository!.files['package.json']!).dependencies).toHaveProperty('@opentelemetry/api');
    const abTesting = facts.filter((fact) => fact.service === 'ab-testing');
    expect(abTesting.filter((fact) => dayOf(fact.collectedAt) >= 70).every((fact) => /^catalog-info\.yaml line \d+: /.test(fact.errors?.catalog ?? '') && fact.repository)).toBe(true);
    expect(abTesting.filter((fact) => dayOf(fact.collectedAt) < 70).every((fact) => fact.catalog && !fact.errors)).toBe(true);
    const label = facts.filter((fact) => fact.service === 'label-service').at(-1)!;
    expect(label).toMatchObject({ errors: { repository: expect.stringContaining('failed') } });
    expect(label.repository).toBeUndefined();
    const erp = facts.filter((fact) => fact.service === 'erp-connector').at(-1)!;
    expect(erp.repository!.paths).not.toContain('.github/CODEOWNERS');
    expect(erp.catalog).not.toHaveProperty('spec.owner');
  });
});
