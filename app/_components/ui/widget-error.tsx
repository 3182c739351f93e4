'use client';

import { catchError, type ErrorInfo } from 'next/error';
import styles from './ui.module.css';

function WidgetErrorFallback({ title }: { title: string }, { error, retry }: ErrorInfo) {
  // In production Next hides server error messages; the digest matches the server log line.
  const digest = error instanceof Error && 'digest' in error ? String((error as Error & { digest?: string }).digest) : null;
  return (
    <div className={`${styles.state} ${styles.stateError}`} role="alert">
      <p className={styles.stateTitle}>{title} could not be loaded.</p>
      <p className="muted">The rest of the page is unaffected.{digest ? ` Reference: ${digest}.` : ''}</p>
      <button type="button" className={styles.button} onClick={() => retry()}>
        Try again
      </button>
    </div>
  );
}

/** One widget's error boundary: a failing query breaks its own card, not the page. */
export const WidgetErrorBoundary = catchError(WidgetErrorFallback);
