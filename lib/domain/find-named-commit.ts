const COMMIT_URL = /\/commits?\/([0-9a-f]{7,40})\b/i;
const COMMIT_TEXT = /\b(?:root cause|caused by|cause|commit|sha)\s*[:=]?\s*([0-9a-f]{7,40})\b/i;
const FULL_SHA = /\b([0-9a-f]{40})\b/i;

/**
 * The commit an incident's text names as its cause, lower-cased: a commit URL, a sha after "commit", "sha", "cause"
 * or "caused by", or any full 40-digit sha. Metrics attribute the incident to the deployment that first shipped it.
 * Shared by every source that reads incident text (GitHub issue bodies, PagerDuty titles, incident.io names and
 * custom fields, CDEvents descriptions).
 */
export const findNamedCommit = (...texts: (string | null | undefined)[]): string | null => {
  for (const text of texts) {
    if (!text) continue;
    const match = COMMIT_URL.exec(text) ?? COMMIT_TEXT.exec(text) ?? FULL_SHA.exec(text);
    if (match) return match[1]!.toLowerCase();
  }
  return null;
};
