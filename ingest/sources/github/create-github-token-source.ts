import { createGithubClient, type GithubClient, type GithubClientOptions } from './create-github-client';

/**
 * A source of tokens for per-repository clients. A personal token is returned as is; a GitHub App's installation
 * token is minted once and reused until octokit's App auth refreshes it (installation tokens last an hour, so a
 * long sync keeps working), instead of one token exchange per repository.
 */
export const createGithubTokenSource = (options: GithubClientOptions, existing?: GithubClient): (() => Promise<{ token: string }>) => {
  if ('token' in options.auth) {
    const auth = options.auth;
    return async () => auth;
  }
  let appClient: Promise<GithubClient> | undefined = existing ? Promise.resolve(existing) : undefined;
  return async () => {
    appClient ??= createGithubClient(options);
    const client = await appClient;
    return { token: ((await client.octokit.auth({ type: 'installation' })) as { token: string }).token };
  };
};
