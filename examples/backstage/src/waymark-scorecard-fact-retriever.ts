import type { FactRetriever, FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import type { TechInsightFact } from '@backstage-community/plugin-tech-insights-common';

// Waymark's answers, as /api/v1/openapi.json documents them (components ScorecardSummary and CheckResult). Only
// the fields read here; Waymark adds fields only in a new API version.
type ScorecardSummary = {
  service: string;
  level: string;
  score: number | null;
  counts: { pass: number; fail: number; exempt: number; skip: number; unknown: number };
  day: string;
};
type CheckResult = { service: string; check: string; status: string };
type Page<T> = { items: T[]; total: number; nextCursor: string | null };

/** Every item of a paged /api/v1 list, following nextCursor to the last page. */
const readAll = async <T>(baseUrl: string, token: string, path: string, query: Record<string, string> = {}): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: '1000', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${baseUrl}${path}?${params}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!response.ok) throw new Error(`Waymark ${path} answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as Page<T>;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
};

/**
 * Facts per Component from Waymark's golden-path scorecards: the level, score and counts of the latest daily
 * snapshot, and the checks failing now. Waymark names a service after its catalog Component (catalog-info.yaml or the
 * Backstage sync), so the Component's name is the service. Configure in app-config.yaml:
 *
 *   waymark:
 *     baseUrl: https://waymark.example.com
 *     token: ${WAYMARK_READ_TOKEN}     # npx waymark token create backstage --scopes read
 */
export const waymarkScorecardFactRetriever: FactRetriever = {
  id: 'waymarkScorecardFactRetriever',
  version: '0.1.0',
  title: 'Waymark scorecards',
  description: "Each component's golden-path level, score and failing checks, from Waymark's /api/v1",
  entityFilter: [{ kind: 'component' }],
  schema: {
    waymarkLevel: { type: 'string', description: 'The highest level whose checks all pass (or are exempt)' },
    waymarkScore: { type: 'float', description: 'Share of applicable checks passing, 0..1' },
    waymarkChecksPassing: { type: 'integer', description: 'Checks passing' },
    waymarkChecksFailing: { type: 'integer', description: 'Checks failing' },
    waymarkFailingChecks: { type: 'set', description: 'Ids of the checks failing now' },
    waymarkSnapshotDay: { type: 'string', description: 'The UTC day (YYYY-MM-DD) of the snapshot the figures are from' },
  },
  async handler({ config, logger }: FactRetrieverContext): Promise<TechInsightFact[]> {
    const baseUrl = config.getString('waymark.baseUrl').replace(/\/+$/, '');
    const token = config.getString('waymark.token');
    const [scorecards, failing] = await Promise.all([
      readAll<ScorecardSummary>(baseUrl, token, '/api/v1/scorecards'),
      readAll<CheckResult>(baseUrl, token, '/api/v1/check-results', { status: 'fail' }),
    ]);
    const failingByService = new Map<string, string[]>();
    for (const { service, check } of failing) failingByService.set(service, [...(failingByService.get(service) ?? []), check]);
    logger.info(`Waymark: ${scorecards.length} scorecards, ${failing.length} failing checks`);
    return scorecards.map((card) => ({
      entity: { namespace: 'default', kind: 'component', name: card.service },
      facts: {
        waymarkLevel: card.level,
        waymarkScore: card.score ?? 0,
        waymarkChecksPassing: card.counts.pass,
        waymarkChecksFailing: card.counts.fail,
        waymarkFailingChecks: failingByService.get(card.service) ?? [],
        waymarkSnapshotDay: card.day,
      },
    }));
  },
};
