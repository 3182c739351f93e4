import type { FactData, FactKind } from '../../domain/facts';
import { redactText } from '../../observability/redact';
import type { RuleContext, RuleOutcome } from '../scorecard-types';
import { DAY_MS } from '../../format/time-units';


const LABELS: Record<FactKind, string> = { repository: 'repository', catalog: 'catalog', branch_protection: 'branch protection' };

// Which source could know a fact no source collected: git knows trees and catalogs, never branch protection.
const MISSING: Record<FactKind, string> = {
  repository: 'No repository facts have been collected for this service: ingest its repository (waymark ingest git or github)',
  catalog: 'No catalog facts have been collected for this service',
  branch_protection:
    'Branch protection is kept by the forge, not in git: no source that reads it (waymark ingest github) has collected it for this service',
};

export type FreshFact<K extends FactKind> = { data: FactData[K]; fact: { kind: K; collectedAt: Date }; commitSha: string | null } | { unknown: RuleOutcome };

/**
 * The fact a rule needs, or the `unknown` outcome that says why it cannot be judged: never collected, its
 * collection failed, or not confirmed for longer than scorecard.factsMaxAgeDays. A stale or failed collection is
 * never a fail: the service may be fine and the collector broken.
 */
export const readFreshFact = <K extends FactKind>(context: RuleContext, kind: K): FreshFact<K> => {
  const snapshot = context.inputs.facts[kind];
  const label = LABELS[kind];
  if (!snapshot) return { unknown: { status: 'unknown', evidence: { summary: MISSING[kind], reason: 'missing' } } };
  const fact = { kind, collectedAt: snapshot.collectedAt };
  if (snapshot.status !== 'ok' || !snapshot.data) {
    const error = redactText(snapshot.error ?? 'unknown error');
    return { unknown: { status: 'unknown', fact, evidence: { summary: `Collecting ${label} facts failed: ${error}`, reason: 'collection-failed', error } } };
  }
  // A fact stays true from when it was collected until it was last confirmed; as of a past day, no later than that day.
  const confirmed = Math.min(snapshot.checkedAt.getTime(), context.asOf.getTime());
  if (context.asOf.getTime() - confirmed > context.factsMaxAgeDays * DAY_MS) {
    const day = new Date(confirmed).toISOString().slice(0, 10);
    return {
      unknown: {
        status: 'unknown',
        fact,
        evidence: { summary: `The ${label} facts were last confirmed on ${day}, more than ${context.factsMaxAgeDays} days ago (scorecard.factsMaxAgeDays)`, reason: 'stale', confirmedOn: day },
      },
    };
  }
  const data = snapshot.data as unknown as FactData[K];
  const commitSha = kind === 'repository' ? ((data as FactData['repository']).headSha ?? null) : null;
  return { data, fact, commitSha };
};
