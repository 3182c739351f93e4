import Form from 'next/form';
import filterStyles from '../filters/filter-bar.module.css';
import styles from './ui.module.css';

/** A GET search form: the query lands in the URL (`?q=`), keeping the other parameters given in `keep`. */
export function SearchBox({ action, query, label, placeholder, keep = {} }: { action: string; query: string; label: string; placeholder?: string; keep?: Record<string, string | null> }) {
  return (
    <Form action={action} role="search" className={filterStyles.bar}>
      <label className={filterStyles.field}>
        {label}
        <input type="search" name="q" defaultValue={query} placeholder={placeholder} className={filterStyles.control} />
      </label>
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <button type="submit" className={`${styles.button} ${styles.buttonPrimary}`}>
        Search
      </button>
    </Form>
  );
}
