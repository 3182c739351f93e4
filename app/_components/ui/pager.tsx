import Link from 'next/link';
import styles from './table.module.css';
import uiStyles from './ui.module.css';

/** Server-side pagination: the page is in the URL, and only one page of rows is ever rendered. */
export function Pager({ offset, limit, total, href }: { offset: number; limit: number; total: number; href: (offset: number) => string }) {
  if (total <= limit && offset === 0) return null;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className={styles.pager} aria-label="Pages">
      <span>
        {first}–{last} of {total.toLocaleString('en-US')}
      </span>
      <span className={uiStyles.row}>
        {offset > 0 ? (
          <Link className={uiStyles.button} href={href(Math.max(0, offset - limit))} rel="prev">
            ← Previous
          </Link>
        ) : null}
        {last < total ? (
          <Link className={uiStyles.button} href={href(offset + limit)} rel="next">
            Next →
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
