import styles from './scorecard.module.css';

/**
 * An owner's note on a failing check ("known, fix in progress"): a plain same-origin form post (works without
 * JavaScript; the server checks the role, the team and the origin), sent back to the service page.
 */
export function AcknowledgeForm({ service, check }: { service: string; check: string }) {
  return (
    <details className={styles.requestForm}>
      <summary>Acknowledge with a note</summary>
      <form method="post" action="/api/acknowledgements" data-testid={`acknowledge-${check}`}>
        <input type="hidden" name="service" value={service} />
        <input type="hidden" name="check" value={check} />
        <label>
          Note <input type="text" name="note" required maxLength={2000} placeholder="Known; fix due Friday (PR #123)" />
        </label>
        <button type="submit">Acknowledge</button>
      </form>
    </details>
  );
}
