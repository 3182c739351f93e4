import type { ReactNode } from 'react';
import styles from './ui.module.css';

/** The top of every page: an optional breadcrumb line, the one <h1>, a sentence saying what the page answers, and actions. */
export function PageHeader({ title, eyebrow, lede, actions }: { title: ReactNode; eyebrow?: ReactNode; lede?: ReactNode; actions?: ReactNode }) {
  return (
    <header className={styles.pageHeader}>
      <div className={styles.pageTitle}>
        {eyebrow ? <div className={styles.eyebrow}>{eyebrow}</div> : null}
        <h1>{title}</h1>
        {lede ? <p className={styles.lede}>{lede}</p> : null}
      </div>
      {actions ? <div className={styles.row}>{actions}</div> : null}
    </header>
  );
}
