import { getDb } from '@/lib/db/client';
import { getDemoStatus } from '@/lib/demo/get-demo-status';
import styles from './shell.module.css';

/** The "demo data" banner on every page while the generated demo organization is loaded, with how to move to real data. */
export async function DemoBanner() {
  const status = await getDemoStatus({ db: await getDb() });
  if (!status.loaded) return null;
  return (
    <aside className={styles.banner} aria-label="Demo data" data-testid="demo-banner">
      <span className={styles.bannerLabel}>Demo data</span>
      <p>
        You are looking at <strong>{status.organization}</strong>, a generated organization (seed {status.seed}). Connect real sources with{' '}
        <code>npx waymark ingest git &lt;path&gt;</code>, a <code>GITHUB_TOKEN</code> or the events API (see the README), then remove the demo with{' '}
        <code>npx waymark demo --reset</code>.
      </p>
    </aside>
  );
}
