import { describe, expect, it } from 'vitest';
import { ingestCdevents } from '../../../ingest/sources/cdevents/ingest-cdevents';
import { purlName } from '../../../ingest/sources/cdevents/normalize-cdevent';
import { readCdeventsText } from '../../../ingest/sources/cdevents/read-cdevents-text';
import { deployments, incidents, pipelineRuns, pullRequests, rawPayloads } from '../../../lib/db/schema';
import { isAppError } from '../../../lib/errors';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { buildMutations, example, exampleText, MAPPED_EXAMPLES } from './cdevents-fixtures';

const refusal = (text: string) => {
  try {
    readCdeventsText(text, 'events.json');
  } catch (error) {
    if (isAppError(error)) return error.details.join('\n');
    throw error;
  }
  return null;
};

const DEPLOYED_AT = new Date('2023-03-20T14:27:05.315Z');
const INCIDENT_AT = new Date('2022-11-11T13:52:20.079Z');

describeEachBackend('CDEvents import', ({ db }) => {
  it('accepts every conformance example of the mapped types and writes the right rows', async () => {
    for (const name of [...MAPPED_EXAMPLES, 'artifact_published']) {
      await ingestCdevents({
        db: db(),
        events: readCdeventsText(exampleText(name), `${name}.json`),
        services: {},
        scope: name,
      });
    }
    const deployed = await db().select().from(deployments).orderBy(deployments.id);
    expect(
      deployed.map((row) => [
        row.sourceId.split(':')[0],
        row.service,
        row.environment,
        row.status,
        row.reason,
        row.rollbackOf,
        row.finishedAt,
      ]),
    ).toEqual([
      ['service.deployed', 'myapp', 'test123', 'success', 'planned', null, DEPLOYED_AT],
      // All three examples share one instant: there is no earlier deployment for the rollback to undo.
      ['service.rolledback', 'myapp', 'test123', 'success', 'rollback', null, DEPLOYED_AT],
      ['service.upgraded', 'myapp', 'test123', 'success', 'planned', null, DEPLOYED_AT],
    ]);
    // detected, reported and resolved speak of one subject (incident-123): one incident, resolved.
    expect(
      await db()
        .select({
          id: incidents.id,
          service: incidents.service,
          title: incidents.title,
          url: incidents.url,
          openedAt: incidents.openedAt,
          resolvedAt: incidents.resolvedAt,
        })
        .from(incidents),
    ).toEqual([
      {
        id: 'cdevents:incident:/monitoring/prod1#incident-123',
        service: 'myApp',
        title: 'Response time above threshold of 100ms',
        url: 'https://my-issues.example/incidents/ticket-345',
        openedAt: INCIDENT_AT,
        resolvedAt: INCIDENT_AT,
      },
    ]);
    expect(
      await db()
        .select({
          service: pipelineRuns.service,
          name: pipelineRuns.name,
          status: pipelineRuns.status,
          url: pipelineRuns.url,
        })
        .from(pipelineRuns),
    ).toEqual([
      { service: 'myPipeline', name: 'myPipeline', status: 'failure', url: 'https://www.example.com/mySubject123' },
    ]);
    expect(
      await db()
        .select({
          service: pullRequests.service,
          repository: pullRequests.repository,
          state: pullRequests.state,
          mergedAt: pullRequests.mergedAt,
        })
        .from(pullRequests),
    ).toEqual([{ service: 'TestOrg', repository: 'TestRepo/TestOrg', state: 'merged', mergedAt: DEPLOYED_AT }]);
    // The type Waymark does not map is kept as it came, like every other.
    expect(await countRows(db(), 'raw_payloads')).toBe(9);
    const again = await ingestCdevents({
      db: db(),
      events: readCdeventsText(exampleText('service_deployed')),
      services: {},
      scope: 'again',
    });
    expect(again.deployments).toBe(1);
    expect(await countRows(db(), 'deployments')).toBe(3);
  });

  it('links a rollback to the deployment it undoes and maps purl names through cdevents.services', async () => {
    const at = (minutes: number, type: string, id: string) => {
      const event = example(`service_${type}`);
      Object.assign(event.context as object, {
        id,
        timestamp: new Date(Date.UTC(2026, 0, 1, 0, minutes)).toISOString(),
      });
      Object.assign((event.subject as { content: object }).content, { environment: { id: 'production' } });
      return JSON.stringify(event);
    };
    const text = [at(0, 'deployed', 'a'), at(10, 'deployed', 'b'), at(20, 'rolledback', 'c')].join('\n');
    await ingestCdevents({
      db: db(),
      events: readCdeventsText(text),
      services: { myapp: 'payments' },
      scope: 'rollback',
    });
    const rows = await db()
      .select({ id: deployments.id, service: deployments.service, rollbackOf: deployments.rollbackOf })
      .from(deployments)
      .orderBy(deployments.finishedAt);
    expect(rows.map((row) => row.service)).toEqual(['payments', 'payments', 'payments']);
    expect(rows[2]!.rollbackOf).toBe(rows[1]!.id);
  });

  it('refuses an input with one bad event among good ones, naming its line and field; nothing stored', async () => {
    const good = MAPPED_EXAMPLES.map((name) => JSON.stringify(example(name)));
    const bad = example('service_deployed');
    delete (
      (bad.subject as { content: { environment: Record<string, unknown> } }).content.environment as { id?: string }
    ).id;
    const text = [...good.slice(0, 4), JSON.stringify(bad), ...good.slice(4)].join('\n');
    expect(refusal(text)).toBe(
      'events.json line 5: subject.content.environment.id: Invalid input: expected string, received undefined',
    );
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
    // In a pretty-printed file the line is the field's own.
    const pretty = JSON.stringify(
      { ...example('pipelinerun_finished'), subject: { id: 'x', content: { outcome: 'maybe' } } },
      null,
      2,
    );
    const line = pretty.split('\n').findIndex((text) => text.includes('"outcome": "maybe"')) + 1;
    expect(line).toBeGreaterThan(40);
    expect(refusal(pretty)).toMatch(
      new RegExp(`^events\\.json line ${line}: subject\\.content\\.outcome: Invalid option`),
    );
    expect(await db().select().from(rawPayloads)).toEqual([]);
  });
});

describe('CDEvents validation', () => {
  it(`refuses each of ${buildMutations().length} mutated conformance examples with the field named`, () => {
    const mutations = buildMutations();
    expect(mutations.length).toBeGreaterThanOrEqual(200);
    for (const mutation of mutations) {
      const details = refusal(JSON.stringify(mutation.event, null, 2));
      expect(details, mutation.name).not.toBeNull();
      expect(details, mutation.name).toContain(`: ${mutation.field}`);
    }
  });

  it('reads structured-mode CloudEvents too, naming fields under data', () => {
    const wrap = (data: unknown) =>
      JSON.stringify({ specversion: '1.0', id: 'x', source: '/ci', type: 'dev.cdevents.service.deployed.0.3.0', data });
    expect(readCdeventsText(wrap(example('service_deployed')))).toHaveLength(1);
    const bad = example('service_deployed');
    (bad.context as Record<string, unknown>).timestamp = 'yesterday';
    expect(refusal(wrap(bad))).toMatch(/^events\.json line 1: data\.context\.timestamp: Invalid ISO datetime/);
  });

  it('reads purl names', () => {
    expect(purlName('pkg:oci/myapp@sha256%3A0b31b1c02ff4')).toBe('myapp');
    expect(purlName('pkg:npm/%40acme/web-ui@1.2.3?arch=x64#dist')).toBe('web-ui');
    expect(purlName('pkg:golang/github.com/acme/payments')).toBe('payments');
    expect(purlName('myapp:1.2')).toBeNull();
  });
});
