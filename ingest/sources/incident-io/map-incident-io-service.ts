import type { IncidentIoCatalogEntry } from './incident-io-payloads';

/** What an incident.io catalog entry can be matched by, most explicit first. */
export type IncidentIoServiceMapping = {
  /** `incident.io/catalog-entry-id` annotations of catalog-info.yaml files: entry id or external id → service. */
  annotated: ReadonlyMap<string, string>;
  /** `incidentIo.services` of waymark.yaml: entry id or external id → Waymark service. */
  configured: Readonly<Record<string, string>>;
  /** Waymark service names, lower-cased → as written. */
  names: ReadonlyMap<string, string>;
};

export type MappedIncidentIoService = { service: string; via: 'annotation' | 'config' | 'name' };

const keysOf = (entry: IncidentIoCatalogEntry) => [entry.id, entry.external_id].filter((key): key is string => !!key);

/** The entry's name, or the last part of its external id (`default/payments`, the Backstage importer's form). */
const namesOf = (entry: IncidentIoCatalogEntry) =>
  [entry.name, entry.external_id?.split('/').at(-1)].filter((name): name is string => !!name);

/**
 * The Waymark service of one incident.io catalog entry, in PagerDuty's order: the catalog-info.yaml annotation, the
 * explicit map in waymark.yaml (both by entry id or external id), then a service whose name equals the entry's name
 * or its external id's last part (ignoring case). Null when none applies.
 */
export const mapIncidentIoService = (
  entry: IncidentIoCatalogEntry,
  mapping: IncidentIoServiceMapping,
): MappedIncidentIoService | null => {
  for (const key of keysOf(entry)) {
    const annotated = mapping.annotated.get(key);
    if (annotated) return { service: annotated, via: 'annotation' };
  }
  for (const key of keysOf(entry)) {
    const configured = Object.hasOwn(mapping.configured, key) ? mapping.configured[key] : undefined;
    if (configured) return { service: configured, via: 'config' };
  }
  for (const name of namesOf(entry)) {
    const named = mapping.names.get(name.trim().toLowerCase());
    if (named) return { service: named, via: 'name' };
  }
  return null;
};
