import type { Metadata } from 'next';
import { getDb } from '@/lib/db/client';
import { formatRate } from '@/lib/metrics/format-rate';
import { getCheckSummary } from '@/lib/scorecard/get-check-summary';
import { getStandards } from '@/lib/scorecard/get-standards';
import styles from '../_components/scorecard/scorecard.module.css';
import { Badge } from '../_components/ui/badge';
import { Card } from '../_components/ui/card';
import { PageHeader } from '../_components/ui/page-header';
import { EmptyState } from '../_components/ui/states';
import ui from '../_components/ui/ui.module.css';
import table from '../_components/ui/table.module.css';
import { Widget } from '../_components/ui/widget';

export const dynamic = 'force-dynamic';

/** A rule as the standards file writes it, on one line: `fileExists: ["CODEOWNERS", ".github/CODEOWNERS"]`. */
const describeRule = (rule: object) =>
  Object.entries(rule)
    .filter(([, value]) => value !== undefined)
    .map(([kind, value]) => `${kind}: ${JSON.stringify(value)}`)
    .join('; ');
export const metadata: Metadata = { title: 'Standards' };

/** The golden path as the standards file defines it, level by level, with how many services pass each check today. */
async function StandardsList() {
  const standards = getStandards();
  const summary = new Map((await getCheckSummary({ db: await getDb() })).map((row) => [row.id, row]));
  if (standards.checks.length === 0) return <EmptyState title="The standards file defines no checks" />;
  return (
    <>
      {standards.levels.map((level) => (
        <Card key={level} title={<Badge value={level} />} hint={`${standards.checks.filter((check) => check.level === level).length} checks`}>
          <ul className={styles.checks}>
            {standards.checks
              .filter((check) => check.level === level)
              .map((check) => {
                const row = summary.get(check.id);
                return (
                  <li key={check.id} className={styles.check} data-check={check.id}>
                    <div className={ui.stack}>
                      <span className={styles.bigFigure}>{formatRate(row?.passRate ?? null)}</span>
                      <div className={styles.meter} aria-hidden="true">
                        <div className={styles.meterFill} style={{ width: `${Math.round((row?.passRate ?? 0) * 100)}%` }} />
                      </div>
                    </div>
                    <div className={styles.checkBody}>
                      <span className={styles.checkTitle}>{check.title}</span>
                      <span className="muted">
                        <code>{check.id}</code> · {check.category}
                      </span>
                      {check.description ? <p>{check.description}</p> : null}
                      <p className={table.rule} data-rule>
                        {describeRule(check.rule)}
                        {check.appliesTo ? ` · applies to ${describeRule(check.appliesTo)}` : ''}
                      </p>
                      {row ? (
                        <p data-pass-count>
                          {row.counts.pass} of {row.applicable} applicable services pass
                          {row.counts.exempt ? `, ${row.counts.exempt} exempt` : ''}
                          {row.counts.unknown ? `, ${row.counts.unknown} unknown` : ''}
                          {row.counts.skip ? ` (${row.counts.skip} not applicable)` : ''}
                        </p>
                      ) : null}
                      {check.fix ? (
                        <p className={styles.fix}>
                          <strong>How to pass:</strong> {check.fix}
                        </p>
                      ) : null}
                    </div>
                  </li>
                );
              })}
          </ul>
        </Card>
      ))}
    </>
  );
}

export default function StandardsPage() {
  return (
    <>
      <PageHeader title="Standards" lede="The golden path: every check services are scored against, with its rule as the standards file (golden-path.yaml, or the built-in set) defines it, and how many services pass it today." />
      <Widget label="Standards" height={400}>
        <StandardsList />
      </Widget>
    </>
  );
}
