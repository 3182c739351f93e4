import type { Metadata } from 'next';
import Form from 'next/form';
import { getDb } from '@/lib/db/client';
import { getDataPresence } from '@/lib/catalog/get-data-presence';
import { IMPACT_METHOD } from '@/lib/impact/get-adoption-impact';
import { listImpactSubjects, subjectKey } from '@/lib/impact/list-impact-subjects';
import { getStandards } from '@/lib/scorecard/get-standards';
import filterStyles from '../_components/filters/filter-bar.module.css';
import { Card } from '../_components/ui/card';
import { ConnectSource } from '../_components/ui/connect-source';
import { PageHeader } from '../_components/ui/page-header';
import uiStyles from '../_components/ui/ui.module.css';
import { Widget } from '../_components/ui/widget';
import styles from './_components/impact.module.css';
import { SubjectImpact } from './_components/subject-impact';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Adoption impact' };

const WINDOWS = [14, 30, 60];

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
  const presence = await getDataPresence({ db: await getDb() });
  if (!presence.hasServices) {
    return (
      <>
        {header}
        <ConnectSource />
      </>
    );
  }
  const { subjects, skipped } = listImpactSubjects(getStandards());
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
      <Card title="How to read this">
        <p className={styles.method}>{IMPACT_METHOD}</p>
      </Card>
      {subjects.map((subject) => (
        <Card
          key={subjectKey(subject)}
          title={subject.kind === 'check' ? `${subject.title} (${subject.id})` : `Level ${subject.level} or above`}
          hint={subject.kind === 'check' ? `${subject.level} check` : 'level'}
        >
          <Widget label={subject.kind === 'check' ? subject.title : `Level ${subject.level}`} height={320}>
            <SubjectImpact subject={subject} windowDays={windowDays} />
          </Widget>
        </Card>
      ))}
      {skipped.length > 0 ? (
        <Card title="Not analysed">
          <ul>
            {skipped.map(({ check, reason }) => (
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
