import type { Executor } from '@/lib/db/client';
import { getDemoStatus } from '@/lib/demo/get-demo-status';

/** The "demo data" banner: shown while the demo organization is loaded, with how to connect real sources. */
export default async function DemoBanner({ db }: { db: Executor }) {
  const status = await getDemoStatus({ db });
  if (!status.loaded) return null;
  return (
    <aside role="status" aria-label="Demo data" style={{ padding: '0.75rem 1rem', background: '#fff4d6', color: '#4a3500', borderBottom: '1px solid #e6c766' }}>
      <strong>Demo data.</strong> You are looking at {status.organization}, a generated organization (seed {status.seed}, loaded{' '}
      {status.loadedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC). Connect real sources with <code>npx waymark ingest git &lt;path&gt;</code>,{' '}
      <code>GITHUB_TOKEN</code> or the events API (see the README), then remove the demo with <code>npx waymark demo --reset</code>.
    </aside>
  );
}
