import { formatDeployFrequency } from '@/lib/metrics/format-deploy-frequency';
import { formatRate } from '@/lib/metrics/format-rate';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import type { DoraMetrics, Tier } from '@/lib/metrics/metrics-types';
import { TierBadge } from '../ui/badge';
import styles from './dora.module.css';

// The report's own wording of each cluster's typical figures (Accelerate State of DevOps Report 2024, p. 13).
const PROFILES: Record<Tier, string> = {
  elite: 'deploys on demand, lead time under a day, 5 % of changes fail, recovery under an hour',
  high: 'deploys daily to weekly, lead time of a day to a week, 20 % fail, recovery under a day',
  medium: 'deploys weekly to monthly, lead time of a week to a month, 10 % fail, recovery under a day',
  low: 'deploys monthly or less, lead time of one to six months, 40 % fail, recovery in a week to a month',
};

const SHARES: Record<Tier, string> = { elite: '19 %', high: '22 %', medium: '35 %', low: '25 %' };

/**
 * The DORA 2024 cluster nearest to a scope's four keys (a legacy edition, named as such). A nearest cluster can
 * differ from a scope on one key, so the scope's own figures stand next to the cluster's typical ones.
 */
export function ClusterSummary({ metrics, scopeLabel }: { metrics: DoraMetrics; scopeLabel: string }) {
  const cluster = metrics.cluster2024;
  const own = [
    formatDeployFrequency(metrics.deploymentFrequency.perDay),
    `lead time ${formatSeconds(metrics.leadTime.p50Seconds)}`,
    `${formatRate(metrics.changeFailureRate.rate)} fail`,
    `recovery ${formatSeconds(metrics.recoveryTime.p50Seconds)}`,
  ].join(', ');
  return (
    <div className={styles.cluster} data-cluster={cluster ?? 'none'} data-edition="2024">
      <div className={styles.clusterText}>
        <h3>Nearest DORA 2024 performance cluster</h3>
        <p className="muted">
          {cluster
            ? `Of the four 2024 clusters, ${scopeLabel}'s figures (${own}) are nearest to ${cluster} (${SHARES[cluster]} of 2024 respondents; typically ${PROFILES[cluster]}).`
            : `Not enough data to place ${scopeLabel} in a cluster.`}
        </p>
      </div>
      <TierBadge tier={cluster} prefix="2024 cluster:" />
    </div>
  );
}
