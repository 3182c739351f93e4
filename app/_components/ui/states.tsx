import type { ReactNode } from 'react';
import styles from './ui.module.css';

/** What to show when a widget has nothing to show: say why, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={styles.state} role="status">
      <p className={styles.stateTitle}>{title}</p>
      {children}
    </div>
  );
}

export function ErrorState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={`${styles.state} ${styles.stateError}`} role="alert">
      <p className={styles.stateTitle}>{title}</p>
      {children}
    </div>
  );
}

export function Skeleton({ height = 20, width = '100%' }: { height?: number | string; width?: number | string }) {
  return <div className={styles.skeleton} style={{ height, width }} aria-hidden="true" />;
}

/** A placeholder with an accessible "loading" label, used as every widget's Suspense fallback inside its card. */
export function WidgetSkeleton({ label, height = 160 }: { label: string; height?: number }) {
  return (
    <div className={styles.stack} aria-busy="true">
      <span className="visually-hidden">Loading {label}…</span>
      <Skeleton height={18} width="40%" />
      <Skeleton height={height} />
    </div>
  );
}
