import type { CampaignScope } from './campaign-schema';

export type ScopedService = { name: string; team: string | null; tier: string | null; lifecycle: string | null; tags: string[] | null };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether a service is in a campaign's scope: every attribute the scope names matches one of its values (tags: any
 * shared tag), compared case-insensitively like a check's appliesTo. A service that does not say (no tier) is out.
 */
export const matchCampaignScope = (scope: CampaignScope, service: ScopedService) => {
  for (const key of ['team', 'tier', 'lifecycle'] as const) {
    const wanted = scope[key];
    if (!wanted) continue;
    const actual = service[key];
    if (actual === null || !wanted.some((value) => same(value, actual))) return false;
  }
  return !scope.tags || scope.tags.some((tag) => (service.tags ?? []).some((own) => same(own, tag)));
};
