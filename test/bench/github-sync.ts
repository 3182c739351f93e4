// Benchmark: a full and an immediate second sync of the 50-repository fake organization, then the same history
// received as webhook deliveries. Prints figures; asserts nothing. Run: npx tsx test/bench/github-sync.ts
import { PGlite } from '@electric-sql/pglite';
import { createGithubClient } from '../../ingest/sources/github/create-github-client';
import { processGithubDelivery } from '../../ingest/sources/github/process-github-delivery';
import { syncGithub } from '../../ingest/sources/github/sync-github';
import { openDatabase } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { receiveWebhook } from '../../lib/webhooks/receive-webhook';
import { createGithubWebhookReceiver } from '../../ingest/sources/github/create-github-webhook-receiver';
import { countGithubMinimum } from './count-github-minimum';
import { buildFakeOrg } from '../fakes/github/build-fake-org';
import { buildWebhookDeliveries } from '../fakes/github/build-webhook-deliveries';
import { startFakeGithub } from '../fakes/github/fake-github-server';
import { FIXED_NOW, TEST_SETTINGS, testClientOptions } from '../sources/github/github-test-setup';
import { WEBHOOK_SECRET, webhookRequest } from '../sources/github/webhook-test-setup';

process.env.LOG_LEVEL ??= 'error';
const database = async () => {
  const handle = await openDatabase({ backend: 'pglite', instance: await PGlite.create() });
  await migrateDatabase(handle);
  return handle;
};

const world = buildFakeOrg({ repos: 50 });
const fake = await startFakeGithub(world);
const polled = await database();
// Requests by route (owner/repo, shas and numbers folded), so a change in what a sync asks shows where.
const routeOf = (path: string) =>
  path
    .replace(/\?.*$/, '')
    .replace(/^\/repos\/[^/]+\/[^/]+/, '/repos/{repo}')
    .replace(/\/branches\/[^/]+/, '/branches/{branch}')
    .replace(/\/contents\/.+$/, '/contents/{path}')
    .replace(/\/[0-9a-f]{40}(\.\.\.[0-9a-f]{40})?/g, '/{sha}')
    .replace(/\/\d+(?=\/|$)/g, '/{n}');
const countRoutes = (from: number) => {
  const counts = new Map<string, number>();
  for (const { path } of fake.requests.slice(from)) {
    const route = routeOf(path);
    counts.set(route, (counts.get(route) ?? 0) + 1);
  }
  return counts;
};
// The goal (issue 19): a first sync within 1.1x of the fewest requests its data needs, counted from the fake's world.
const minimum = countGithubMinimum(world, TEST_SETTINGS);
const minimumTotal = [...minimum.values()].reduce((sum, count) => sum + count, 0);
let firstTotal = 0;
for (const pass of ['full', 'second']) {
  const before = fake.requests.length;
  const started = performance.now();
  const outcome = await syncGithub({
    db: polled.db,
    client: testClientOptions(fake),
    settings: TEST_SETTINGS,
    org: 'acme',
    now: FIXED_NOW,
  });
  const ms = performance.now() - started;
  const refused = outcome.repositories.filter((repo) => repo.status === 'failed').length;
  console.log(
    `${pass} sync of 50 repositories: ${ms.toFixed(0)} ms, ${outcome.requests} requests ` +
      `(${outcome.conditional} conditional, ${outcome.notModified} answered 304), ${refused} repository refused`,
  );
  const routes = countRoutes(before);
  if (pass === 'full') {
    firstTotal = outcome.requests;
    console.log(`  ${'made'.padStart(6)}  ${'fewest'.padStart(6)}  route`);
    for (const route of new Set([...routes.keys(), ...minimum.keys()])) {
      const made = routes.get(route) ?? 0;
      const fewest = minimum.get(route) ?? 0;
      console.log(
        `  ${String(made).padStart(6)}  ${String(fewest).padStart(6)}  ${route}${made > fewest ? '  <' : ''}`,
      );
    }
    const ratio = (outcome.requests / minimumTotal).toFixed(2);
    console.log(
      `  ${outcome.requests} requests against the fewest the data needs, ${minimumTotal}: ${ratio}x (goal <= 1.1x)`,
    );
  } else {
    for (const [route, count] of [...routes].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(count).padStart(6)}  ${route}`);
    // GitHub does not count a 304 against the rate limit: only the others cost.
    const costly = fake.requests.slice(before).filter((request) => request.status !== 304).length;
    const share = ((costly / firstTotal) * 100).toFixed(2);
    console.log(`  rate-limit cost: ${costly} requests not answered 304, ${share} % of the first sync (goal <= 2 %)`);
  }
}

const hooked = await database();
const deliveries = buildWebhookDeliveries(world, fake.url);
let started = performance.now();
for (const [index, delivery] of deliveries.entries()) {
  await receiveWebhook({
    db: hooked.db,
    request: webhookRequest(delivery.event, delivery.payload, { delivery: `d${index}` }),
    receiver: createGithubWebhookReceiver(() => WEBHOOK_SECRET),
    maxBodyBytes: 1 << 20,
  });
}
let ms = performance.now() - started;
console.log(
  `webhook receipt: ${deliveries.length} deliveries in ${ms.toFixed(0)} ms (${((ms / deliveries.length) * 1000).toFixed(0)} µs each: verify, dedupe, store)`,
);
const client = await createGithubClient(testClientOptions(fake));
started = performance.now();
for (let index = 0; index < deliveries.length; index++)
  await processGithubDelivery({ db: hooked.db, client, settings: TEST_SETTINGS, now: FIXED_NOW }, `d${index}`);
ms = performance.now() - started;
console.log(
  `webhook normalization: ${deliveries.length} deliveries in ${ms.toFixed(0)} ms, ${client.stats.requests} API requests for what payloads lack`,
);

await Promise.all([fake.close(), polled.close(), hooked.close()]);
