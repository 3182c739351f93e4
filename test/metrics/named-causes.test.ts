import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ingestCdevents } from '../../ingest/sources/cdevents/ingest-cdevents';
import { readCdeventsText } from '../../ingest/sources/cdevents/read-cdevents-text';
import { changes, deployments, incidents, pullRequests } from '../../lib/db/schema';
import { findNamedCause } from '../../lib/domain/find-named-cause';
import { listDeployments } from '../../lib/metrics/list-deployments';
import { describeEachBackend } from '../helpers/test-db';
import { example } from '../sources/cdevents/cdevents-fixtures';
import { commit, deploy, h, incident, load, sha } from './metrics-fixtures';

const DAY = 24;
const window = { from: new Date(h(0)), to: new Date(h(14 * DAY)) };
const REQUEST = 'https://github.com/acme/payments/pull/7';

const failedOf = async (db: Parameters<typeof listDeployments>[0]['db']) => {
  const page = await listDeployments({ db, scope: { org: true }, window, filter: {}, limit: 100 });
  return page.items
    .filter((item) => item.failed)
    .map((item) => item.sourceId)
    .sort();
};

describeEachBackend('incidents naming their cause', ({ db }) => {
  it('fail the deployment at the URL, or the first that shipped the named pull request', async () => {
    // payments deploys on days 1, 3 and 5; pull request #7 is c2, shipped on day 3.
    await load(db(), [
      deploy('d1', 1 * DAY, { url: 'https://ci.example.com/runs/1', commits: [commit('c1', 0)] }),
      deploy('d2', 3 * DAY, { commits: [commit('c2', 2 * DAY), commit('c3', 2 * DAY)] }),
      deploy('d3', 5 * DAY, { commits: [commit('c4', 4 * DAY)] }),
    ]);
    await db()
      .insert(pullRequests)
      .values({
        id: 'github:pull_request:acme/payments#7',
        source: 'github',
        sourceId: 'acme/payments#7',
        url: REQUEST,
        service: 'payments',
        state: 'merged',
        openedAt: new Date(h(DAY)),
      });
    await db()
      .update(changes)
      .set({ pullRequestId: 'github:pull_request:acme/payments#7' })
      .where(eq(changes.sha, sha('c2')));
    // All four open on day 6, after d3: by time alone each would fail d3.
    await load(db(), [
      incident('i1', 6 * DAY, 6 * DAY + 2, { title: `Checkout errors since ${REQUEST} merged` }),
      incident('i2', 6 * DAY, 6 * DAY + 2, { title: 'Deployment https://ci.example.com/runs/1/ broke refunds' }),
    ]);
    expect(await failedOf(db())).toEqual(['d1', 'd2']);
    const stored = await db().select({ id: incidents.sourceId, ref: incidents.causedByRef }).from(incidents);
    expect(stored.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'i1', ref: REQUEST },
      { id: 'i2', ref: 'https://ci.example.com/runs/1' },
    ]);
    // A request nobody shipped fails nothing (it does not fall back to the latest deployment); plain text does.
    await load(db(), [incident('i3', 6 * DAY, null, { title: 'caused by https://github.com/acme/payments/pull/99' })]);
    expect(await failedOf(db())).toEqual(['d1', 'd2']);
    await load(db(), [incident('i4', 6 * DAY, null, { title: 'Slow checkout' })]);
    expect(await failedOf(db())).toEqual(['d1', 'd2', 'd3']);
  });

  it('fail the deployment of the artifact a CDEvents incident names', async () => {
    const event = (type: string, minutes: number, content: Record<string, unknown>) => {
      const built = example(type);
      Object.assign(built.context as object, { id: `${type}-${minutes}`, timestamp: h(minutes / 60) });
      Object.assign((built.subject as { content: object }).content, content);
      if (type === 'incident_detected') (built.subject as { id: string }).id = 'incident-9';
      return JSON.stringify(built);
    };
    const first = 'pkg:oci/myapp@sha256%3A0b31b1c02ff458ad9b7b';
    const second = 'pkg:oci/myapp@sha256%3A9f86d081884c7d659a2f';
    const text = [
      event('service_deployed', 60, { environment: { id: 'production' }, artifactId: first }),
      event('service_deployed', 120, { environment: { id: 'production' }, artifactId: second }),
      // Detected after the second deployment, naming the first one's artifact.
      event('incident_detected', 180, {
        environment: { id: 'production' },
        service: { id: 'myapp' },
        artifactId: first,
      }),
    ].join('\n');
    await ingestCdevents({ db: db(), events: readCdeventsText(text), services: {}, scope: 'named' });
    const artifacts = await db()
      .select({ id: deployments.sourceId, artifact: deployments.artifact })
      .from(deployments)
      .orderBy(deployments.finishedAt);
    expect(artifacts.map((row) => row.artifact)).toEqual([first, second]);
    expect(await failedOf(db())).toEqual([artifacts[0]!.id]);
  });
});

it('finds a named cause in incident text', () => {
  expect(findNamedCause('Errors since https://gitlab.example/g/p/-/merge_requests/12#note_3 merged')).toEqual({
    sha: null,
    ref: 'https://gitlab.example/g/p/-/merge_requests/12',
  });
  expect(findNamedCause('See https://grafana.example/d/abc for the graph')).toEqual({ sha: null, ref: null });
  expect(findNamedCause(null, 'Root cause: https://deploy.example/releases/42.')).toEqual({
    sha: null,
    ref: 'https://deploy.example/releases/42',
  });
  expect(findNamedCause('caused by commit 0123abcd in https://github.com/a/b/pull/3')).toEqual({
    sha: '0123abcd',
    ref: 'https://github.com/a/b/pull/3',
  });
});
