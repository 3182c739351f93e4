import { findNamedCause } from '../../../lib/domain/find-named-cause';
import { githubIds } from './github-ids';

const DEPLOYMENT_URL = /\/deployments\/(\d+)\b/i;
const RUN_URL = /\/actions\/runs\/(\d+)\b/i;
const DEPLOYMENT_TEXT = /\bdeployment\s*(?:id\s*)?[#:]?\s*(\d+)\b/i;

/** What an incident body names as its cause: a deployment (API or Actions run), a commit sha, a request or URL. */
export const findIncidentCause = (fullName: string, body: string | null | undefined) => {
  const text = body ?? '';
  const deployment = DEPLOYMENT_URL.exec(text) ?? DEPLOYMENT_TEXT.exec(text);
  const run = RUN_URL.exec(text);
  const causedBy = deployment
    ? githubIds.deploymentId(githubIds.deployment(fullName, Number(deployment[1])))
    : run
      ? githubIds.deploymentId(githubIds.runDeployment(fullName, Number(run[1])))
      : null;
  const named = findNamedCause(text);
  return { causedBy, causedBySha: named.sha, causedByRef: named.ref };
};
