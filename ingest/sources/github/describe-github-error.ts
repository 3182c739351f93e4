import { describeError } from '../../../lib/errors';
import { redactText } from '../../../lib/observability/redact';

/** One line for a failed repository, meant for the ingest status page: what GitHub said, never a credential. */
export const describeGithubError = (error: unknown) => {
  const status = (error as { status?: number } | null)?.status;
  const message = String((error as { response?: { data?: { message?: string } } } | null)?.response?.data?.message ?? describeError(error));
  if (status === 404) return redactText(`GitHub answered 404 (${message}): the repository does not exist or the credentials cannot see it; skipped`);
  if (status === 403) return redactText(`GitHub answered 403 (${message}): the credentials may not read this repository; skipped`);
  if (status === 401) return redactText(`GitHub answered 401 (${message}): the token or GitHub App credentials are not valid`);
  return redactText(status ? `GitHub answered ${status}: ${message}` : message);
};
