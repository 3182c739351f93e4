const COMMIT_URL = /\/commits?\/([0-9a-f]{7,40})\b/i;
const COMMIT_TEXT = /\b(?:root cause|caused by|cause|commit|sha)\s*[:=]?\s*([0-9a-f]{7,40})\b/i;
const FULL_SHA = /\b([0-9a-f]{40})\b/i;
// A pull request (GitHub: /pull/N) or merge request (GitLab: /-/merge_requests/N) URL names a change wherever it is.
const CHANGE_URL = /https?:\/\/[^\s<>"'()[\]]+?\/(?:pull|-\/merge_requests)\/\d+/i;
// Any other URL only when the text says it is the cause or the deployment (a dashboard link is not a cause).
const NAMED_URL =
  /\b(?:root cause|caused by|cause|deployment|deployed in|release)\s*[:=]?\s*(https?:\/\/[^\s<>"'()[\]]+)/i;

/** What an incident's text names as its cause: a commit sha, and a pull/merge request or deployment URL. */
export type NamedCause = { sha: string | null; ref: string | null };

// The form deployments.url and pull_requests.url are stored in: no fragment, query or trailing slash or dot.
const toStoredUrl = (url: string) => url.replace(/[#?].*$/, '').replace(/[/.,;:]+$/, '');

const findFirst = (texts: (string | null | undefined)[], find: (text: string) => string | null) => {
  for (const text of texts) {
    const found = text ? find(text) : null;
    if (found) return found;
  }
  return null;
};

/**
 * The cause an incident's text names (title, body, custom fields, in that order of preference): the commit, lower-cased
 * (a commit URL, a sha after "commit", "sha", "cause" or "caused by", or any full 40-digit sha), and a pull or merge
 * request URL anywhere, or a URL after "caused by", "cause", "deployment" or "release". Metrics attribute the incident
 * to the deployment that first shipped the commit or the request's changes, or whose URL or artifact it is
 * (METRICS.md, "Which deployment an incident fails"). Shared by every source that reads incident text.
 */
export const findNamedCause = (...texts: (string | null | undefined)[]): NamedCause => ({
  sha: findFirst(texts, (text) => {
    const match = COMMIT_URL.exec(text) ?? COMMIT_TEXT.exec(text) ?? FULL_SHA.exec(text);
    return match ? match[1]!.toLowerCase() : null;
  }),
  ref: findFirst(texts, (text) => {
    const match = CHANGE_URL.exec(text)?.[0] ?? NAMED_URL.exec(text)?.[1];
    return match ? toStoredUrl(match) : null;
  }),
});

/** A named cause as the incidents table's columns. */
export const toCauseColumns = (cause: NamedCause) => ({ causedBySha: cause.sha, causedByRef: cause.ref });
