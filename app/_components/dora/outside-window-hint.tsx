import Link from 'next/link';
import { cache } from 'react';
import { getDeploymentSpan } from '@/lib/catalog/get-deployment-span';
import { getDb } from '@/lib/db/client';
import { formatDate } from '@/lib/format/format-date';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';

// Five trend cards ask the same question in one render: one query.
const getSpanByScope = cache(async (scopeKey: string) => getDeploymentSpan({ db: await getDb(), scope: JSON.parse(scopeKey) as MetricsScope }));

type OutsideWindowHintProps = { scope: MetricsScope; window: MetricsWindow; allTimeHref?: string };

/**
 * Under an empty chart: when the scope's deployments all lie outside the window, when the last (or first) one was and
 * a link to all time; nothing when the window holds deployments (the metric itself then has no samples).
 */
export async function OutsideWindowHint({ scope, window, allTimeHref }: OutsideWindowHintProps) {
  const { first, last } = await getSpanByScope(JSON.stringify(scope));
  if (!first || !last) return null;
  const before = last < window.from;
  const after = first >= window.to;
  if (!before && !after) return null;
  const link = allTimeHref ? <Link href={allTimeHref}>Show all time</Link> : null;
  return (
    <p className="muted" data-outside-window>
      {before ? `The last deployment was on ${formatDate(last)}.` : `The first deployment was on ${formatDate(first)}.`} {link}
    </p>
  );
}
