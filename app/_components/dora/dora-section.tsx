import Link from 'next/link';
import { EDITIONS, type Edition, type MetricsScope, type MetricsWindow } from '@/lib/metrics/metrics-types';
import { formatWindow } from '../format/format-window';
import { Card } from '../ui/card';
import { Widget } from '../ui/widget';
import type { DoraFigure } from './dora-figures';
import styles from './dora.module.css';
import { DoraTiles } from './dora-tiles';

type DoraSectionProps = {
  scope: MetricsScope;
  scopeLabel: string;
  window: MetricsWindow;
  days: number;
  edition: Edition;
  /** The same page in another edition; without it the edition cannot be switched here. */
  editionHref?: (edition: Edition) => string;
  drillHref?: (figure: DoraFigure) => string;
  /** The same page over all time (see DoraTiles). */
  allTimeHref?: string;
};

const EDITION_NAMES: Record<Edition, string> = { '2025': 'DORA 2025 scores', '2024': 'DORA 2024 cluster', '2023': 'DORA 2023 bands' };

/** The "Delivery performance" card of the overview, a team and a service: titled at once, its tiles streamed in. */
export function DoraSection({ editionHref, ...props }: DoraSectionProps) {
  return (
    <Card title="Delivery performance" hint={formatWindow(props.window)}>
      {editionHref ? (
        <nav className={styles.editions} aria-label="DORA edition">
          {EDITIONS.map((edition) => (
            <Link key={edition} href={editionHref(edition)} aria-current={edition === props.edition ? 'true' : undefined}>
              {EDITION_NAMES[edition]}
            </Link>
          ))}
        </nav>
      ) : null}
      <Widget label="Delivery performance" height={260}>
        <DoraTiles {...props} />
      </Widget>
    </Card>
  );
}
