import { Suspense, type ReactNode } from 'react';
import { WidgetSkeleton } from './states';
import { WidgetErrorBoundary } from './widget-error';

/**
 * One async server widget, placed inside the card that titles it (so titles show at once): its own error boundary and its own Suspense boundary with a skeleton, so widgets
 * stream in independently and a failing one does not take the page down.
 */
export function Widget({ label, height, fallback, children }: { label: string; height?: number; fallback?: ReactNode; children: ReactNode }) {
  return (
    <WidgetErrorBoundary title={label}>
      <Suspense fallback={fallback ?? <WidgetSkeleton label={label} height={height} />}>{children}</Suspense>
    </WidgetErrorBoundary>
  );
}
