/** A request GitLab refused or failed; the URL is kept (it carries no credential), the token never is. */
export class GitlabRequestError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly reason: string,
  ) {
    super(
      status === 0 ? `GitLab: ${reason}` : `GitLab answered ${status} to ${method} ${new URL(url).pathname}: ${reason}`,
    );
    this.name = 'GitlabRequestError';
  }
}

/** The HTTP status of a failed GitLab request, if it was one. */
export const statusOfGitlabError = (error: unknown) => (error instanceof GitlabRequestError ? error.status : null);
