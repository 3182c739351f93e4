import styles from './ui.module.css';

/** The empty state of a new install: what Waymark needs, and the three ways to give it. */
export function ConnectSource({ title = 'No data yet' }: { title?: string }) {
  return (
    <div className={styles.state} role="status">
      <p className={styles.stateTitle}>{title}</p>
      <p className="muted">Waymark shows DORA metrics and golden-path scorecards once a source has reported deployments. Connect one:</p>
      <ol className={styles.steps}>
        <li>
          <strong>A local git repository</strong>: tags or first-parent commits become deployments.
          <pre>
            <code>npx waymark ingest git .</code>
          </pre>
        </li>
        <li>
          <strong>GitHub</strong>: set <code>GITHUB_TOKEN</code> (or a GitHub App) and <code>GITHUB_ORG</code>, then sync; webhooks keep it current. See the README&apos;s configuration table.
        </li>
        <li>
          <strong>Any other CI</strong>: send <code>events-v1</code> records (NDJSON) from a file or over HTTP.
          <pre>
            <code>npx waymark ingest events deploys.ndjson</code>
          </pre>
        </li>
      </ol>
      <p className="muted">
        Or look around first with a generated organization: <code>npx waymark demo</code> (remove it later with <code>npx waymark demo --reset</code>).
      </p>
    </div>
  );
}
