import { getExemptionDayRange } from '@/lib/scorecard/validate-exemption-request';
import styles from './scorecard.module.css';

/**
 * An owner's request for an exemption of one failing check: a plain same-origin form post (works without
 * JavaScript; the server checks the role, the team and the origin), sent back to the service page.
 */
export function ExemptionRequestForm({ service, check, maxDays }: { service: string; check: string; maxDays: number }) {
  const { today, latest } = getExemptionDayRange(maxDays);
  return (
    <details className={styles.requestForm}>
      <summary>Request an exemption</summary>
      <form method="post" action="/api/exemptions/requests" data-testid={`request-exemption-${check}`}>
        <input type="hidden" name="service" value={service} />
        <input type="hidden" name="check" value={check} />
        <label>
          Reason <input type="text" name="reason" required maxLength={2000} />
        </label>
        <label>
          Last day <input type="date" name="expires" required min={today} max={latest} />
        </label>
        <button type="submit">Send to the platform team</button>
      </form>
    </details>
  );
}
