import { fullPath, type FakeGitlabWorld, type FakeProject } from './fake-gitlab-world';
import { iso } from './render-gitlab-rest';

export type GitlabDelivery = { event: string; uuid: string; at: Date; payload: Record<string, unknown> };

/** The `project` object every hook carries (docs.gitlab.com, "Webhook events"). */
const hookProject = (base: string, project: FakeProject) => ({
  id: project.id,
  name: project.path,
  description: null,
  web_url: `${base}/${fullPath(project)}`,
  namespace: project.namespace,
  path_with_namespace: fullPath(project),
  default_branch: 'main',
});

const user = { id: 1, name: 'Administrator', username: 'root', email: 'admin@example.com' };

/**
 * The deliveries GitLab would have sent for a group's history, in the order they happened: merge request merges,
 * pipeline and deployment status changes (running, then finished), incidents opened and closed, and a push to the
 * default branch of each project. Payloads follow the examples of GitLab's "Webhook events" page.
 */
export const buildGitlabWebhookDeliveries = (world: FakeGitlabWorld, base: string): GitlabDelivery[] => {
  const deliveries: GitlabDelivery[] = [];
  let sequence = 0;
  const add = (event: string, at: Date, payload: Record<string, unknown>) =>
    deliveries.push({ event, at, uuid: `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`, payload });
  for (const project of world.projects) {
    const subject = hookProject(base, project);
    for (const mr of project.mergeRequests) {
      add('Merge Request Hook', mr.mergedAt, {
        object_kind: 'merge_request',
        event_type: 'merge_request',
        user,
        project: subject,
        object_attributes: {
          id: mr.id,
          iid: mr.iid,
          title: mr.title,
          state: 'merged',
          action: 'merge',
          merge_commit_sha: mr.squashed ? null : mr.landed.sha,
          target_branch: 'main',
          created_at: iso(mr.createdAt),
          updated_at: iso(mr.mergedAt),
        },
        labels: mr.labels.map((title) => ({ title })),
      });
    }
    for (const pipeline of project.pipelines) {
      add('Pipeline Hook', pipeline.finishedAt ?? pipeline.createdAt, {
        object_kind: 'pipeline',
        object_attributes: {
          id: pipeline.id,
          iid: pipeline.iid,
          ref: pipeline.ref,
          tag: false,
          sha: pipeline.sha,
          status: pipeline.status,
          created_at: iso(pipeline.createdAt),
          finished_at: iso(pipeline.finishedAt),
        },
        user,
        project: subject,
      });
    }
    for (const deployment of project.deployments) {
      const hook = (status: string, at: Date) =>
        add('Deployment Hook', at, {
          object_kind: 'deployment',
          status,
          status_changed_at: iso(at),
          deployment_id: deployment.id,
          deployable_id: deployment.id * 10,
          deployable_url: `${base}/${fullPath(project)}/-/jobs/${deployment.id * 10}`,
          environment: deployment.environment,
          project: subject,
          short_sha: deployment.sha.slice(0, 8),
          user,
          commit_url: `${base}/${fullPath(project)}/-/commit/${deployment.sha}`,
          commit_title: 'Deploy',
          ref: deployment.ref,
        });
      hook('running', deployment.createdAt);
      if (deployment.finishedAt) hook(deployment.status, deployment.finishedAt);
    }
    for (const issue of project.issues) {
      const hook = (action: string, at: Date) =>
        add('Issue Hook', at, {
          object_kind: 'issue',
          event_type: 'issue',
          user,
          project: subject,
          object_attributes: {
            id: issue.id,
            iid: issue.iid,
            title: issue.title,
            type: issue.type === 'incident' ? 'Incident' : 'Issue',
            state: action === 'close' ? 'closed' : 'opened',
            action,
            created_at: iso(issue.createdAt),
          },
          labels: issue.labels.map((title) => ({ title })),
        });
      hook('open', issue.createdAt);
      if (issue.closedAt) hook('close', issue.closedAt);
    }
    const head = project.mainline.at(-1)!;
    add('Push Hook', head.committedAt, {
      object_kind: 'push',
      event_name: 'push',
      before: project.mainline.at(-2)?.sha ?? '0000000000000000000000000000000000000000',
      after: head.sha,
      ref: 'refs/heads/main',
      checkout_sha: head.sha,
      user_username: 'root',
      project_id: project.id,
      project: subject,
      commits: [{ id: head.sha, message: head.title, timestamp: iso(head.committedAt) }],
      total_commits_count: 1,
    });
  }
  return deliveries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.uuid.localeCompare(b.uuid));
};
