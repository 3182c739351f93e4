import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { formatWindow } from '../format/format-window';
import { Card } from '../ui/card';
import { Widget } from '../ui/widget';
import type { DoraFigure } from './dora-figures';
import { DoraTiles } from './dora-tiles';

type DoraSectionProps = { scope: MetricsScope; scopeLabel: string; window: MetricsWindow; days: number; drillHref?: (figure: DoraFigure) => string };

/** The "Delivery performance" card of the overview, a team and a service: titled at once, its tiles streamed in. */
export function DoraSection(props: DoraSectionProps) {
  return (
    <Card title="Delivery performance" hint={formatWindow(props.window)}>
      <Widget label="Delivery performance" height={260}>
        <DoraTiles {...props} />
      </Widget>
    </Card>
  );
}
