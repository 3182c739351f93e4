import Link from 'next/link';
import styles from './table.module.css';

export type SortDirection = 'asc' | 'desc';

/**
 * A sortable column header. Sorting is a link (the sort lives in the URL, so a sorted view can be shared and works
 * without JavaScript); aria-sort tells assistive technology which column is sorted and how.
 */
export function SortHeader({ label, column, sort, dir, href, numeric, descendingFirst = numeric }: { label: string; column: string; sort: string; dir: SortDirection; href: (sort: string, dir: SortDirection) => string; numeric?: boolean; descendingFirst?: boolean }) {
  const active = sort === column;
  const nextDir: SortDirection = active ? (dir === 'asc' ? 'desc' : 'asc') : descendingFirst ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={numeric ? styles.numeric : undefined}>
      <Link className={styles.sortLink} href={href(column, nextDir)}>
        {label}
        <span className={styles.sortArrow} aria-hidden="true">
          {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="visually-hidden">{active ? `, sorted ${dir === 'asc' ? 'ascending' : 'descending'}; sort ${nextDir === 'asc' ? 'ascending' : 'descending'}` : ', sort'}</span>
      </Link>
    </th>
  );
}
