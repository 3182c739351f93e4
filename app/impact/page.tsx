import type { Metadata } from 'next';
import Form from 'next/form';
import { getDb } from '@/lib/db/client';
import { getDataPresence } from '@/lib/catalog/get-data-presence';
import { STORED_IMPACT_WINDOWS } from '@/lib/impact/describe-stored-impact';
import { getStoredImpact } from '@/lib/impact/get-stored-impact';
import { subjectKey } from '@/lib/impact/list-impact-subjects';
import { IMPACT_METHOD } from '@/lib/impact/measure-adoption-impact';
import filterStyles from '../_components/filters/filter-bar.module.css';
import { Card } from '../_components/ui/card';
import { ConnectSource } from '../_components/ui/connect-source';
import { PageHeader } from '../_components/ui/page-header';
import uiStyles from '../_components/ui/ui.module.css';
import { formatDateTime } from '@/lib/format/format-date';
import styles from './_components/impact.module.css';
import { SubjectImpact } from './_components/subject-impact';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Adoption impact' };

// The windows whose analyses the server keeps ready, shortest first.
const WINDOWS: number[] = [...STORED_IMPACT_WINDOWS].sort((a, b) => a - b);

export default async function ImpactPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const requested = Number(params.window);
  const windowDays = WINDOWS.includes(requested) ? requested : 30;
  const header = (
    <PageHeader
      title="Adoption impact"
      lede="Does the golden path improve delivery? For each check and level: how delivery changed for the services that adopted it, beyond what changed everywhere else, and how passing services compare with failing ones."
    />
  );
  const db = await getDb();
  const presence = await getDataPresence({ db });
  if (!presence.hasServices) {
    return (
      <>
        {header}
        <ConnectSource />
      </>
    );
  }
  // The bootstrap runs in the server's upkeep (ensureImpactAnalyses), never for a reader.
  const stored = await getStoredImpact({ db, windowDays });
  return (
    <>
      {header}
      <Form action="/impact" className={filterStyles.bar} aria-label="Analysis settings">
        <label className={filterStyles.field}>
          Days before and after adopting
          <select name="window" defaultValue={String(windowDays)} className={filterStyles.control}>
            {WINDOWS.map((days) => (
              <option key={days} value={days}>
                {days} days{days === 30 ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={`${uiStyles.button} ${uiStyles.buttonPrimary}`}>
          Apply
        </button>
      </Form>
      <details className={styles.howToRead}>
        <summary>How to read this</summary>
        <p className={styles.method}>{IMPACT_METHOD}</p>
      </details>
      {stored === null ? (
        <Card title="Being computed">
          <p data-testid="impact-pending">
            The analysis for {windowDays} days before and after is being computed from the latest data. It takes a
            minute or two after the server starts or the day changes; reload this page then.
          </p>
        </Card>
      ) : (
        <p className="muted" data-testid="impact-computed">
          Computed {formatDateTime(stored.computedAt)}
          {stored.current ? '.' : '; data changed since, and the analysis is being brought up to date.'}
        </p>
      )}
      <div className={styles.subjects}>
      {stored?.impact.subjects.map((impact) => {
        const { subject } = impact;
        return (
          <Card
            key={subjectKey(subject)}
            title={subject.kind === 'check' ? `${subject.title} (${subject.id})` : `Level ${subject.level} or above`}
            hint={subject.kind === 'check' ? `${subject.level} check` : 'level'}
          >
            <SubjectImpact impact={impact} />
          </Card>
        );
      })}
      </div>
      {stored && stored.impact.skipped.length > 0 ? (
        <Card title="Not analysed">
          <ul>
            {stored.impact.skipped.map(({ check, reason }) => (
              <li key={check}>
                <strong>{check}</strong>: {reason}.
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
