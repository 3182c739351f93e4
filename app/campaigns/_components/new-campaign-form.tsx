import type { Standards } from '@/lib/scorecard/standards-schema';
import styles from './campaigns.module.css';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A platform user's new campaign: a plain same-origin form post (works without JavaScript; the server checks the role
 * and the origin, validates it as a standards-file campaign and sends the browser on to the campaign's page).
 */
export function NewCampaignForm({ standards }: { standards: Standards }) {
  return (
    <details className={styles.newCampaign}>
      <summary>New campaign</summary>
      <form method="post" action="/api/campaigns" data-testid="new-campaign-form">
        <label>
          Name (lowercase, for the address) <input name="name" required pattern="[a-z0-9][a-z0-9._\-]{0,79}" />
        </label>
        <label>
          Title <input name="title" maxLength={200} />
        </label>
        <label>
          Checks to pass (ids, comma-separated)
          <input name="checks" list="campaign-checks" placeholder={standards.checks[0]?.id} />
          <datalist id="campaign-checks">
            {standards.checks.map((check) => (
              <option key={check.id} value={check.id}>
                {check.title}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          or a level to reach
          <select name="level" defaultValue="">
            <option value="">—</option>
            {standards.levels.map((level) => (
              <option key={level}>{level}</option>
            ))}
          </select>
        </label>
        <label>
          Teams in scope (comma-separated; empty for all) <input name="team" />
        </label>
        <label>
          Tiers in scope <input name="tier" />
        </label>
        <label>
          Start <input type="date" name="start" required defaultValue={today()} />
        </label>
        <label>
          Deadline <input type="date" name="deadline" required />
        </label>
        <label>
          Owner <input name="owner" required maxLength={200} />
        </label>
        <label>
          Description <input name="description" maxLength={2000} />
        </label>
        <label>
          Link (http or https) <input type="url" name="link" />
        </label>
        <button type="submit">Start the campaign</button>
      </form>
    </details>
  );
}
