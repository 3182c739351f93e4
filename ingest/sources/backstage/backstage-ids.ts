/** The source name of Backstage rows, raw payloads and runs. */
export const BACKSTAGE_SOURCE = 'backstage';

/**
 * The catalog kinds Waymark reads, as the catalog's `kind` filter spells them, and the raw payload kind each is kept
 * under: keyed by `namespace/name` (lower-cased, as the catalog compares entity refs without case).
 */
export const BACKSTAGE_KINDS = ['group', 'user', 'system', 'component'] as const;
export type BackstageKind = (typeof BACKSTAGE_KINDS)[number];

/** The raw payload key of an entity: `default/payments`. */
export const makeBackstageEntityKey = (entity: { metadata: { namespace?: string | null; name: string } }) =>
  `${entity.metadata.namespace || 'default'}/${entity.metadata.name}`.toLowerCase();
