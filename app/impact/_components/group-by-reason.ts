// The adopters, and each reason for leaving services out, name this many services: in a large organization most
// services share one reason, and listing them all made the page megabytes per check.
export const NAMED_PER_REASON = 12;

/** Services left out of an analysis, by reason, the most common reason first. */
export const groupByReason = (excluded: { service: string; reason: string }[]) => {
  const groups = new Map<string, string[]>();
  for (const { service, reason } of excluded) {
    const services = groups.get(reason);
    if (services) services.push(service);
    else groups.set(reason, [service]);
  }
  return [...groups]
    .map(([reason, services]) => ({ reason, services }))
    .sort((a, b) => b.services.length - a.services.length);
};
