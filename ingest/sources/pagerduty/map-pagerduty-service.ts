/** What a PagerDuty service can be matched by, most explicit first. */
export type PagerdutyServiceMapping = {
  /** `pagerduty.com/service-id` annotations of catalog-info.yaml files: PagerDuty service id → Waymark service. */
  annotated: ReadonlyMap<string, string>;
  /** `pagerduty.services` of waymark.yaml: PagerDuty service id → Waymark service. */
  configured: Readonly<Record<string, string>>;
  /** Waymark service names, lower-cased → as written. */
  names: ReadonlyMap<string, string>;
};

export type MappedService = { service: string; via: 'annotation' | 'config' | 'name' };

/**
 * The Waymark service of a PagerDuty service, in this order: the catalog annotation (Backstage's convention, kept
 * with the service's code), the explicit map in waymark.yaml, then a Waymark service whose name equals the PagerDuty
 * service's name (ignoring case). Null when none applies: the caller keeps the record as unmapped.
 */
export const mapPagerdutyService = (
  pagerdutyService: { id: string; name: string | null },
  mapping: PagerdutyServiceMapping,
): MappedService | null => {
  const annotated = mapping.annotated.get(pagerdutyService.id);
  if (annotated) return { service: annotated, via: 'annotation' };
  const configured = Object.hasOwn(mapping.configured, pagerdutyService.id)
    ? mapping.configured[pagerdutyService.id]
    : undefined;
  if (configured) return { service: configured, via: 'config' };
  const named = pagerdutyService.name ? mapping.names.get(pagerdutyService.name.trim().toLowerCase()) : undefined;
  return named ? { service: named, via: 'name' } : null;
};
