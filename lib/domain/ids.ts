/** Record kinds that get deterministic ids. */
export type DomainKind = 'deployment' | 'change' | 'incident' | 'pipeline_run' | 'pull_request';

/** Source names are short slugs, so the first two `:` of an id always separate source, kind and source id. */
export const SOURCE_NAME = /^[a-z][a-z0-9_-]{0,39}$/;

/**
 * The deterministic id of a domain row: the same (source, kind, source id) always gives the same row, so
 * re-running a normalizer or re-sending a record updates instead of duplicating.
 */
export const makeId = (source: string, kind: DomainKind, sourceId: string) => `${source}:${kind}:${sourceId}`;

/** A change (commit) is per service: in a monorepo one commit can ship in several services. */
export const makeChangeId = (source: string, service: string, sha: string) => makeId(source, 'change', `${service}@${sha}`);
