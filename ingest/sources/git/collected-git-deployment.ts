import type { GitCommit } from './collect-git-commits';
import type { GitDeploymentPayload } from './git-deployment-payload';

/** One deployment as read from the repository, with the commits it carried (the raw material of one write). */
export type CollectedGitDeployment = { payload: GitDeploymentPayload; commits: GitCommit[] };
