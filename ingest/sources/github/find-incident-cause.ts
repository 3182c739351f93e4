import { findNamedCommit } from '../../../lib/domain/find-named-commit';
import { githubIds } from './github-ids';

const DEPLOYMENT_URL = /\/deployments\/(\d+)\b/i;
const RUN_URL = /\/actions\/runs\/(\d+)\b/i;
const DEPLOYMENT_TEXT = /\bdeployment\s*(?:id\s*)?[#:]?\s*(\d+)\b/i;

/** What an incident body names as its cause: a deployment (API or Actions run) and/or a commit sha. */
export const findIncidentCause = (fullName: string, body: string | null | undefined) => {
  const text = body ?? '';
  const deployment = DEPLOYMENT_URL.exec(text) ?? DEPLOYMENT_TEXT.exec(text);
  const run = RUN_URL.exec(text);
  const causedBy = deployment
    ? githubIds.deploymentId(githubIds.deployment(fullName, Number(deployment[1])))
    : run
      ? githubIds.deploymentId(githubIds.runDeployment(fullName, Number(run[1])))
      : null;
  return { causedBy, causedBySha: findNamedCommit(text) };
};
