import type { FactObservation } from '../../../lib/domain/facts';
import { BACKSTAGE_SOURCE } from './backstage-ids';
import type { BackstageComponent } from './backstage-payloads';

/**
 * Each Component as its service's `catalog` fact, observed at the sync: the scorecard's catalog checks read it
 * (lib/scorecard/rules/read-catalog-entity.ts) for services whose repository has no catalog-info.yaml. Recorded on
 * every sync, changed or not, so the fact stays fresh (an identical one only moves its checked time).
 */
export const normalizeBackstageFacts = (components: BackstageComponent[], collectedAt: Date): FactObservation[] =>
  components.map((component) => ({
    service: component.metadata.name,
    kind: 'catalog',
    source: BACKSTAGE_SOURCE,
    collectedAt,
    status: 'ok',
    data: component as unknown as Record<string, unknown>,
    error: null,
  }));
