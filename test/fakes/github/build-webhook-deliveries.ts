import { createRequire } from 'node:module';
import type { FakeWorld } from './fake-world';
import { renderDeployment, renderIssue, renderPull, renderRepository, renderRun, renderStatus } from './render-rest';

type Definition = { name: string; examples: Record<string, unknown>[] };
const EXAMPLES = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as Definition[];

/** An example delivery of `event` (from @octokit/webhooks-examples) to use as the envelope: sender, organization, installation. */
const envelope = (event: string, action?: string) => {
  const examples = EXAMPLES.find((definition) => definition.name === event)!.examples;
  const example = examples.find((candidate) => !action || candidate.action === action) ?? examples[0]!;
  return structuredClone(example);
};

export type FakeDelivery = { event: string; payload: Record<string, unknown>; at: Date };

/**
 * The deliveries GitHub would have sent for the fake world's history, in time order: the example envelopes with the
 * world's objects in them (rendered like the REST answers, as GitHub's webhook objects are). Derived payloads: merged
 * pull requests and closed issues, which the examples do not contain, are made by setting the merge and close fields.
 */
export const buildWebhookDeliveries = (world: FakeWorld, api: string): FakeDelivery[] => {
  const deliveries: FakeDelivery[] = [];
  for (const repo of world.repos.values()) {
    if (repo.access !== 'ok') continue;
    const repository = renderRepository(repo, api);
    const add = (event: string, at: Date, fields: Record<string, unknown>, action?: string) =>
      deliveries.push({ event, at, payload: { ...envelope(event, action), ...(action ? { action } : {}), repository, ...fields } });
    add('repository', repo.createdAt, {}, 'edited');
    for (const deployment of repo.deployments) {
      const rendered = renderDeployment(repo, deployment, api);
      add('deployment', deployment.createdAt, { deployment: rendered }, 'created');
      for (const status of deployment.statuses) add('deployment_status', status.createdAt, { deployment: rendered, deployment_status: renderStatus(repo, deployment, status, api) }, 'created');
    }
    for (const run of repo.runs) {
      add('workflow_run', run.updatedAt, { workflow_run: renderRun(repo, run, api), workflow: { id: 1, name: run.name, path: run.path } }, run.status === 'completed' ? 'completed' : 'in_progress');
    }
    for (const pull of repo.pulls) {
      const rendered = { ...renderPull(repo, pull, api), merged: pull.mergedAt !== null };
      add('pull_request', pull.updatedAt, { number: pull.number, pull_request: rendered }, pull.state === 'open' ? 'opened' : 'closed');
    }
    for (const issue of repo.issues) add('issues', issue.updatedAt, { issue: renderIssue(repo, issue, api) }, issue.state === 'open' ? 'opened' : 'closed');
    const head = repo.branches[repo.defaultBranch]!;
    add('push', repo.updatedAt, { ref: `refs/heads/${repo.defaultBranch}`, after: head, head_commit: { id: head } });
  }
  return deliveries.sort((a, b) => a.at.getTime() - b.at.getTime());
};
