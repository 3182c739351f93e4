import type { CampaignProgress } from '@/lib/campaigns/get-campaign-progress';
import { EmptyState } from '../../_components/ui/states';
import { BurnUpChart, type BurnUpChartPoint } from './burn-up-chart';
import { formatCampaignDay } from './describe-campaign';
import { DAY_MS } from '@/lib/format/time-units';

const daysSince = (start: string, day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);

/** The burn-up chart and, for anyone who cannot see it, the same points as a table (folded). */
export function BurnUpSection({ progress }: { progress: CampaignProgress }) {
  const { campaign, points, total } = progress;
  if (points.length === 0) return <EmptyState title={progress.state === 'upcoming' ? `Starts ${formatCampaignDay(campaign.start)}` : 'No scorecard history in the campaign yet'} />;
  const chart: BurnUpChartPoint[] = points.map((point) => ({ x: daysSince(campaign.start, point.day), done: point.done, target: point.target }));
  // The line runs on to the deadline, so the gap between where the campaign is and where it must get to shows.
  if (progress.through < campaign.deadline) chart.push({ x: daysSince(campaign.start, campaign.deadline), done: null, target: total });
  return (
    <>
      <BurnUpChart points={chart} total={total} start={campaign.start} />
      <details>
        <summary>The burn-up as a table</summary>
        <table data-testid="burn-up-table">
          <caption>Services done per {points.length > 1 && daysSince(points[0]!.day, points[1]!.day) === 7 ? 'week' : 'day'}, of {total}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Done</th>
              <th scope="col">Straight line to the deadline</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.day}>
                <th scope="row">{formatCampaignDay(point.day)}</th>
                <td>{point.done}</td>
                <td>{point.target.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
