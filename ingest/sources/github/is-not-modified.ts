/** octokit throws on 304 Not Modified; for a conditional request it only means "unchanged since the ETag". */
export const isNotModified = (error: unknown) => (error as { status?: number } | null)?.status === 304;
