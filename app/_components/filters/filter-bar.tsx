import Form from 'next/form';
import Link from 'next/link';
import uiStyles from '../ui/ui.module.css';
import styles from './filter-bar.module.css';
import { SubmitOnChange } from './submit-on-change';
import { RANGE_OPTIONS, type DashboardFilters } from './read-filters';

type FilterBarProps = {
  action: string;
  filters: DashboardFilters;
  defaultDays: number;
  teams?: string[];
  services?: string[];
  showBucket?: boolean;
  /** Extra parameters the form keeps (e.g. the drill-down's status filter). */
  keep?: Record<string, string | null>;
  /** Without its own box, for a page header's action area. */
  compact?: boolean;
};

function ChoiceField({ label, name, value, allLabel, options }: { label: string; name: string; value: string | null; allLabel: string; options: string[] }) {
  return (
    <label className={styles.field}>
      {label}
      <select name={name} defaultValue={value ?? ''} className={styles.control}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The filters of a view as a GET form: a choice applies as it changes and changes the URL (so the view can be shared
 * and the back button works); without JavaScript an Apply button does it. next/form makes it a client-side navigation.
 */
const rangeLabel = (days: number) => (days === 365 ? 'Last year' : days === 730 ? 'Last 2 years' : `Last ${days} days`);

/**
 * The filters of a view as a GET form: applying it changes the URL (so the view can be shared and the back button
 * works), and it works without JavaScript. next/form turns the submit into a client-side navigation. The range is a
 * number of days, all time, or (when both dates are given) a custom from–to; the dates win over the menu.
 */
export function FilterBar({ action, filters, defaultDays, teams, services, showBucket, keep = {}, compact = false }: FilterBarProps) {
  const custom = filters.from && filters.to ? { from: filters.from, to: filters.to } : null;
  const ranges = custom || filters.all || RANGE_OPTIONS.includes(filters.days) ? RANGE_OPTIONS : [...RANGE_OPTIONS, filters.days].sort((a, b) => a - b);
  return (
    <Form action={action} className={compact ? `${styles.bar} ${styles.compact}` : styles.bar} aria-label="Filters">
      <label className={styles.field}>
        Time range
        <select name="range" defaultValue={filters.all ? 'all' : `${custom ? defaultDays : filters.days}d`} className={styles.control}>
          {ranges.map((days) => (
            <option key={days} value={`${days}d`}>
              {rangeLabel(days)}
              {days === defaultDays ? ' (default)' : ''}
            </option>
          ))}
          <option value="all">All time</option>
        </select>
      </label>
      {/* On a phone the page header keeps only the menu unless dates were chosen: the first figure stays on screen. */}
      <label className={custom ? styles.field : `${styles.field} ${styles.dateField}`}>
        From
        <input type="date" name="from" defaultValue={custom?.from ?? ''} className={styles.control} />
      </label>
      <label className={custom ? styles.field : `${styles.field} ${styles.dateField}`}>
        To
        <input type="date" name="to" defaultValue={custom?.to ?? ''} className={styles.control} />
      </label>
      {teams ? <ChoiceField label="Team" name="team" value={filters.team} allLabel="All teams" options={teams} /> : null}
      {services ? <ChoiceField label="Service" name="service" value={filters.service} allLabel="All services" options={services} /> : null}
      {showBucket ? (
        <label className={styles.field}>
          Granularity
          <select name="bucket" defaultValue={filters.bucket} className={styles.control}>
            <option value="week">Weekly</option>
            <option value="month">Monthly</option>
          </select>
        </label>
      ) : null}
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <SubmitOnChange />
      {/* Choices apply as they change; without JavaScript the form needs its button. */}
      <noscript>
        <button type="submit" className={`${uiStyles.button} ${uiStyles.buttonPrimary}`}>
          Apply
        </button>
      </noscript>
      <Link href={action} className={styles.reset}>
        Reset
      </Link>
    </Form>
  );
}
