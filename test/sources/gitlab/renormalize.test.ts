import { eq, inArray } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { renormalizeGitlab } from '../../../ingest/sources/gitlab/renormalize-gitlab';
import { syncGitlab } from '../../../ingest/sources/gitlab/sync-gitlab';
import { deploymentChanges, deployments, incidents, pullRequests } from '../../../lib/db/schema';
import { buildFakeGitlabGroup } from '../../fakes/gitlab/fake-gitlab-world';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';
import { snapshotTables } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { GITLAB_DOMAIN, GITLAB_SETTINGS, gitlabClientOptions } from './gitlab-test-setup';

let fake: FakeGitlab | undefined;
afterEach(async () => fake?.close());

describeEachBackend('renormalize (GitLab)', ({ db }) => {
  it('rewrites exactly the rows an older normalizer got wrong, leaving the tables equal to a fresh ingest', async () => {
    fake = await startFakeGitlab(buildFakeGitlabGroup({ projects: 4 }));
    await syncGitlab({ db: db(), client: gitlabClientOptions(fake), settings: GITLAB_SETTINGS, group: 'acme' });
    const ingested = await snapshotTables(db(), GITLAB_DOMAIN);
    const requests = fake.requests.length;

    // Nothing to change: every row comes out the same.
    const idle = await renormalizeGitlab(db(), GITLAB_SETTINGS);
    expect(idle).toMatchObject({ inserted: 0, updated: 0, relinked: 0, scopes: 4 });
    expect(idle.unchanged).toBe(4 + 4 * (13 + 12 + 16 + 2));

    // Rows as an older normalizer wrote them: two deployments' environments, an incident's title, a missing merge request.
    const [first, second] = await db()
      .select({ id: deployments.id })
      .from(deployments)
      .orderBy(deployments.id)
      .limit(2);
    await db()
      .update(deployments)
      .set({ environment: 'Production' })
      .where(inArray(deployments.id, [first!.id, second!.id]));
    const [incident] = await db().select({ id: incidents.id }).from(incidents).limit(1);
    await db().update(incidents).set({ title: null }).where(eq(incidents.id, incident!.id));
    const [request] = await db().select({ id: pullRequests.id }).from(pullRequests).limit(1);
    await db().delete(pullRequests).where(eq(pullRequests.id, request!.id));
    // And a deployment that lost one of the commits it shipped (an older linking rule).
    const [link] = await db().select().from(deploymentChanges).limit(1);
    await db().delete(deploymentChanges).where(eq(deploymentChanges.changeId, link!.changeId));

    const fixed = await renormalizeGitlab(db(), GITLAB_SETTINGS);
    expect(fixed).toMatchObject({ inserted: 1, updated: 3, unchanged: idle.unchanged - 4, relinked: 1 });
    expect(await snapshotTables(db(), GITLAB_DOMAIN)).toEqual(ingested);
    expect(await renormalizeGitlab(db(), GITLAB_SETTINGS)).toEqual(idle);
    // All of it from stored payloads: GitLab was not asked again.
    expect(fake.requests.length).toBe(requests);
  }, 300_000);
});
