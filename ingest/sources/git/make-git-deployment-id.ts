import { makeId } from '../../../lib/domain/ids';

/** `git:deployment:<service>@<tag or sha>`, as agreed with the other sources. */
export const makeGitDeploymentId = (service: string, name: string) => makeId('git', 'deployment', `${service}@${name}`);
