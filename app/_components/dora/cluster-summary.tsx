import type { Tier } from '@/lib/metrics/metrics-types';
import { TierBadge } from '../ui/badge';
import styles from './dora.module.css';

const DESCRIPTIONS: Record<Tier, string> = {
  elite: 'Deploys on demand, changes reach production within a day, about 5 % of deployments fail, recovery within an hour.',
  high: 'Deploys daily to weekly, lead time of a day to a week, recovery within a day.',
  medium: 'Deploys weekly to monthly, lead time of a week to a month, recovery within a day.',
  low: 'Deploys monthly or less, lead time of one to six months, recovery takes a week or more.',
};

const SHARES: Record<Tier, string> = { elite: '19 %', high: '22 %', medium: '35 %', low: '25 %' };

/** The DORA 2024 performance cluster nearest to the four keys, with what that cluster means. */
export function ClusterSummary({ cluster, scopeLabel }: { cluster: Tier | null; scopeLabel: string }) {
  return (
    <div className={styles.cluster} data-cluster={cluster ?? 'none'}>
      <div className={styles.clusterText}>
        <h3>DORA 2024 performance cluster</h3>
        <p className="muted">
          {cluster
            ? `${scopeLabel} is closest to the ${cluster} cluster (${SHARES[cluster]} of the 2024 survey's respondents). ${DESCRIPTIONS[cluster]}`
            : `Not enough data to place ${scopeLabel} in a cluster.`}
        </p>
      </div>
      <TierBadge tier={cluster} prefix="Cluster:" />
    </div>
  );
}
