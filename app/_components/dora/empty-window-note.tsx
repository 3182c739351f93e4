import Link from 'next/link';
import { getDeploymentSpan } from '@/lib/catalog/get-deployment-span';
import type { Executor } from '@/lib/db/client';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { formatDate } from '@/lib/format/format-date';
import { formatWindow } from '../format/format-window';
import styles from './dora.module.css';

type EmptyWindowNoteProps = { db: Executor; scope: MetricsScope; window: MetricsWindow; days: number; allTimeHref?: string };

/**
 * Says why every figure is empty when the scope has deployments, just none in the window: when the last one was,
 * and a link to the window that holds them. Without it, a quiet repository reads as "no data".
 */
export async function EmptyWindowNote({ db, scope, window, days, allTimeHref }: EmptyWindowNoteProps) {
  const { last } = await getDeploymentSpan({ db, scope });
  if (!last) return null;
  const period = `in the ${days} days of this period (${formatWindow(window)})`;
  const when = last < window.from ? 'the last was' : 'the latest was';
  return (
    <p className={styles.emptyWindow} data-empty-window>
      No deployment {period}; {when} on {formatDate(last)}
      {allTimeHref ? (
        <>
          {' — '}
          <Link href={allTimeHref}>show all time</Link>
        </>
      ) : null}
      .
    </p>
  );
}
